// Agency-level evaluation: per-dossier indices averaged (one decimal, half up), agency-level indices added,
// and the total classified.
import type { Bilingual } from '../shared/bilingual.js';
import type { DossierIndices, IndexScore } from './indices.js';

export type EvaluationClass = 'excellent' | 'good' | 'fair' | 'average' | 'weak';

/**
 * Lower bounds, inclusive, of a total out of 18: [15, 18] excellent, [12, 15) good, [9, 12) fair,
 * [6, 9) average, [0, 6) weak. A total exactly on a boundary belongs to the higher class.
 */
export const EVALUATION_CLASS_THRESHOLDS = [
  ['excellent', 15],
  ['good', 12],
  ['fair', 9],
  ['average', 6],
  ['weak', 0],
] as const satisfies readonly (readonly [EvaluationClass, number])[];

export const EVALUATION_CLASS_LABELS = {
  excellent: { vi: 'Xuất sắc', en: 'Excellent' },
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  weak: { vi: 'Yếu', en: 'Weak' },
} as const satisfies Record<EvaluationClass, Bilingual>;

export function classifyEvaluationTotal(total: number): EvaluationClass {
  for (const [name, lower] of EVALUATION_CLASS_THRESHOLDS) if (total >= lower) return name;
  return 'weak';
}

/** Mean of integer scores in tenths, rounded half up, computed on integers so 1.45 never becomes 1.4. */
function averageTenths(scores: readonly IndexScore[]): number | undefined {
  return averageTenthsOfSum(scores.reduce<number>((s, x) => s + x, 0), scores.length);
}

/** The same mean from a running sum and count (statistics keep those, not the scores). */
function averageTenthsOfSum(sum: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  return Math.floor((20 * sum + count) / (2 * count));
}

/**
 * An index average to one decimal, half up, from the sum of the per-dossier scores and their count;
 * undefined when no dossier was scored. Equals the average `aggregateAgencyEvaluation` gives.
 */
export function averageIndexScore(sum: number, count: number): number | undefined {
  const tenths = averageTenthsOfSum(sum, count);
  return tenths === undefined ? undefined : tenths / 10;
}

export interface AgencyLevelIndices {
  readonly index5: number;
  readonly index6: number;
  readonly index8: number;
  readonly index9: number;
}

export interface AgencyEvaluation {
  readonly dossierCount: number;
  /** Averages to one decimal; undefined when no dossier had a value for the index. */
  readonly averages: Readonly<
    Record<'index1' | 'index2' | 'index3' | 'index4' | 'index7', number | undefined>
  >;
  /** Sum of all nine indices; undefined without the agency-level indices or any per-dossier average. */
  readonly total: number | undefined;
  readonly classification: EvaluationClass | undefined;
}

export function aggregateAgencyEvaluation(
  dossiers: readonly DossierIndices[],
  agencyLevel?: AgencyLevelIndices,
): AgencyEvaluation {
  const keys = ['index1', 'index2', 'index3', 'index4', 'index7'] as const;
  const tenths = Object.fromEntries(
    keys.map((key) => [
      key,
      averageTenths(dossiers.map((d) => d[key]).filter((v): v is IndexScore => v !== undefined)),
    ]),
  ) as Record<(typeof keys)[number], number | undefined>;
  const averages = Object.fromEntries(
    keys.map((key) => [key, tenths[key] === undefined ? undefined : tenths[key] / 10]),
  ) as AgencyEvaluation['averages'];

  let total: number | undefined;
  if (agencyLevel !== undefined && keys.every((key) => tenths[key] !== undefined)) {
    const dossierPart = keys.reduce((s, key) => s + (tenths[key] ?? 0), 0);
    const agencyPart = [
      agencyLevel.index5,
      agencyLevel.index6,
      agencyLevel.index8,
      agencyLevel.index9,
    ].reduce((s, x) => s + Math.round(x * 10), 0);
    total = (dossierPart + agencyPart) / 10;
  }
  return {
    dossierCount: dossiers.length,
    averages,
    total,
    classification: total === undefined ? undefined : classifyEvaluationTotal(total),
  };
}
