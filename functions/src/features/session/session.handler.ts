// POST /api/session and DELETE /api/session: the citizen's page session (platform/page-session.ts), made
// the way Firebase documents it ("Manage session cookies"): the ID token of a sign-in made a few minutes
// ago is exchanged for a session cookie with createSessionCookie. A token from an older sign-in (restored
// by the browser days later) gets none — whoever holds a stolen ID token must not be able to stretch it
// into five days; the citizen gets the cookie at the next sign-in — unless it comes with the browser's own
// valid session cookie of the same account, which it then renews (`renews`). Citizens only: officers and desk
// devices work in the officer app and never have a page the server draws with their data.
import type { Auth } from 'firebase-admin/auth';
import { z } from 'zod';
import type { SessionBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import { permissionDenied, unauthenticated } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { clearSessionCookie, SESSION_MS, sessionCookieOf, sessionSetCookie } from '../../platform/page-session.js';
import { parseInput } from '../../platform/parse.js';

/** Neither request has fields (the token is the Authorization header): anything sent is refused. */
export const StartSessionRequest = z.strictObject({});
const EndSessionRequest = z.strictObject({});
type _StartSessionAgrees = Agrees<SameShape<z.input<typeof StartSessionRequest>, SessionBody>>;

/** How recent the sign-in must be (Firebase's advice: "only if the user signed in within the last 5 minutes"). */
export const FRESH_SIGN_IN_MS = 5 * 60 * 1000;

/**
 * Never kept by a cache, and `private`: Hosting drops a function's Set-Cookie from any answer a shared
 * cache could keep (Cache-Control without `private`).
 */
const PRIVATE = 'private, no-store';

export type SessionDeps = { auth: () => Auth; caller: (req: ApiRequest) => Promise<Caller>; now: () => Date };

export async function startSession(req: ApiRequest, deps: SessionDeps): Promise<Reply<'startSession'>> {
  const caller = await deps.caller(req);
  if (caller.role !== 'citizen') throw permissionDenied();
  parseInput(StartSessionRequest, req.body);
  // The caller check accepted the token: read when its sign-in happened (and check revocation).
  const token = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
  if (!token) throw unauthenticated();
  const decoded = await deps
    .auth()
    .verifyIdToken(token, true)
    .catch(() => {
      throw unauthenticated();
    });
  const fresh = deps.now().getTime() - decoded.auth_time * 1000 <= FRESH_SIGN_IN_MS;
  if (!fresh && !(await renews(req, decoded.uid, deps))) {
    throw new ApiError('unauthenticated', {
      vi: 'Lần đăng nhập này đã lâu: đăng nhập lại để trang “Hồ sơ của tôi” mở nhanh hơn trên thiết bị này.',
      en: 'This sign-in is not recent: sign in again for “My dossiers” to open faster on this device.',
    });
  }
  const cookie = await deps
    .auth()
    .createSessionCookie(token, { expiresIn: SESSION_MS })
    .catch(() => {
      throw unauthenticated();
    });
  return {
    status: 200,
    headers: { 'Set-Cookie': sessionSetCookie(cookie), 'Cache-Control': PRIVATE },
    body: { session: { expiresAt: new Date(deps.now().getTime() + SESSION_MS) } },
  };
}

/**
 * An older sign-in may renew the session it already has: the request carries this browser's own valid,
 * unrevoked session cookie of the same account (HttpOnly and SameSite=Strict: no script and no other site
 * can present it). A stolen ID token alone still gets nothing, and a session that has lapsed is not
 * renewed: it takes a new sign-in. So a citizen who comes back within the five days keeps the pages drawn.
 */
async function renews(req: ApiRequest, uid: string, deps: SessionDeps): Promise<boolean> {
  const cookie = sessionCookieOf(req);
  if (!cookie || cookie.length > 4096) return false;
  const current = await deps
    .auth()
    .verifySessionCookie(cookie, true)
    .catch(() => undefined);
  return current?.uid === uid;
}

/**
 * Clears the cookie; needs no token (the citizen has just signed out, or their sign-in ended), and
 * clearing harms nobody. Another site cannot make the browser send a DELETE (no CORS is allowed).
 */
export async function endSession(req: ApiRequest): Promise<Reply<'endSession'>> {
  parseInput(EndSessionRequest, req.body);
  return { status: 200, headers: { 'Set-Cookie': clearSessionCookie, 'Cache-Control': PRIVATE }, body: { session: null } };
}
