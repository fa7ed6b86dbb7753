// The admin console's API (`/api/admin/…`, administrators only, province-wide): agencies and their
// mergers, officers, procedure versions, working calendars, branding, rule-set settings and the audit log.
// Every write carries a client-generated `requestId` (a retry returns the first answer, `duplicate: true`)
// and leaves an audit entry. Documents an administrator edits in place (agencies, calendars, branding,
// rule-set settings) carry their last update time: a save names the one it was made from
// (`expectedUpdateTime`, null for a new document), so an edit made meanwhile by someone else is never
// overwritten silently (409 `reason: "staleDocument"`).
import type { AgencyKindName } from '../domain/agency/level-labels.js';
import type { AgencyLevel } from '../domain/agency/agency.js';
import type { Procedure, ProcedureInput } from '../domain/procedure/procedure.js';
import type { RuleSet } from '../domain/rule-set/rule-set.js';
import type { Bilingual } from '../domain/shared/bilingual.js';
import type { CalendarWarning } from '../domain/time/calendar-warning.js';
import type { OfficerRole } from './officers.js';
import type { Json } from './wire.js';

/** Every admin write: the idempotency key. */
type Write = { requestId: string };
/** Writes to a document edited in place: the update time it was read at, or null to create it. */
type InPlace = Write & { expectedUpdateTime: string | null };
/** A write's answer on a retry of the same request. */
type Replayed = { duplicate?: true };

// ---- agencies ----------------------------------------------------------------------------------------

export type WorkingPeriod = { start: string; end: string };
export type DirectoryEntry = { fullName: string; title: string; field: string; phone: string };

/** What an administrator edits of an agency (its identifier is the address; end and successor come from a merger). */
export type AgencyFields = {
  name: Bilingual;
  level: AgencyLevel;
  kind: AgencyKindName;
  parentId?: string;
  effectiveFrom: string;
  hasOneStopDesk: boolean;
  address?: string;
  phone?: string;
  email?: string;
  workingHours: { periods: WorkingPeriod[] };
  /** The staff list published at the desk (Decree 61/2018 Art. 9). */
  officers: DirectoryEntry[];
};

/** Where a merger stands: dossiers move one transaction each, so a long list may take several calls. */
export type MergerState = {
  successorId: string;
  effectiveOn: string;
  basis: string;
  orderedBy: string;
  at: string;
  /** Open dossiers moved so far, and those still to move (0 when done). */
  moved: number;
  remaining: number;
  done: boolean;
};

export type AdminAgency = Omit<AgencyFields, 'kind'> & {
  id: string;
  /** Absent on agencies entered before kinds existed. */
  kind?: AgencyKindName;
  effectiveTo?: string;
  successorId?: string;
  merger?: MergerState;
  updateTime: string;
};

export type AdminAgencyList = { agencies: AdminAgency[] };

/** PUT /api/admin/agencies/:agencyId — create (expectedUpdateTime null) or correct an agency. */
export type SaveAgencyBody = InPlace & AgencyFields;
export type SaveAgencyAnswer = { agency: AdminAgency; created: boolean } & Replayed;

/** POST /api/admin/agencies/:agencyId/merge — the agency ceases; its open dossiers move to the successor. */
export type MergeAgencyBody = Write & {
  successorId: string;
  /** First day the successor does the work (today or earlier); the merged agency ends the day before. */
  effectiveOn: string;
  /** The decision behind it, e.g. "Nghị quyết số …/NQ-UBTVQH15". */
  basis: string;
};
export type MergeAgencyAnswer = {
  agencyId: string;
  merger: MergerState;
  /** Agencies that sat under the merged one and now sit under the successor. */
  reparented: string[];
  /** Dossiers a move refused (e.g. closed meanwhile), with why. */
  skipped: { dossierId: string; reason: string }[];
} & Replayed;

// ---- officers ----------------------------------------------------------------------------------------

/** invited: the password link not used yet; disabled: deactivated by an administrator. */
export type OfficerStatus = 'invited' | 'active' | 'disabled';
export type OfficerRow = { uid: string; email: string | null; displayName: string | null; role: OfficerRole; agencyId: string; status: OfficerStatus };
export type OfficerListQuery = { agencyId?: string; after?: string; uid?: string };
export type OfficerPage = { officers: OfficerRow[]; nextAfter: string | null };

