// The public catalogue: procedures and agencies as GET /api/procedures[/:code] and GET /api/agencies give
// them (no sign-in; CDN-cacheable). An agency shows only what the law publishes at the desk.
import type { AgencyLevel } from '../domain/agency/agency.js';
import type { ONLINE_LEVEL_LABELS } from '../domain/procedure/labels.js';
import type { Procedure } from '../domain/procedure/procedure.js';
import type { Bilingual } from '../domain/shared/bilingual.js';
import type { WorkingHours } from '../domain/time/schemas.js';
import type { Json } from './wire.js';

export type ProcedureSummary = {
  code: string;
  version: number;
  name: Bilingual;
  field: string;
  fieldName: Bilingual;
  /** Levels of government that handle it (province, commune; district only in history). */
  competentLevels: string[];
  durationText: Bilingual;
  onlineLevel: keyof typeof ONLINE_LEVEL_LABELS;
  feeVnd: number;
  /** Everyday names people search by ("sổ đỏ"): the portal ranks the procedure first for them. */
  searchTerms: string[];
};

export type ProcedurePage = { items: ProcedureSummary[]; nextAfter: string | null };

export type ListProceduresQuery = { field?: string; limit?: number | string; after?: string };

/** The officer directory published at a desk (Decree 61/2018 Art. 9): name, title, field, work phone. */
export type PublishedOfficer = { fullName: string; title: string; field: string; phone: string };

export type AgencyPublic = {
  id: string;
  name: Bilingual;
  level: AgencyLevel;
  parentId?: string;
  address?: string;
  phone?: string;
  hasOneStopDesk: boolean;
  workingHours?: WorkingHours;
  officers: PublishedOfficer[];
  successorId?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
};

export type AgencyPage = { items: AgencyPublic[] };

export type ProcedureDetail = {
  procedure: Json<Procedure>;
  summary: ProcedureSummary;
  /** Where it can be handed in today. */
  receivingAgencies: AgencyPublic[];
};
