// POST /api/admin/officers — an administrator invites an officer (or a desk kiosk device), or changes the
// role or agency of an existing officer account. Claims are the only source of an officer's role and
// agency; users/{uid} mirrors them for display.
//
// Invitation only (issue 12, finding 1): an account that already exists and is not an officer account
// (a citizen, or a stranger who signed up first with the officer's predictable address) is never given
// a role: the request is refused and the administrator told why. A new officer account has no password;
// Firebase Auth emails a one-time link to the address, through which the officer chooses one, so only
// whoever reads that mailbox can use the account. Every role or agency change ends the account's
// sessions at once (refresh tokens revoked; the API and firestore.rules refuse older ID tokens).
import { z } from 'zod';
import type { Auth, UserRecord } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { AgencyId, bi } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import type { ProvisionOfficerBody } from '../../contract/index.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import { RequestId } from '../../platform/request-id.js';
import { priorAdminReply, recordAdminWrite, type AdminRequest } from '../../store/admin-write.js';

const OFFICER_ROLES = ['receptionist', 'handler', 'lead', 'admin', 'monitor', 'kiosk'] as const;
type OfficerRole = (typeof OFFICER_ROLES)[number];

export const ProvisionOfficerRequest = z.strictObject({
  email: z.email(bi('Email không hợp lệ', 'invalid email')).max(254),
  displayName: z.string().trim().normalize('NFC').min(2).max(100).describe('Họ và tên / full name'),
  role: z.enum(OFFICER_ROLES).describe('Vai trò (kiosk: thiết bị đánh giá tại Bộ phận Một cửa) / role (kiosk: the desk rating device)'),
  agencyId: AgencyId,
  /** Optional for older clients: with it a retry returns the first answer and sends no second link. */
  requestId: RequestId.optional(),
  // No password field: the officer chooses it through the emailed one-time link, never the administrator.
});
export type ProvisionOfficerRequest = z.infer<typeof ProvisionOfficerRequest>;

export type ProvisionDeps = {
  db: Firestore;
  auth: Auth;
  now: () => Date;
  caller: (req: ApiRequest) => Promise<Caller>;
  /** Has Firebase Auth email the one-time password link (platform/auth-email.ts). */
  sendInvitation: (email: string, continueUrl: string) => Promise<void>;
  /** The public web origin (config.ts `publicOrigin`): where the link leads back to. */
  origin: () => string;
};

const isOfficerRole = (value: unknown): value is OfficerRole => (OFFICER_ROLES as readonly unknown[]).includes(value);

function accountExists(): ApiError {
  const message = {
    vi:
      'Địa chỉ email này đã có một tài khoản không phải của cán bộ. Tài khoản cán bộ chỉ được tạo bằng lời mời; ' +
      'một tài khoản có sẵn không bao giờ được cấp quyền. Hãy kiểm tra tài khoản đó (có thể do người khác tạo trước) ' +
      'và xóa nếu không phải của cán bộ, hoặc dùng một địa chỉ khác.',
    en:
      'This email address already has an account that is not an officer account. Officer accounts are created by ' +
      'invitation only; an existing account is never given a role. Check that account (someone else may have created ' +
      'it first) and delete it if it is not the officer’s, or use another address.',
  };
  return new ApiError('conflict', message, [{ path: 'email', message }], { reason: 'accountExists' });
}

async function findByEmail(auth: Auth, email: string): Promise<UserRecord | undefined> {
  return auth.getUserByEmail(email).catch((err: { code?: string }) => {
    if (err.code === 'auth/user-not-found') return undefined;
    throw err;
  });
}

/**
 * @idempotent by email: provisioning the same officer again updates the same account (and sends the
 * invitation again while it has not been used); the same role and agency again revoke nothing.
 */
export async function provisionOfficer(req: ApiRequest, deps: ProvisionDeps): Promise<Reply<'provisionOfficer'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const parsed = ProvisionOfficerRequest.safeParse(req.body ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  // Audited like every administrative change (store/admin-write.ts); without a requestId, each call is its own entry.
  const adminReq: AdminRequest = {
    caller,
    requestId: input.requestId ?? `provision-${deps.db.collection('adminRequests').doc().id}`,
    fingerprintOf: input,
    action: 'officer.provision',
    target: { kind: 'officer', id: input.email },
    now: deps.now(),
  };
  if (input.requestId) {
    const prior = await priorAdminReply<Reply<'provisionOfficer'>['body']>(deps.db, adminReq);
    if (prior) return prior as Reply<'provisionOfficer'>;
  }
  const { before, ...outcome } = await inviteOfficer(input, caller.userId, deps);
  return recordAdminWrite(
    deps.db,
    adminReq,
    { status: outcome.created ? 201 : 200, body: outcome },
    {
      summary: outcome.created
        ? { vi: `Mời ${input.displayName} (${input.email}) làm ${input.role} tại ${input.agencyId}`, en: `Invited ${input.displayName} (${input.email}) as ${input.role} at ${input.agencyId}` }
        : { vi: `Cập nhật tài khoản ${input.email}: ${input.role}, ${input.agencyId}`, en: `Account ${input.email} updated: ${input.role}, ${input.agencyId}` },
      before,
      after: { uid: outcome.uid, role: input.role, agencyId: input.agencyId, invitationSent: outcome.invitationSent },
    },
  );
}

