// Officer accounts as the admin console manages them, beside the invitation (provision-officer.handler.ts):
// the list (from the `users/` mirror of the claims, with each account's state from Firebase Auth), and a
// change of role or agency, or a deactivation, of one account. Every change ends the account's sessions
// at once (refresh tokens revoked; `users/{uid}.tokensValidAfter` for firestore.rules), and is audited.
import type { Auth, UserRecord } from 'firebase-admin/auth';
import { FieldPath, type DocumentSnapshot, type Firestore, type Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AgencyId, bi } from '../../domain/index.js';
import type { OfficerRole, OfficerRow, UpdateOfficerBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { priorAdminReply, recordAdminWrite } from '../../store/admin-write.js';

export const ACCOUNT_ROLES = ['receptionist', 'handler', 'lead', 'admin', 'monitor', 'kiosk'] as const satisfies readonly OfficerRole[];
const PAGE = 50;

export const UpdateOfficerRequest = z
  .strictObject({
    requestId: RequestId,
    role: z.enum(ACCOUNT_ROLES).optional().describe('Vai trò / role'),
    agencyId: AgencyId.optional(),
    active: z.boolean().optional().describe('Đang hoạt động (false: vô hiệu hoá) / active (false: deactivated)'),
  })
  .refine((b) => b.role !== undefined || b.agencyId !== undefined || b.active !== undefined, {
    path: ['role'],
    error: bi('Chọn vai trò, cơ quan hoặc trạng thái cần thay đổi', 'name the role, agency or state to change'),
  });
type _UpdateAgrees = Agrees<SameShape<z.input<typeof UpdateOfficerRequest>, UpdateOfficerBody>>;

const Uid = z.string().min(1).max(128).regex(/^[^/\s]+$/);
const ListQuery = z.strictObject({ agencyId: AgencyId.optional(), after: z.string().max(128).optional(), uid: Uid.optional().describe('Chỉ tài khoản này / only this account') });

export type OfficerAdminDeps = { db: Firestore; auth: Auth; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

const isAccountRole = (value: unknown): value is OfficerRole => (ACCOUNT_ROLES as readonly unknown[]).includes(value);

/** invited: created by invitation, password link not used yet (following it verifies the address). */
function statusOf(user: UserRecord | undefined, mirrorDisabled: boolean): OfficerRow['status'] {
  if (user?.disabled ?? mirrorDisabled) return 'disabled';
  return user && !user.emailVerified ? 'invited' : 'active';
}

/**
 * GET /api/admin/officers?agencyId=&after= — officer and device accounts, 50 a page, by uid; `?uid=` answers
 * that one account's row alone (the console shows an account it just invited or changed wherever it sorts).
 */
export async function listOfficers(req: ApiRequest, deps: OfficerAdminDeps): Promise<Reply<'listOfficers'>> {
  requireRole(await deps.caller(req), ['admin']);
  const query = parseInput(ListQuery, req.query);
  const headers = { 'Cache-Control': 'private, no-store' };
  if (query.uid) {
    const one = await deps.db.collection('users').doc(query.uid).get();
    const rows = one.exists ? await officerRows(deps, [one]) : [];
    return { status: 200, headers, body: { officers: rows.filter((r) => !query.agencyId || r.agencyId === query.agencyId), nextAfter: null } };
  }
  let q: Query = deps.db.collection('users').where('role', 'in', [...ACCOUNT_ROLES]);
  if (query.agencyId) q = q.where('agencyId', '==', query.agencyId);
  q = q.orderBy(FieldPath.documentId()).limit(PAGE + 1);
  if (query.after) q = q.startAfter(query.after);
  const snap = await q.get();
  const docs = snap.docs.slice(0, PAGE);
  return { status: 200, headers, body: { officers: await officerRows(deps, docs), nextAfter: snap.docs.length > PAGE ? docs[docs.length - 1]!.id : null } };
}

/** The rows of `users/` documents that are officer or device accounts, with each account's state from Auth. */
async function officerRows(deps: OfficerAdminDeps, docs: readonly DocumentSnapshot[]): Promise<OfficerRow[]> {
  const users = docs.length > 0 ? await deps.auth.getUsers(docs.map((d) => ({ uid: d.id }))) : { users: [] };
  const byUid = new Map(users.users.map((u) => [u.uid, u]));
  return docs.flatMap((d): OfficerRow[] => {
    const role: unknown = d.get('role');
    const agencyId: unknown = d.get('agencyId');
    if (!isAccountRole(role) || typeof agencyId !== 'string') return [];
    const user = byUid.get(d.id);
    const email: unknown = d.get('email');
    const name: unknown = d.get('displayName');
    return [{ uid: d.id, email: user?.email ?? (typeof email === 'string' ? email : null), displayName: user?.displayName ?? (typeof name === 'string' ? name : null), role, agencyId, status: statusOf(user, d.get('disabled') === true) }];
  });
}

function refused(path: string, vi: string, en: string, reason: string): ApiError {
  return new ApiError('conflict', { vi, en }, [{ path, message: { vi, en } }], { reason });
}

/**
 * PUT /api/admin/officers/:uid — role, agency or active state of an officer or device account.
 * @idempotent by (admin uid, requestId): a retry returns the first answer; the same change again revokes
 * nothing (nothing changed).
 */
export async function updateOfficer(req: ApiRequest, deps: OfficerAdminDeps): Promise<Reply<'updateOfficer'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const uid = Uid.safeParse(req.params.uid);
  if (!uid.success) throw new ApiError('not-found', { vi: 'Không có tài khoản này.', en: 'No such account.' });
  const input = parseInput(UpdateOfficerRequest, req.body);
  const adminReq = { caller, requestId: input.requestId, fingerprintOf: { uid: uid.data, ...input }, action: 'officer.update', target: { kind: 'officer' as const, id: uid.data }, now: deps.now() };
  const prior = await priorAdminReply<Reply<'updateOfficer'>['body'] & object>(deps.db, adminReq);
  if (prior) return prior as Reply<'updateOfficer'>;

  const user = await deps.auth.getUser(uid.data).catch((err: { code?: string }) => {
    if (err.code === 'auth/user-not-found') throw new ApiError('not-found', { vi: 'Không có tài khoản này.', en: 'No such account.' });
    throw err;
  });
  const claims = user.customClaims ?? {};
  // Only accounts an administrator made officers' (invitation or seed) are managed here: a citizen's
  // account is never given a role this way (invitation only, provision-officer.handler.ts).
  if (!isAccountRole(claims.role) || typeof claims.agencyId !== 'string') {
    throw refused('uid', 'Tài khoản này không phải tài khoản cán bộ; tài khoản cán bộ chỉ được tạo bằng lời mời.', 'This is not an officer account; officer accounts are created by invitation only.', 'notOfficer');
  }
  const role = input.role ?? claims.role;
  const agencyId = input.agencyId ?? claims.agencyId;
  const active = input.active ?? !user.disabled;
  // An administrator cannot lock themselves out (nor leave the province without the one admin doing this).
  if (uid.data === caller.userId && (role !== 'admin' || !active)) {
    throw refused('role', 'Bạn không thể tự bỏ quyền quản trị hoặc tự vô hiệu hoá tài khoản của mình; hãy nhờ một quản trị viên khác.', 'You cannot remove your own administrator role or deactivate your own account; ask another administrator.', 'selfLockout');
  }
  if (input.agencyId && !(await deps.db.doc(`agencies/${input.agencyId}`).get()).exists) {
    throw new ApiError('invalid-argument', { vi: 'Không có cơ quan này.', en: 'No such agency.' }, [{ path: 'agencyId', message: { vi: 'Không có cơ quan này', en: 'no such agency' } }]);
  }

  const claimsChanged = role !== claims.role || agencyId !== claims.agencyId;
  const activeChanged = active === user.disabled;
  if (claimsChanged) await deps.auth.setCustomUserClaims(uid.data, { ...claims, role, agencyId });
  if (activeChanged) await deps.auth.updateUser(uid.data, { disabled: !active });
  let tokensValidAfter: number | undefined;
  if (claimsChanged || activeChanged) {
    // Whatever changed, the account's current sessions must not carry on with the old rights.
    await deps.auth.revokeRefreshTokens(uid.data);
    const revoked = await deps.auth.getUser(uid.data);
    tokensValidAfter = Math.floor(Date.parse(revoked.tokensValidAfterTime ?? deps.now().toISOString()) / 1000);
  }
  await deps.db.doc(`users/${uid.data}`).set(
    {
      role,
      agencyId,
      disabled: !active,
      email: user.email ?? null,
      displayName: user.displayName ?? null,
      updatedAt: deps.now(),
      ...(tokensValidAfter !== undefined ? { tokensValidAfter } : {}),
    },
    { merge: true },
  );
  const officer: OfficerRow = { uid: uid.data, email: user.email ?? null, displayName: user.displayName ?? null, role, agencyId, status: active ? (user.emailVerified ? 'active' : 'invited') : 'disabled' };
  const what = [
    role !== claims.role ? { vi: `vai trò ${String(claims.role)} → ${role}`, en: `role ${String(claims.role)} → ${role}` } : undefined,
    agencyId !== claims.agencyId ? { vi: `cơ quan ${String(claims.agencyId)} → ${agencyId}`, en: `agency ${String(claims.agencyId)} → ${agencyId}` } : undefined,
    activeChanged ? (active ? { vi: 'kích hoạt lại', en: 'reactivated' } : { vi: 'vô hiệu hoá', en: 'deactivated' }) : undefined,
  ].filter((x): x is { vi: string; en: string } => x !== undefined);
  const who = user.email ?? uid.data;
  return recordAdminWrite(deps.db, adminReq, { status: 200, body: { officer, sessionsRevoked: tokensValidAfter !== undefined } }, {
    summary: what.length > 0
      ? { vi: `Tài khoản ${who}: ${what.map((w) => w.vi).join('; ')}`, en: `Account ${who}: ${what.map((w) => w.en).join('; ')}` }
      : { vi: `Tài khoản ${who}: không có gì thay đổi`, en: `Account ${who}: nothing changed` },
    before: { role: claims.role, agencyId: claims.agencyId, active: !user.disabled },
    after: { role, agencyId, active },
  });
}
