// The citizen's page session (POST/DELETE /api/session, contract/session.ts): an HttpOnly cookie that lets
// the server send My dossiers and the application wizard with their first view already drawn at the next
// visit (docs/adr/0014). The pages ask for it right after a sign-in and drop it when it names someone else.
import type { User } from 'firebase/auth';
import { api } from './api.js';
import { apiAs } from './session.js';

/**
 * POST /api/session, right after a sign-in. Refused for an older sign-in: then there is simply no cookie
 * until the next one, and the pages work as before.
 */
export async function rememberSession(user: User): Promise<boolean> {
  return apiAs(user, 'startSession', { body: {} }).then(
    () => true,
    () => false,
  );
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