export type InviteOutcome = {
  uid: string;
  email: string;
  role: OfficerRole;
  agencyId: string;
  created: boolean;
  invitationSent: boolean;
  sessionsRevoked: boolean;
};

/**
 * The invitation itself, for the endpoint above and for the tools an administrator runs (the first
 * administrator's bootstrap and the officers import, scripts/admin.ts): same checks, same writes.
 * `by` is recorded as `provisionedBy` (a user id, or the tool's name).
 * @idempotent by email (see provisionOfficer).
 */
export async function inviteOfficer(input: ProvisionOfficerRequest, by: string, deps: Omit<ProvisionDeps, 'caller'>): Promise<InviteOutcome & { before: { role: unknown; agencyId: unknown } | null }> {
  if (!(await deps.db.doc(`agencies/${input.agencyId}`).get()).exists) {
    throw new ApiError('invalid-argument', { vi: 'Không có cơ quan này.', en: 'No such agency.' }, [
      { path: 'agencyId', message: { vi: 'Không có cơ quan này', en: 'no such agency' } },
    ]);
  }
  // Checked before anything is written, so a refused request changes nothing anywhere.
  const continueUrl = `${deps.origin()}${input.role === 'kiosk' ? '/kiosk/' : '/can-bo/'}`;

  const existing = await findByEmail(deps.auth, input.email);
  // Only accounts that already carry an officer role (set by an administrator or the seed, never by
  // the account's owner) may be updated; anything else could be a stranger's.
  if (existing && !isOfficerRole(existing.customClaims?.role)) throw accountExists();

  const user = existing
    ? await deps.auth.updateUser(existing.uid, { displayName: input.displayName })
    : await deps.auth.createUser({ email: input.email, displayName: input.displayName, emailVerified: false }).catch((err: { code?: string }) => {
        // Someone created the address between our lookup and now: it is not ours to take over.
        if (err.code === 'auth/email-already-exists') throw accountExists();
        throw err;
      });
  const changed = !existing || existing.customClaims?.role !== input.role || existing.customClaims?.agencyId !== input.agencyId;
  if (changed) await deps.auth.setCustomUserClaims(user.uid, { role: input.role, agencyId: input.agencyId });

  // A role or agency change must not live on in tokens already issued: end every session now, and
  // record when, for firestore.rules (which cannot ask Auth). The officer signs in again.
  let tokensValidAfter: number | undefined;
  if (existing && changed) {
    await deps.auth.revokeRefreshTokens(user.uid);
    const revoked = await deps.auth.getUser(user.uid);
    tokensValidAfter = Math.floor(Date.parse(revoked.tokensValidAfterTime ?? deps.now().toISOString()) / 1000);
  }
  await deps.db.doc(`users/${user.uid}`).set(
    {
      displayName: input.displayName,
      email: input.email,
      role: input.role,
      agencyId: input.agencyId,
      provisionedBy: by,
      updatedAt: deps.now(),
      ...(tokensValidAfter !== undefined ? { tokensValidAfter } : {}),
    },
    { merge: true }, // keeps what the officer set (notification preferences)
  );

  // New, or invited but the link never used (lost or expired): send it (again). Following the link is
  // what verifies the address (the account is created unverified), so an unverified officer account
  // has not chosen its password yet.
  const invitationPending = !existing || !existing.emailVerified;
  if (invitationPending) await deps.sendInvitation(input.email, continueUrl);

  return {
    uid: user.uid,
    email: input.email,
    role: input.role,
    agencyId: input.agencyId,
    created: !existing,
    invitationSent: invitationPending,
    sessionsRevoked: tokensValidAfter !== undefined,
    before: existing ? { role: existing.customClaims?.role, agencyId: existing.customClaims?.agencyId } : null,
  };
}

type _ProvisionAgrees = Agrees<SameShape<z.input<typeof ProvisionOfficerRequest>, ProvisionOfficerBody>>;
