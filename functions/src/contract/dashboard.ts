// The province dashboard for leaders and monitors: figures per agency, field and procedure by month or
// ISO week, Decision 766 scores with rank, the Circular 01 report of legacy dossiers, the feedback
// backlog, per-officer figures for an agency's leads, and the drill-down from a figure to its dossiers
// (codes, never personal data). Every figure is read from the roll-ups.
import type { D766Group, D766SubIndicator } from '../domain/evaluation/d766-labels.js';
import type { Bilingual } from '../domain/shared/bilingual.js';

export type DashboardQuery = { view?: 'month' | 'week'; from?: string; to?: string; agencyId?: string };

/** The progress figures of one unit over one period. */
export type ProgressFigures = {
  received: number;
  receivedOnline: number;
  finished: number;
  finishedOnTime: number;
  finishedLate: number;
  /** finishedOnTime ÷ finished, 4 decimals; null when nothing finished. */
  onTimeRate: number | null;
  returned: number;
  rated: number;
  ratedNegative: number;
};

export type BacklogFigures = { overdue: number; dueSoon: number; inProgress: number; feedbackOpen: number; feedbackUnpublished: number; feedbackOverdue: number };

export type D766SubScore =
  | { id: D766SubIndicator; kind: 'scored'; rate: number; points: number; maxPoints: number; target: number; numerator: number; denominator: number }
  | { id: D766SubIndicator; kind: 'noData'; reason: Bilingual; maxPoints: number; target: number };

export type D766View = {
  points: number;
  maxPoints: number;
  availablePoints: number;
  percent: number | null;
  rank: number | null;
  groups: { group: D766Group; points: number; maxPoints: number; availablePoints: number }[];
  subIndicators: D766SubScore[];
};

export type C01View = {
  indices: Record<'index1' | 'index2' | 'index3' | 'index4' | 'index5' | 'index6' | 'index7' | 'index8' | 'index9', number | null>;
  missing: Partial<Record<string, Bilingual>>;
  total: number | null;
  classification: 'excellent' | 'good' | 'fair' | 'average' | 'weak' | null;
  evaluatedDossiers: number;
};

export type FeedbackFigures = { received: number; answered: number; answeredOnTime: number; refused: number; published: number; publishedOnTime: number; rated: number; satisfied: number; verifiedComplaints: number };

export type DashboardUnit = {
  /** null for the province. */
  agencyId: string | null;
  name: Bilingual | null;
  periods: (ProgressFigures & { period: string })[];
  total: ProgressFigures;
  backlog: BacklogFigures;
  feedback: FeedbackFigures;
  /** Over the whole range. */
  d766: D766View;
  /** Legacy dossiers (Decree 61 rule set) only, over the whole range. */
  legacy: C01View;
};

export type BreakdownRow = { key: string; label: Bilingual | null; received: number; finishedOnTime: number; finishedLate: number; onTimeRate: number | null; overdue: number; dueSoon: number };

export type OfficerFigures = { uid: string; name: string | null; finished: number; finishedOnTime: number; finishedLate: number; rated: number; ratedNegative: number; complaints: number };

export type DashboardAnswer = {
  view: 'month' | 'week';
  from: string;
  to: string;
  periods: string[];
  province: DashboardUnit;
  agencies: DashboardUnit[];
  byField: BreakdownRow[];
  byProcedure: BreakdownRow[];
  /** Only for an agency's lead, for that agency; null otherwise. */
  officers: OfficerFigures[] | null;
  labels: { d766Groups: Record<D766Group, Bilingual>; d766SubIndicators: Record<D766SubIndicator, { label: Bilingual; formula: Bilingual; group: D766Group }> };
  settingsSource: string | null;
  /** Documents read to build this answer (the cost the roll-ups keep flat). */
  documentsRead: number;
};

export const DRILL_FIGURES = ['received', 'finished', 'onTime', 'late', 'overdue', 'dueSoon'] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];
export type DashboardDossiersQuery = { figure: DrillFigure; period?: string; agencyId?: string; field?: string; procedureCode?: string; after?: string };
export type DrillRow = { code: string | null; procedureCode: string; procedureName: Bilingual | null; field: string; agencyId: string; receivedAt: string | null; finishedAt: string | null; timeliness: 'early' | 'onTime' | 'late' | null; dueAt: string | null; overdueWorkingDays: number | null };
export type DashboardDossiersAnswer = { figure: DrillFigure; rows: DrillRow[]; next: string | null };

export const DASHBOARD_TABLES = ['agencies', 'fields', 'procedures', 'd766', 'legacy', 'feedback', 'officers', 'dossiers'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];
export type DashboardExportQuery = DashboardQuery & Partial<Omit<DashboardDossiersQuery, 'figure'>> & { table: DashboardTable; format: 'csv' | 'pdf'; figure?: DrillFigure };
