import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOOKUP_TOKEN_LENGTH,
  LookupTokenError,
  base64UrlEncode,
  signLookupToken,
  verifyLookupToken,
} from './lookup-token.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('lookup tokens', () => {
  it('are 22 URL-safe characters carrying 128 bits (≥ 96 required)', () => {
    const token = signLookupToken('dossier-1', SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(token).toHaveLength(LOOKUP_TOKEN_LENGTH);
    expect(Math.floor((token.length * 6) / 8) * 8).toBeGreaterThanOrEqual(96);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it('are deterministic and verify', () => {
    expect(signLookupToken('dossier-1', SECRET)).toBe(signLookupToken('dossier-1', SECRET));
    expect(verifyLookupToken('dossier-1', signLookupToken('dossier-1', SECRET), SECRET)).toBe(true);
  });

  // Known answer computed once with an independent HMAC implementation (Node's crypto):
  // base64url(HMAC-SHA256(SECRET, "motcua/lookup/v1:dossier-1")[0..16]).
  it('match a known answer of the construction', () => {
    expect(signLookupToken('dossier-1', SECRET)).toBe('W5wv0NrfjvdOteLve83nUQ');
  });

  it('fail for a wrong id, a wrong secret, a tampered or truncated token', () => {
    const token = signLookupToken('dossier-1', SECRET);
    expect(verifyLookupToken('dossier-2', token, SECRET)).toBe(false);
    expect(verifyLookupToken('dossier-1', token, `${SECRET}x`)).toBe(false);
    expect(verifyLookupToken('dossier-1', token.slice(0, -1), SECRET)).toBe(false);
    expect(verifyLookupToken('dossier-1', `${token}A`, SECRET)).toBe(false);
    expect(verifyLookupToken('dossier-1', '', SECRET)).toBe(false);
    expect(verifyLookupToken('', token, SECRET)).toBe(false);
    for (let i = 0; i < token.length; i++) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(verifyLookupToken('dossier-1', flipped, SECRET)).toBe(false);
    }
  });

  it('property: a random token never verifies; distinct ids get distinct tokens', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 22, maxLength: 22 }),
        (a, b, random) => {
          const ta = signLookupToken(a, SECRET);
          if (a !== b) expect(signLookupToken(b, SECRET)).not.toBe(ta);
          if (random !== ta) expect(verifyLookupToken(a, random, SECRET)).toBe(false);
        },
      ),
    );
  });

  it.each(['', 'short', 'x'.repeat(31)])('reject a secret shorter than 32 bytes (%j)', (secret) => {
    expect(() => signLookupToken('dossier-1', secret)).toThrow(LookupTokenError);
    expect(() => verifyLookupToken('dossier-1', 'AAAAAAAAAAAAAAAAAAAAAA', secret)).toThrow(
      expect.objectContaining({ code: 'lookup-secret-too-short' }),
    );
  });

  it('reject an empty dossier id when signing', () => {
    expect(() => signLookupToken('', SECRET)).toThrow(
      expect.objectContaining({ code: 'lookup-dossier-id-empty' }),
    );
  });

  // RFC 4648 §10 test vectors, without padding, plus the two characters that differ from base64.
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('base64url(%j) = %j', (text, encoded) => {
    expect(base64UrlEncode(new TextEncoder().encode(text))).toBe(encoded);
  });

  it('base64url uses - and _ instead of + and /', () => {
    expect(base64UrlEncode(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });
});
