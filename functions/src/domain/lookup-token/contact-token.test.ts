import { describe, expect, it } from 'vitest';
import { contactParam, normaliseContact, signContactToken, verifyContactToken } from './contact-token.js';
import { signLookupToken } from './lookup-token.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('contact confirmation tokens', () => {
  // Known answer computed once with Node's crypto: base64url(HMAC-SHA256(SECRET,
  // "motcua/contact/v1:d1\0email\0hoa@example.vn")[0..16]), on the normalised address.
  it('match a known answer of the construction, on the normalised address', () => {
    expect(signContactToken('d1', 'email', ' Hoa@Example.VN ', SECRET)).toBe('lvRiMeedhMNGey6Pu5mVCQ');
    expect(contactParam('d1', 'phone', '0912 345 678', SECRET)).toBe(`phone.${signContactToken('d1', 'phone', '+84912345678', SECRET)}`);
  });

  it('confirm one address of one dossier through one channel, nothing else', () => {
    const token = signContactToken('d1', 'email', 'hoa@example.vn', SECRET);
    expect(verifyContactToken('d1', 'email', 'HOA@example.vn', token, SECRET)).toBe(true);
    expect(verifyContactToken('d2', 'email', 'hoa@example.vn', token, SECRET)).toBe(false);
    expect(verifyContactToken('d1', 'email', 'victim@example.vn', token, SECRET)).toBe(false);
    expect(verifyContactToken('d1', 'phone', 'hoa@example.vn', token, SECRET)).toBe(false);
    expect(verifyContactToken('d1', 'email', 'hoa@example.vn', token.slice(1), SECRET)).toBe(false);
    expect(verifyContactToken('', 'email', 'hoa@example.vn', token, SECRET)).toBe(false);
    // Not the lookup token: holding the receipt's QR does not confirm a contact, nor the reverse.
    expect(token).not.toBe(signLookupToken('d1', SECRET));
  });

  it('normalise addresses to one spelling', () => {
    expect(normaliseContact('email', '  A.B@Example.vn ')).toBe('a.b@example.vn');
    expect(normaliseContact('phone', '0912.345.678')).toBe('+84912345678');
    expect(normaliseContact('phone', '+84 912 345 678')).toBe('+84912345678');
  });
});