/** PUT /api/admin/officers/:uid — change role or agency, or deactivate (`active: false`) and reactivate. */
export type UpdateOfficerBody = Write & { role?: OfficerRole; agencyId?: string; active?: boolean };
export type UpdateOfficerAnswer = { officer: OfficerRow; sessionsRevoked: boolean } & Replayed;

// ---- procedures --------------------------------------------------------------------------------------

export type ProcedureVersionInfo = {
  version: number;
  effectiveFrom: string;
  effectiveTo?: string;
  /** Dossiers pinned to this version: it is never edited, only followed by a new one. */
  pinnedBy: number;
};
export type AdminProcedureAnswer = { procedure: Json<Procedure> | null; versions: ProcedureVersionInfo[] };

/** POST /api/admin/procedures/:code/versions — a new version (the first one creates the procedure). */
export type ProcedureVersionBody = Write &
  Json<Omit<ProcedureInput, 'code' | 'version'>> & {
    /** The version in force it was written from: null for a new procedure. */
    basedOnVersion: number | null;
  };
export type ProcedureVersionAnswer = { procedure: Json<Procedure>; created: boolean } & Replayed;

// ---- calendars ---------------------------------------------------------------------------------------

export type CalendarDayBody = { date: string; name: Bilingual };
export type CalendarFields = {
  weeklyRestDays: number[];
  holidays: CalendarDayBody[];
  makeUpWorkingDays: CalendarDayBody[];
  source: string;
  provisional?: boolean;
};
export type AdminCalendar = CalendarFields & { year: number; updateTime: string };
export type CalendarWarningView = CalendarWarning & { message: Bilingual };
export type AdminCalendarList = { calendars: AdminCalendar[]; warning: CalendarWarningView | null };
/** PUT /api/admin/calendars/:year — checked with the other years before it is stored; used at once. */
export type SaveCalendarBody = InPlace & CalendarFields;
export type SaveCalendarAnswer = { calendar: AdminCalendar } & Replayed;
/** GET /api/calendars/warning — for the officer dashboard. */
export type CalendarWarningAnswer = { warning: CalendarWarningView | null };

// ---- branding ----------------------------------------------------------------------------------------

/** What every page, slip and notification says of the province. Unset: neutral wording, no province. */
export type BrandingView = {
  configured: boolean;
  /** e.g. { vi: 'tỉnh Bình An', en: 'Bình An province' }: read inside a sentence. */
  provinceName: Bilingual | null;
  /** The place printed before a slip's date: "Bình An, ngày … tháng … năm …". */
  placeName: string | null;
  hotline: string | null;
  /** Where QR codes, notification and invitation links point (PUBLIC_ORIGIN until set here). */
  publicOrigin: string | null;
  /** Same-origin address of the logo (with its version, so a new logo is fetched at once), or null. */
  logoUrl: string | null;
  updateTime: string | null;
};
export type LogoUpload = { contentType: 'image/png' | 'image/jpeg'; base64: string };
/** PUT /api/admin/branding — `logo` absent keeps the logo, null removes it. */
export type SaveBrandingBody = InPlace & {
  provinceName: Bilingual;
  placeName: string;
  hotline?: string;
  publicOrigin?: string;
  logo?: LogoUpload | null;
};
export type SaveBrandingAnswer = { branding: BrandingView } & Replayed;

// ---- rule-set settings -------------------------------------------------------------------------------

export type RuleSetSettingsFields = {
  code?: { yearDigits: 2 | 4; sequenceWidth: number };
  onlineIssuer?: string;
  source?: string;
};
export type RuleSetSettingsView = { ruleSet: RuleSet; label: Bilingual; settings: RuleSetSettingsFields | null; updateTime: string | null };
export type RuleSetSettingsList = { ruleSets: RuleSetSettingsView[] };
/** PUT /api/admin/rule-set-settings/:ruleSet */
export type SaveRuleSetSettingsBody = InPlace & RuleSetSettingsFields;
export type SaveRuleSetSettingsAnswer = { view: RuleSetSettingsView } & Replayed;

// ---- audit log ---------------------------------------------------------------------------------------

export type AuditEntryView = {
  id: string;
  at: string;
  actor: { userId: string; role: string; displayName?: string; email?: string };
  action: string;
  target: { kind: string; id: string };
  summary: Bilingual;
  before: unknown;
  after: unknown;
};
export type AuditQuery = { before?: string; targetKind?: string };
export type AuditPage = { entries: AuditEntryView[]; nextBefore: string | null };
