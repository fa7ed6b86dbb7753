// Every call the console makes to /api (contract/admin.ts), as the signed-in administrator. Writes carry a
// fresh requestId unless the caller keeps one for a retry of the same request.
import type { User } from 'firebase/auth';
import type {
  AdminAgency,
  AdminCalendar,
  AgencyFields,
  AgencyPublic,
  AuditPage,
  BrandingView,
  CalendarFields,
  LogoUpload,
  MergeAgencyAnswer,
  OfficerPage,
  OfficerRole,
  OfficerRow,
  ProcedureVersionBody,
  RuleSetSettingsFields,
  RuleSetSettingsView,
} from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';
import { apiAs, newRequestId } from '../shared/session.js';

export type { AdminAgency, AdminCalendar, AgencyFields, AuditPage, BrandingView, CalendarFields, OfficerRole, OfficerRow, RuleSetSettingsView };

export const calendarWarning = (user: User) => apiAs(user, 'calendarWarning', {});

// ---- agencies
export const listAgencies = async (user: User): Promise<AdminAgency[]> => (await apiAs(user, 'adminListAgencies', {})).agencies;
export const saveAgency = (user: User, id: string, fields: AgencyFields, expectedUpdateTime: string | null) =>
  apiAs(user, 'saveAgency', { params: { agencyId: id }, body: { requestId: newRequestId(), expectedUpdateTime, ...fields } });
export const mergeAgency = (user: User, id: string, body: { successorId: string; effectiveOn: string; basis: string }): Promise<MergeAgencyAnswer> =>
  apiAs(user, 'mergeAgency', { params: { agencyId: id }, body: { requestId: newRequestId(), ...body } });

// ---- officers
export const listOfficers = (user: User, agencyId: string | undefined, after?: string): Promise<OfficerPage> =>
  apiAs(user, 'listOfficers', { query: { ...(agencyId ? { agencyId } : {}), ...(after ? { after } : {}) } });
/** One account's row (none when it is not an officer account, or not of `agencyId`). */
export const officerRow = async (user: User, uid: string, agencyId: string | undefined): Promise<OfficerRow | undefined> =>
  (await apiAs(user, 'listOfficers', { query: { uid, ...(agencyId ? { agencyId } : {}) } })).officers[0];
export const inviteOfficer = (user: User, body: { email: string; displayName: string; role: OfficerRole; agencyId: string }) =>
  apiAs(user, 'provisionOfficer', { body: { requestId: newRequestId(), ...body } });
export const updateOfficer = (user: User, uid: string, change: { role?: OfficerRole; agencyId?: string; active?: boolean }) =>
  apiAs(user, 'updateOfficer', { params: { uid }, body: { requestId: newRequestId(), ...change } });

// ---- procedures
export const getProcedure = (user: User, code: string) => apiAs(user, 'adminGetProcedure', { params: { code } });
export const createVersion = (user: User, code: string, body: Omit<ProcedureVersionBody, 'requestId'>) =>
  apiAs(user, 'createProcedureVersion', { params: { code }, body: { requestId: newRequestId(), ...body } });
/** The public catalogue, a page at a time (to pick a procedure). */
export const catalogue = (after?: string) => api('listProcedures', { query: { limit: 100, ...(after ? { after } : {}) } });

// ---- calendars
export const listCalendars = (user: User) => apiAs(user, 'adminListCalendars', {});
export const saveCalendar = (user: User, year: number, fields: CalendarFields, expectedUpdateTime: string | null) =>
  apiAs(user, 'saveCalendar', { params: { year: String(year) }, body: { requestId: newRequestId(), expectedUpdateTime, ...fields } });

// ---- branding and settings
export const getBranding = (): Promise<BrandingView> => api('getBranding', {});
export const saveBranding = (
  user: User,
  body: { provinceName: { vi: string; en: string }; placeName: string; hotline?: string; publicOrigin?: string; logo?: LogoUpload | null },
  expectedUpdateTime: string | null,
) => apiAs(user, 'saveBranding', { body: { requestId: newRequestId(), expectedUpdateTime, ...body } });
export const listSettings = async (user: User): Promise<RuleSetSettingsView[]> => (await apiAs(user, 'listRuleSetSettings', {})).ruleSets;
export const saveSettings = (user: User, ruleSet: string, fields: RuleSetSettingsFields, expectedUpdateTime: string | null) =>
  apiAs(user, 'saveRuleSetSettings', { params: { ruleSet }, body: { requestId: newRequestId(), expectedUpdateTime, ...fields } });

// ---- audit log
export const listAudit = (user: User, targetKind: string | undefined, before?: string): Promise<AuditPage> =>
  apiAs(user, 'listAudit', { query: { ...(targetKind ? { targetKind } : {}), ...(before ? { before } : {}) } });

export type { AgencyPublic };
