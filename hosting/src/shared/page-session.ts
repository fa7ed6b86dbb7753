// The citizen's page session (POST/DELETE /api/session, contract/session.ts): an HttpOnly cookie that lets
// the server send My dossiers and the application wizard with their first view already drawn at the next
// visit (docs/adr/0014). The pages ask for it right after a sign-in, renew it once a day on a page drawn
// with it, and drop it when it names someone else.
import type { User } from 'firebase/auth';
import { api } from './api.js';
import { apiAs } from './session.js';

/**
 * POST /api/session, right after a sign-in. Refused for an older sign-in: then there is simply no cookie
 * until the next one, and the pages work as before.
 */
export async function rememberSession(user: User): Promise<boolean> {
  return apiAs(user, 'startSession', { body: {} }).then(
    () => {
      noteRenewal();
      return true;
    },
    () => false,
  );
}

/** When this browser last made or renewed its page session (localStorage; absent when it cannot be kept). */
const RENEWED_AT = 'motcua.pageSessionRenewedAt';
const DAY_MS = 24 * 60 * 60 * 1000;

function noteRenewal(): void {
  try {
    localStorage.setItem(RENEWED_AT, String(Date.now()));
  } catch {
    // storage refused (private browsing): the session is renewed on every drawn visit instead
  }
}

function renewedWithinADay(): boolean {
  try {
    return Date.now() - Number(localStorage.getItem(RENEWED_AT) ?? 0) < DAY_MS;
  } catch {
    return false;
  }
}

/**
 * On a page the server drew for this citizen (so the cookie is valid now): the session is renewed, at
 * most once a day, so that a citizen who comes back within its five days keeps the pages drawn
 * (features/session accepts an older sign-in only beside a valid cookie of the same account).
 */
export function keepSession(user: User): void {
  if (!renewedWithinADay()) void rememberSession(user);
}

/** DELETE /api/session: the cookie goes with the sign-in (it needs no token: the user is signed out already). */
export async function forgetSession(): Promise<void> {
  await api('endSession', {}).catch(() => undefined);
}

/**
 * The server gives a page session only for a sign-in of the last 5 minutes (features/session): a sign-in
 * the browser restored from an earlier day is not worth a request it would refuse.
 */
export const signedInJustNow = (user: User): boolean => Date.now() - Date.parse(user.metadata.lastSignInTime ?? '') < 5 * 60_000;
