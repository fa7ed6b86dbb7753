// Circular 01/2018 indices in the statistics: when a received dossier is finished (result returned,
// withdrawn or stopped), its per-dossier scores (indices 1, 2, 3, 4 and 7, each 0–2) are added to the
// stats document of the finishing event as a sum and a count per index. Averages are sum ÷ count, so the
// transparency page never reads a dossier. Pure: the trigger reads the events, this decides.
import type { ActionType } from '../lifecycle/actions.js';
import type { DossierIndices } from './indices.js';

export const PER_DOSSIER_INDICES = ['index1', 'index2', 'index3', 'index4', 'index7'] as const;
export type PerDossierIndex = (typeof PER_DOSSIER_INDICES)[number];

/** Events that finish a dossier's handling. A refusal at reception never received it: not evaluated. */
// Decree 118 adds the stop the applicant asked for and the close of a supplement that never came.
const FINISHING: ReadonlySet<ActionType> = new Set<ActionType>(['returnResult', 'withdraw', 'stop', 'confirmStop', 'closeUnsupplemented']);

export function isEvaluatedOn(type: ActionType, receivedAt: Date | undefined, at: Date): boolean {
  return FINISHING.has(type) && receivedAt !== undefined && receivedAt.getTime() <= at.getTime();
}

export type IndexIncrements = {
  indexSums: Partial<Record<PerDossierIndex, number>>;
  indexCounts: Partial<Record<PerDossierIndex, number>>;
};

/** The sums and counts one dossier adds; an index without a score (not resolved) adds nothing. */
export function indexIncrements(indices: DossierIndices): IndexIncrements {
  const indexSums: IndexIncrements['indexSums'] = {};
  const indexCounts: IndexIncrements['indexCounts'] = {};
  for (const key of PER_DOSSIER_INDICES) {
    const score = indices[key];
    if (score === undefined) continue;
    indexSums[key] = score;
    indexCounts[key] = 1;
  }
  return { indexSums, indexCounts };
}
