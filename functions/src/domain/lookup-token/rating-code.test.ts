import { describe, expect, it } from 'vitest';
import { LookupTokenError, signLookupToken } from './lookup-token.js';
import { formatRatingCode, RATING_CODE_DIGITS, ratingCodeOf, verifyRatingCode } from './rating-code.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('desk rating codes', () => {
  it('are eight digits, deterministic, printed as two groups of four', () => {
    const code = ratingCodeOf('dossier-1', SECRET);
    expect(code).toMatch(/^\d{8}$/);
    expect(code).toHaveLength(RATING_CODE_DIGITS);
    expect(ratingCodeOf('dossier-1', SECRET)).toBe(code);
    expect(formatRatingCode(code)).toBe(`${code.slice(0, 4)} ${code.slice(4)}`);
  });

  // Known answer computed once with an independent HMAC implementation (Node's crypto):
  // HMAC-SHA256(SECRET, "motcua/rating-code/v1:dossier-1"), first 6 bytes big-endian, mod 10⁸.
  it('match a known answer of the construction', () => {
    expect(ratingCodeOf('dossier-1', SECRET)).toBe('34712448');
  });

  it('differ per dossier and per secret, and are not the lookup token', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => ratingCodeOf(`dossier-${i}`, SECRET)));
    expect(codes.size).toBeGreaterThan(1990);
    expect(ratingCodeOf('dossier-1', `${SECRET}x`)).not.toBe(ratingCodeOf('dossier-1', SECRET));
    expect(signLookupToken('dossier-1', SECRET)).not.toContain(ratingCodeOf('dossier-1', SECRET));
  });

  it('verify as typed (spaces, dashes), and nothing else', () => {
    const code = ratingCodeOf('dossier-1', SECRET);
    expect(verifyRatingCode('dossier-1', code, SECRET)).toBe(true);
    expect(verifyRatingCode('dossier-1', formatRatingCode(code), SECRET)).toBe(true);
    expect(verifyRatingCode('dossier-1', `${code.slice(0, 4)}-${code.slice(4)}`, SECRET)).toBe(true);
    expect(verifyRatingCode('dossier-2', code, SECRET)).toBe(false);
    expect(verifyRatingCode('dossier-1', code.slice(0, 7), SECRET)).toBe(false);
    expect(verifyRatingCode('dossier-1', `${code}0`, SECRET)).toBe(false);
    expect(verifyRatingCode('dossier-1', '', SECRET)).toBe(false);
    expect(verifyRatingCode('', code, SECRET)).toBe(false);
  });

  it('refuse a short secret', () => {
    expect(() => ratingCodeOf('dossier-1', 'short')).toThrow(LookupTokenError);
  });
});
