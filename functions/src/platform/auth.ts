// Who is calling: a Firebase ID token in `Authorization: Bearer …`. Officers carry custom claims
// { role, agencyId }; a signed-in user without a role claim is a citizen. A desk rating device carries
// { role: 'kiosk', agencyId }: neither citizen nor officer. Any other role claim is refused outright,
// so a claim this code does not know never falls back to citizen (firestore.rules agree). Staff and kiosk
// tokens are also checked against revocation on every request (issue 12, finding 5).
import { getAuth } from 'firebase-admin/auth';
import { Role, type Actor } from '../domain/index.js';
import { ApiError } from './api-error.js';
import { db } from './firestore.js';
import type { ApiRequest } from './http-router.js';

/**
 * `signInProvider` is how the session was authenticated (`password`, `phone`, `oidc.vneid`, `custom`…, from
 * the token's `firebase.sign_in_provider`); `providerSubjects` the identities of that provider (`sub` of
 * the OIDC provider): together they tell a VNeID-authenticated session (store/identity.ts).
 */
export type Caller = Actor & { userId: string; signInProvider?: string; providerSubjects?: string[]; emailVerified?: boolean };

type FirebaseClaim = { sign_in_provider?: unknown; identities?: Record<string, unknown> };

/** What a decoded ID token or session cookie says of how its sign-in was made (also for platform/page-session.ts). */
export function sessionFacts(decoded: { firebase?: unknown; email_verified?: unknown }): Pick<Caller, 'signInProvider' | 'providerSubjects' | 'emailVerified'> {
  const firebase = (decoded.firebase ?? {}) as FirebaseClaim;
  const provider = typeof firebase.sign_in_provider === 'string' ? firebase.sign_in_provider : undefined;
  const ids = provider ? firebase.identities?.[provider] : undefined;
  const subjects = Array.isArray(ids) ? ids.filter((v): v is string => typeof v === 'string') : [];
  return {
    ...(provider ? { signInProvider: provider } : {}),
    ...(subjects.length ? { providerSubjects: subjects } : {}),
    emailVerified: decoded.email_verified === true,
  };
}

const STAFF_ROLES = new Set<Role>(['receptionist', 'handler', 'lead', 'admin', 'monitor']);

export function unauthenticated(): ApiError {
  return new ApiError('unauthenticated', {
    vi: 'Vui lòng đăng nhập lại.',
    en: 'Please sign in again.',
  });
}

export function sessionRevoked(): ApiError {
  return new ApiError('unauthenticated', {
    vi: 'Phiên đăng nhập đã kết thúc vì tài khoản vừa được thay đổi (vai trò, cơ quan) hoặc bị khóa. Vui lòng đăng nhập lại.',
    en: 'Your session has ended because the account was changed (role, agency) or suspended. Please sign in again.',
  });
}

// What verifyIdToken(…, true) answers when the session itself is over, as opposed to the Auth service
// failing (which is ours to report, not the caller's fault).
const ENDED_SESSION = new Set(['auth/id-token-revoked', 'auth/user-disabled', 'auth/user-not-found']);

/**
 * A staff or kiosk token counts only if it was signed in after the account's last revocation (every
 * role or agency change revokes: features/officers). An ID token lives up to an hour, so without this
 * a demoted or moved officer kept the old role that long. Costs one Auth lookup per privileged request
 * (docs/SECURITY.md gives the measurement); citizens' requests do not pay it.
 */
async function assertSessionCurrent(token: string): Promise<void> {
  await getAuth()
    .verifyIdToken(token, true)
    .catch((err: { code?: string }) => {
      if (err.code && ENDED_SESSION.has(err.code)) throw sessionRevoked();
      throw err;
    });
}

/** The caller, or undefined when the request carries no token. A bad, expired or revoked token is refused. */
export async function findCaller(req: ApiRequest): Promise<Caller | undefined> {
  const header = req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  if (!match) throw unauthenticated();
  db(); // makes sure the default app exists
  const token = match[1]!;
  const decoded = await getAuth()
    .verifyIdToken(token)
    .catch((err: { code?: string }) => {
      // (Under the emulators the Admin SDK checks revocation here already, for every token.)
      throw err.code && ENDED_SESSION.has(err.code) ? sessionRevoked() : unauthenticated();
    });
  const claim: unknown = decoded.role;
  if (claim === undefined || claim === null) return { role: 'citizen', userId: decoded.uid, ...sessionFacts(decoded) };
  const role = Role.safeParse(claim);
  const agencyId = typeof decoded.agencyId === 'string' ? decoded.agencyId : undefined;
  if (role.success && STAFF_ROLES.has(role.data)) {
    await assertSessionCurrent(token);
    return { role: role.data, userId: decoded.uid, ...(agencyId ? { agencyId } : {}) };
  }
  if (role.success && role.data === 'kiosk' && agencyId !== undefined) {
    await assertSessionCurrent(token);
    return { role: 'kiosk', userId: decoded.uid, agencyId };
  }
  throw permissionDenied();
}

/** The caller; refuses anonymous requests. */
export async function getCaller(req: ApiRequest): Promise<Caller> {
  const caller = await findCaller(req);
  if (!caller) throw unauthenticated();
  return caller;
}

export function permissionDenied(): ApiError {
  return new ApiError('permission-denied', {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  });
}

export function requireRole(caller: Caller, roles: readonly Role[]): void {
  if (!roles.includes(caller.role)) throw permissionDenied();
}

/** For endpoints open to every signed-in person: a desk rating device is not a person and may only rate. */
export function refuseKiosk(caller: Caller): void {
  if (caller.role === 'kiosk') throw permissionDenied();
}

/**
 * A person who signed up with email and password acts (applies, makes requests) only once the address is
 * verified: the link in the verification email proves it is theirs. Phone, VNeID and other sign-ins prove
 * themselves.
 */
export function requireVerifiedEmail(caller: Caller): void {
  if (caller.signInProvider === 'password' && caller.emailVerified !== true) {
    throw new ApiError('permission-denied', {
      vi: 'Hãy xác nhận địa chỉ email trước: mở liên kết trong thư chúng tôi đã gửi (hoặc gửi lại thư từ trang Hồ sơ của tôi), rồi đăng nhập lại.',
      en: 'Verify your email address first: open the link in the email we sent (or send it again from My dossiers), then sign in again.',
    }, [], { reason: 'emailNotVerified' });
  }
}
