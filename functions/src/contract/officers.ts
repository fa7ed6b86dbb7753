// POST /api/admin/officers — an administrator provisions an officer account (role and agency as claims).
// Invitation only: a new account gets an emailed one-time link to choose its password; an account that is
// not already an officer's is never promoted (409 accountExists); every change of role or agency ends the
// account's sessions.
export type OfficerRole = 'receptionist' | 'handler' | 'lead' | 'admin' | 'monitor' | 'kiosk';
/** `requestId` (optional for older clients): a retry returns the first answer and sends no second link. */
export type ProvisionOfficerBody = { email: string; displayName: string; role: OfficerRole; agencyId: string; requestId?: string };
export type ProvisionOfficerAnswer = {
  uid: string;
  email: string;
  role: OfficerRole;
  agencyId: string;
  created: boolean;
  /** The one-time password link was emailed (a new account, or one that has not used its link yet). */
  invitationSent: boolean;
  /** The role or agency changed: the account's sessions were ended. */
  sessionsRevoked: boolean;
  duplicate?: true;
};
