// Levels of government, kinds of agency and their labels as plain data (no zod), for the web pages.
import type { Bilingual } from '../shared/bilingual.js';

export const AGENCY_LEVELS = ['province', 'district', 'commune'] as const;

export const AGENCY_LEVEL_LABELS = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện (đến 30/06/2025)', en: 'District (until 30/06/2025)' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
} as const satisfies Record<(typeof AGENCY_LEVELS)[number], Bilingual>;

/**
 * What an agency is in the province's one-stop organisation (Decree 118/2025 Art. 7–9): the People's
 * Committee that governs, the province's Public Administration Service Centre, the departments that decide,
 * the commune centres, the reception points (branches of a centre, e.g. in a former district town), and
 * the local branches of vertical agencies (tax, social insurance, police, treasury) that receive at a desk.
 */
export const AGENCY_KINDS = ['peoplesCommittee', 'provinceCentre', 'department', 'communeCentre', 'receptionPoint', 'verticalBranch'] as const;
export type AgencyKindName = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS = {
  peoplesCommittee: { vi: 'Ủy ban nhân dân', en: 'People’s Committee' },
  provinceCentre: { vi: 'Trung tâm Phục vụ hành chính công tỉnh', en: 'Provincial Public Administration Service Centre' },
  department: { vi: 'Sở, ban, ngành (và đơn vị trực thuộc)', en: 'Department (or one of its units)' },
  communeCentre: { vi: 'Trung tâm Phục vụ hành chính công cấp xã', en: 'Commune Public Administration Service Centre' },
  receptionPoint: { vi: 'Điểm tiếp nhận hồ sơ', en: 'Reception point' },
  verticalBranch: { vi: 'Chi nhánh cơ quan ngành dọc (Thuế, BHXH, Công an…)', en: 'Branch of a vertical agency (tax, social insurance, police…)' },
} as const satisfies Record<AgencyKindName, Bilingual>;

/** The levels each kind exists at (two-tier local government; districts are history and not checked). */
export const AGENCY_KIND_LEVELS = {
  peoplesCommittee: ['province', 'commune'],
  provinceCentre: ['province'],
  department: ['province'],
  communeCentre: ['commune'],
  receptionPoint: ['province', 'commune'],
  verticalBranch: ['province', 'commune'],
} as const satisfies Record<AgencyKindName, readonly (typeof AGENCY_LEVELS)[number][]>;

/** Kinds that exist to receive dossiers: they always host a one-stop desk. */
export const DESK_KINDS: readonly AgencyKindName[] = ['provinceCentre', 'communeCentre', 'receptionPoint'];
