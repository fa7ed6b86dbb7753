// Who acts on a dossier. Officer roles come from custom claims together with the officer's agency.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { bi, type Bilingual } from '../shared/bilingual.js';
import { UserId } from '../shared/primitives.js';

export const Role = z
  .enum(['citizen', 'receptionist', 'handler', 'lead', 'admin', 'monitor', 'kiosk', 'system'])
  .describe('Vai trò / role');
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS = {
  citizen: { vi: 'Công dân, tổ chức', en: 'Citizen or organisation' },
  receptionist: { vi: 'Công chức Bộ phận Một cửa', en: 'One-stop desk officer' },
  handler: { vi: 'Chuyên viên thụ lý', en: 'Handling officer' },
  lead: { vi: 'Lãnh đạo cơ quan', en: 'Agency lead' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  monitor: { vi: 'Giám sát, theo dõi', en: 'Monitor' },
  kiosk: { vi: 'Thiết bị đánh giá tại Bộ phận Một cửa', en: 'Rating device at the one-stop desk' },
  system: { vi: 'Hệ thống', en: 'System' },
} as const satisfies Record<Role, Bilingual>;

export const OFFICER_ROLES = ['receptionist', 'handler', 'lead'] as const satisfies readonly Role[];

/**
 * Roles that belong to one agency. A kiosk is the electronic rating device at an agency's one-stop desk
 * (Decree 61/2018 Art. 30): it acts for nobody, takes no lifecycle action and reads no dossier; it only
 * submits the desk ratings of dossiers that agency received.
 */
export const AGENCY_BOUND_ROLES = [...OFFICER_ROLES, 'kiosk'] as const satisfies readonly Role[];

export const Actor = z
  .strictObject({
    role: Role,
    userId: UserId.describe('Mã người dùng / user id'),
    agencyId: AgencyId.optional().describe('Cơ quan của cán bộ / officer’s agency'),
  })
  .refine((a) => !(AGENCY_BOUND_ROLES as readonly Role[]).includes(a.role) || a.agencyId !== undefined, {
    path: ['agencyId'],
    error: bi('Cán bộ, thiết bị phải thuộc một cơ quan', 'an officer or device must belong to an agency'),
  });
export type Actor = z.infer<typeof Actor>;
