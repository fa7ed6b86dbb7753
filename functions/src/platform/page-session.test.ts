import { describe, expect, it } from 'vitest';
import { clearSessionCookie, sessionCookieOf, sessionSetCookie } from './page-session.js';

const req = (cookie?: string) => ({ header: (name: string) => (name === 'cookie' ? cookie : undefined) });

describe('the page-session cookie', () => {
  it('is found among the request cookies by its exact name only', () => {
    expect(sessionCookieOf(req())).toBeUndefined();
    expect(sessionCookieOf(req('__session=abc.def'))).toBe('abc.def');
    expect(sessionCookieOf(req('lang=vi; __session=abc.def=; x=1'))).toBe('abc.def=');
    expect(sessionCookieOf(req('x__session=nope; __session_old=nope'))).toBeUndefined();
    expect(sessionCookieOf(req('__session='))).toBeUndefined();
    expect(sessionCookieOf(req('garbage'))).toBeUndefined();
  });

  it('is set HttpOnly, Secure, SameSite=Strict for the whole site and five days, and cleared the same way', () => {
    expect(sessionSetCookie('v')).toBe('__session=v; Max-Age=432000; Path=/; HttpOnly; Secure; SameSite=Strict');
    expect(clearSessionCookie).toBe('__session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict');
  });
});
