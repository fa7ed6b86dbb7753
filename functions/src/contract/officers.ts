// POST /api/admin/officers — an administrator provisions an officer account (role and agency as claims).
export type OfficerRole = 'receptionist' | 'handler' | 'lead' | 'admin' | 'monitor' | 'kiosk';
export type ProvisionOfficerBody = { email: string; displayName: string; role: OfficerRole; agencyId: string; initialPassword?: string };
export type ProvisionOfficerAnswer = { uid: string; email: string; role: OfficerRole; agencyId: string; created: boolean };
