// Who is calling: a Firebase ID token in `Authorization: Bearer …`. Officers carry custom claims
// { role, agencyId }; a signed-in user without a role claim is a citizen. A desk rating device carries
// { role: 'kiosk', agencyId }: neither citizen nor officer. Any other role claim is refused outright,
// so a claim this code does not know never falls back to citizen (firestore.rules agree).
import { getAuth } from 'firebase-admin/auth';
import { Role, type Actor } from '../domain/index.js';
import { ApiError } from './api-error.js';
import { db } from './firestore.js';
import type { ApiRequest } from './http-router.js';

export type Caller = Actor & { userId: string };

const STAFF_ROLES = new Set<Role>(['receptionist', 'handler', 'lead', 'admin', 'monitor']);

export function unauthenticated(): ApiError {
  return new ApiError('unauthenticated', {
    vi: 'Vui lòng đăng nhập lại.',
    en: 'Please sign in again.',
  });
}

/** The caller, or undefined when the request carries no token. A bad or expired token is refused. */
export async function findCaller(req: ApiRequest): Promise<Caller | undefined> {
  const header = req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  if (!match) throw unauthenticated();
  db(); // makes sure the default app exists
  const decoded = await getAuth()
    .verifyIdToken(match[1]!)
    .catch(() => {
      throw unauthenticated();
    });
  const claim: unknown = decoded.role;
  if (claim === undefined || claim === null) return { role: 'citizen', userId: decoded.uid };
  const role = Role.safeParse(claim);
  const agencyId = typeof decoded.agencyId === 'string' ? decoded.agencyId : undefined;
  if (role.success && STAFF_ROLES.has(role.data)) {
    return { role: role.data, userId: decoded.uid, ...(agencyId ? { agencyId } : {}) };
  }
  if (role.success && role.data === 'kiosk' && agencyId !== undefined) return { role: 'kiosk', userId: decoded.uid, agencyId };
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
