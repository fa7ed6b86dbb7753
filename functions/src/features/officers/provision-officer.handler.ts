// POST /api/admin/officers — an administrator creates or updates an officer account and its claims.
// Claims are the only source of an officer's role and agency; users/{uid} mirrors them for display.
import { z } from 'zod';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { AgencyId, bi } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import type { ProvisionOfficerBody } from '../../contract/index.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';

export const ProvisionOfficerRequest = z.strictObject({
  email: z.email(bi('Email không hợp lệ', 'invalid email')).max(254),
  displayName: z.string().trim().normalize('NFC').min(2).max(100).describe('Họ và tên / full name'),
  role: z
    .enum(['receptionist', 'handler', 'lead', 'admin', 'monitor', 'kiosk'])
    .describe('Vai trò (kiosk: thiết bị đánh giá tại Bộ phận Một cửa) / role (kiosk: the desk rating device)'),
  agencyId: AgencyId,
  /** Only for a new account; omitted → the officer sets one through a password-reset link. */
  initialPassword: z.string().min(10, bi('Mật khẩu ít nhất 10 ký tự', 'password must have at least 10 characters')).max(128).optional(),
});
export type ProvisionOfficerRequest = z.infer<typeof ProvisionOfficerRequest>;

export type ProvisionDeps = { db: Firestore; auth: Auth; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

/**
 * @idempotent by email: provisioning the same officer again updates the same account.
 */
export async function provisionOfficer(req: ApiRequest, deps: ProvisionDeps): Promise<Reply<'provisionOfficer'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const parsed = ProvisionOfficerRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  if (!(await deps.db.doc(`agencies/${input.agencyId}`).get()).exists) {
    throw new ApiError('invalid-argument', { vi: 'Không có cơ quan này.', en: 'No such agency.' }, [
      { path: 'agencyId', message: { vi: 'Không có cơ quan này', en: 'no such agency' } },
    ]);
  }
  const existing = await deps.auth.getUserByEmail(input.email).catch((err: { code?: string }) => {
    if (err.code === 'auth/user-not-found') return undefined;
    throw err;
  });
  const user = existing
    ? await deps.auth.updateUser(existing.uid, { displayName: input.displayName })
    : await deps.auth.createUser({
        email: input.email,
        displayName: input.displayName,
        ...(input.initialPassword ? { password: input.initialPassword } : {}),
      });
  await deps.auth.setCustomUserClaims(user.uid, { role: input.role, agencyId: input.agencyId });
  // A changed role must not live on in old tokens: the officer signs in again.
  if (existing) await deps.auth.revokeRefreshTokens(user.uid);
  await deps.db.doc(`users/${user.uid}`).set({
    displayName: input.displayName,
    email: input.email,
    role: input.role,
    agencyId: input.agencyId,
    provisionedBy: caller.userId,
    updatedAt: deps.now(),
  });
  return { status: existing ? 200 : 201, body: { uid: user.uid, email: input.email, role: input.role, agencyId: input.agencyId, created: !existing } };
}

type _ProvisionAgrees = Agrees<SameShape<z.input<typeof ProvisionOfficerRequest>, ProvisionOfficerBody>>;
