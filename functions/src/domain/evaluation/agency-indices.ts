// Circular 01/2018's agency-level indices 5, 6, 8 and 9, and the report of all nine for an agency and a
// period, from counts the roll-ups keep. The per-index scales are not verified in the reference, so rate
// thresholds and class bounds come from the evaluation settings (defaults in evaluation-settings.ts).
import type { DossierEvent } from '../lifecycle/event.js';
import type { Bilingual } from '../shared/bilingual.js';
import { averageIndexScore, type EvaluationClass } from './aggregate.js';
import type { PerDossierIndex } from './evaluation-counters.js';
import type { ClassThresholds, RateThresholds, ResolvedEvaluationSettings } from './evaluation-settings.js';
import type { IndexScore } from './indices.js';

/** 2 at or above `full`, 1 at or above `half`, else 0; undefined without a denominator. */
export function scoreByRate(numerator: number, denominator: number, thresholds: RateThresholds): IndexScore | undefined {
  if (denominator <= 0) return undefined;
  // Compared as numerator ≥ threshold × denominator, so 9 of 10 meets 0.9 without rounding trouble.
  const meets = (t: number) => numerator >= t * denominator - 1e-9;
  return meets(thresholds.full) ? 2 : meets(thresholds.half) ? 1 : 0;
}

/**
 * Index 5 for one dossier: reception and return were both done by the receiving desk and no other agency
 * dealt with the applicant (the procedure was handled "wholly at the desk"). A dossier stopped before its
 * return counts by its reception alone.
 */
export function handledAtDesk(events: readonly DossierEvent[], receivingAgencyId: string, index4: IndexScore): boolean {
  if (index4 !== 2) return false;
  const at = (type: DossierEvent['type']) => events.find((e) => e.payload.type === type)?.actor.agencyId;
  const reception = at('receive');
  const returned = events.some((e) => e.payload.type === 'returnResult') ? at('returnResult') : receivingAgencyId;
  return reception === receivingAgencyId && returned === receivingAgencyId;
}

/** What the report needs about an agency (or the province) over a period. */
export type Circular01Counts = {
  readonly indexSums: Readonly<Partial<Record<PerDossierIndex, number>>>;
  readonly indexCounts: Readonly<Partial<Record<PerDossierIndex, number>>>;
  /** Dossiers finished and scored, and of those handled wholly at the desk. */
  readonly evaluated: number;
  readonly atDesk: number;
  readonly received: number;
  readonly receivedOnline: number;
  readonly feedbackAnswered: number;
  readonly feedbackAnsweredOnTime: number;
};

export const C01_INDEX_KEYS = ['index1', 'index2', 'index3', 'index4', 'index5', 'index6', 'index7', 'index8', 'index9'] as const;
export type C01IndexKey = (typeof C01_INDEX_KEYS)[number];

export type Circular01Report = {
  /** Averages (1–4, 7) or scores (5, 6, 8, 9); null without data. */
  readonly indices: Readonly<Record<C01IndexKey, number | null>>;
  /** Why an index has no value. */
  readonly missing: Readonly<Partial<Record<C01IndexKey, Bilingual>>>;
  readonly total: number | null;
  readonly classification: EvaluationClass | null;
};

export function classifyWith(total: number, bounds: ClassThresholds): EvaluationClass {
  if (total >= bounds.excellent) return 'excellent';
  if (total >= bounds.good) return 'good';
  if (total >= bounds.fair) return 'fair';
  if (total >= bounds.average) return 'average';
  return 'weak';
}

const NO_FINISHED = { vi: 'Không có hồ sơ kết thúc trong kỳ', en: 'no dossier finished in the period' };
const NO_RECEIVED = { vi: 'Không có hồ sơ tiếp nhận trong kỳ', en: 'no dossier received in the period' };

/**
 * The nine indices of one agency. Index 6: every procedure the portal shows is published online; posted
 * at the desk is what the administrator recorded for the agency. Index 8: no feedback answered counts as
 * all on time, as `scoreFeedbackHandlingIndex` always did. The total and class need all nine.
 */
export function circular01Report(c: Circular01Counts, agencyId: string | undefined, settings: ResolvedEvaluationSettings['c01']): Circular01Report {
  const missing: Partial<Record<C01IndexKey, Bilingual>> = {};
  const avg = (k: PerDossierIndex) => {
    const v = averageIndexScore(c.indexSums[k] ?? 0, c.indexCounts[k] ?? 0);
    if (v === undefined) missing[k] = NO_FINISHED;
    return v ?? null;
  };
  const index5 = scoreByRate(c.atDesk, c.evaluated, settings.index5);
  if (index5 === undefined) missing.index5 = NO_FINISHED;
  const postedAtDesk = agencyId !== undefined && settings.postedAtDesk.includes(agencyId);
  const index6: IndexScore = postedAtDesk ? 2 : 1;
  const index8 = c.feedbackAnswered === 0 ? 2 : scoreByRate(c.feedbackAnsweredOnTime, c.feedbackAnswered, settings.index8)!;
  const index9 = scoreByRate(c.receivedOnline, c.received, settings.index9);
  if (index9 === undefined) missing.index9 = NO_RECEIVED;
  const indices: Record<C01IndexKey, number | null> = {
    index1: avg('index1'),
    index2: avg('index2'),
    index3: avg('index3'),
    index4: avg('index4'),
    index5: index5 ?? null,
    index6,
    index7: avg('index7'),
    index8,
    index9: index9 ?? null,
  };
  const values = C01_INDEX_KEYS.map((k) => indices[k]);
  // Sum in tenths: the averages carry one decimal.
  const total = values.every((v): v is number => v !== null) ? values.reduce((s, v) => s + Math.round(v * 10), 0) / 10 : null;
  return { indices, missing, total, classification: total === null ? null : classifyWith(total, settings.classThresholds) };
}
