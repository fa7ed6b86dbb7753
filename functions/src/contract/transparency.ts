// GET /api/transparency?from=YYYY-MM&to=YYYY-MM — public figures per agency and month and for the
// province (counts only: no dossier, no person, no comment).
import type { EVALUATION_INDEX_LABELS } from '../domain/evaluation/index-labels.js';
import type { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../domain/evaluation/satisfaction-scale.js';
import type { Bilingual } from '../domain/shared/bilingual.js';

export type TransparencyQuery = { from?: string; to?: string };

export type IndexKey = keyof typeof EVALUATION_INDEX_LABELS;
type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** What the page shows for one agency or the province over one month or the whole range. */
export type Figures = {
  received: number;
  /** Resolved in the period: resolvedOnTime + resolvedLate. */
  resolved: number;
  /** Resolved by the original appointment date, early ones included (đúng hạn và trước hạn). */
  resolvedOnTime: number;
  /** Of those, resolved before the due date (trước hạn). */
  resolvedEarly: number;
  resolvedLate: number;
  /** resolvedOnTime ÷ resolved, 4 decimals; null when nothing was resolved. */
  onTimeRate: number | null;
  returned: number;
  refused: number;
  withdrawn: number;
  stopped: number;
  ratings: Record<SatisfactionLevel, number> & { total: number; attitudeComplaints: number };
  /** Dossiers finished after reception and scored (index 3 is scored for every one of them). */
  evaluatedDossiers: number;
  /** Averages to one decimal, half up; null without data, and always for 5, 6, 8, 9 (agency-level inputs the system does not hold). */
  indices: Record<IndexKey, number | null>;
};

export type MonthFigures = Figures & { month: string };
export type AgencyFigures = { agencyId: string; name: Bilingual | null; months: MonthFigures[]; total: Figures };
export type TransparencyReport = {
  from: string;
  to: string;
  months: string[];
  agencies: AgencyFigures[];
  province: { months: MonthFigures[]; total: Figures };
};

export type TransparencyAnswer = TransparencyReport & {
  indexLabels: typeof EVALUATION_INDEX_LABELS;
  satisfactionLabels: typeof SATISFACTION_SCALE;
};
