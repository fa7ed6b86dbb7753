// The citizen's page session: the `__session` cookie (the only cookie Firebase Hosting forwards to a
// function) holding a Firebase session cookie made by POST /api/session (features/session). Only the
// server-drawn pages /ho-so/ and /nop-ho-so/<code> read it, to send the citizen's list or the wizard's
// first view already drawn (issue 20); the API never
// accepts it in place of an ID token, so a request another site makes the browser send cannot act with
// it (docs/SECURITY.md, "Page session").
import { getAuth } from 'firebase-admin/auth';
import { sessionFacts } from './auth.js';
import { db } from './firestore.js';
import type { ApiRequest } from './http-router.js';

export const SESSION_COOKIE = '__session';
/** Five days: long enough that a citizen coming back during a procedure finds the list at once. */
export const SESSION_DAYS = 5;
export const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

/** What the page needs to know of the citizen the cookie names. */
export type PageCitizen = {
  uid: string;
  email: string | null;
  phoneNumber: string | null;
  /** How the session's sign-in was made, as an ID token of it would say (a VNeID session, say). */
  session: ReturnType<typeof sessionFacts>;
};

/** The `__session` value of the request's Cookie header, if any. */
export function sessionCookieOf(req: Pick<ApiRequest, 'header'>): string | undefined {
  const header = req.header('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** `Set-Cookie` for the session: readable by no script, sent by no other site, for every page. */
export function sessionSetCookie(value: string): string {
  return `${SESSION_COOKIE}=${value}; Max-Age=${SESSION_MS / 1000}; Path=/; HttpOnly; Secure; SameSite=Strict`;
}

export const clearSessionCookie = `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict`;

/**
 * The citizen of a valid, unrevoked session cookie; undefined for no cookie, a bad, expired or revoked
 * one, or an account with a role claim (officers and desk devices never get a page session, and one
 * promoted since the cookie was made no longer counts). Never throws for the caller's input: the page
 * then goes out as it is built, with the script's sign-in.
 */
export async function pageCitizen(req: Pick<ApiRequest, 'header'>): Promise<PageCitizen | undefined> {
  const cookie = sessionCookieOf(req);
  if (!cookie || cookie.length > 4096) return undefined;
  db(); // makes sure the default app exists
  const decoded = await getAuth()
    .verifySessionCookie(cookie, true)
    .catch(() => undefined);
  if (!decoded || (decoded.role !== undefined && decoded.role !== null)) return undefined;
  return {
    uid: decoded.uid,
    email: typeof decoded.email === 'string' ? decoded.email : null,
    phoneNumber: typeof decoded.phone_number === 'string' ? decoded.phone_number : null,
    session: sessionFacts(decoded),
  };
}
