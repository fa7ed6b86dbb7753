// The first administrator of a province's project, created from the operator's own machine
// (`npm run admin -- create-admin`, scripts/admin.ts) before anyone can sign in to invite anybody.
// It goes through the invitation like every officer account (inviteOfficer): the account has no
// password until its owner follows the emailed one-time link, and an address that already has a
// non-officer account is refused, never adopted. Once an administrator exists, further ones are invited
// from the console; the bootstrap refuses unless told to add one anyway (`force`, e.g. the only
// administrator left the province's service).
import { ApiError } from '../../platform/api-error.js';
import { inviteOfficer, type InviteOutcome, type ProvisionDeps } from './provision-officer.handler.js';

export type BootstrapInput = { email: string; displayName: string; agencyId: string };

/** Administrators already provisioned (their emails), at most five. */
export async function existingAdministrators(db: ProvisionDeps['db']): Promise<string[]> {
  const snap = await db.collection('users').where('role', '==', 'admin').limit(5).get();
  return snap.docs.map((d) => String(d.get('email') ?? d.id));
}

/** @idempotent by email (inviteOfficer): the same administrator again sends the link again while unused. */
export async function bootstrapAdministrator(input: BootstrapInput, deps: Omit<ProvisionDeps, 'caller'> & { force?: boolean }): Promise<InviteOutcome> {
  const admins = (await existingAdministrators(deps.db)).filter((email) => email.toLowerCase() !== input.email.toLowerCase());
  if (admins.length > 0 && !deps.force) {
    throw new ApiError('conflict', {
      vi: `Đã có quản trị viên (${admins.join(', ')}): hãy mời thêm từ trang Quản trị, hoặc dùng --force nếu không ai trong số đó còn đăng nhập được.`,
      en: `An administrator already exists (${admins.join(', ')}): invite more from the console, or use --force if none of them can sign in any more.`,
    });
  }
  return inviteOfficer({ ...input, role: 'admin' }, 'bootstrap (npm run admin)', deps);
}
