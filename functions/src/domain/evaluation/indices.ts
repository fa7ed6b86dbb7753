// Circular 01/2018/TT-VPCP evaluation indices. Each index scores 2, 1 or 0. Indices 1–4 are computed from a
// dossier's event log and index 7 from its rating; 5, 6, 8 and 9 are agency-level figures supplied by the
// caller. See docs/GLOSSARY.md for the exact rules chosen where the Circular leaves room.
import type { DossierEvent } from '../lifecycle/event.js';
import { classifyTimeliness, type Timeliness } from '../time/index.js';
import type { Rating } from './rating.js';

export type IndexScore = 0 | 1 | 2;

// The labels live in their own file so a web page can show them without the evaluation code and zod.
export { EVALUATION_INDEX_LABELS } from './index-labels.js';

const TIMELINESS_SCORE = { early: 2, onTime: 1, late: 0 } as const satisfies Record<Timeliness, IndexScore>;

/** 0 → 2, 1 → 1, more → 0: used by indices 3 and 4. */
function countScore(count: number): IndexScore {
  return count === 0 ? 2 : count === 1 ? 1 : 0;
}

/** Actions in which an agency deals with the applicant directly. */
const APPLICANT_FACING = new Set<DossierEvent['type']>([
  'intake',
  'receive',
  'refuseAtReception',
  'requestSupplement',
  'requestPayment',
  'extend',
  'returnResult',
]);

export interface DossierIndices {
  /** Undefined until the dossier is resolved. */
  readonly index1: IndexScore | undefined;
  readonly index2: IndexScore | undefined;
  readonly index3: IndexScore;
  readonly index4: IndexScore;
  readonly index7: IndexScore | undefined;
}

interface Step {
  readonly dueAt: Date | undefined;
  closedAt?: Date;
}

/**
 * Scores one dossier from its events (any order; sorted by version here).
 * - Index 1: resolution time vs the legal due time (set at reception, or reset when a supplement restarts
 *   the clock); an extension does not move it.
 * - Index 2: every transfer opens a step for the receiving agency with its sub-deadline; the step closes at
 *   the next transfer or at resolution; the worst step counts. Without sub-deadlines: same as index 1.
 * - Index 3: supplement requests (every round is a contact the applicant had to make).
 * - Index 4: agencies other than the receiving desk that dealt with the applicant directly.
 * - Index 7: a verified complaint about attitude → 0; otherwise early 2, on time 1, late 0. No rating
 *   means no complaint.
 */
export function evaluateDossier(events: readonly DossierEvent[], rating?: Rating): DossierIndices {
  const ordered = [...events].sort((a, b) => a.version - b.version);
  let legalDue: Date | undefined;
  let resolvedAt: Date | undefined;
  let receivingAgency: string | undefined;
  let supplements = 0;
  const facing = new Set<string>();
  const steps: Step[] = [];

  for (const event of ordered) {
    const p = event.payload;
    if (
      p.type === 'receive' ||
      ((p.type === 'submitSupplement' || p.type === 'confirmPayment') && p.due !== undefined)
    ) {
      legalDue = p.due?.at ?? legalDue;
    }
    if ((p.type === 'intake' || p.type === 'receive') && receivingAgency === undefined)
      receivingAgency = event.actor.agencyId;
    if (p.type === 'requestSupplement') supplements++;
    if (APPLICANT_FACING.has(p.type) && event.actor.agencyId !== undefined) facing.add(event.actor.agencyId);
    if (p.type === 'transfer' || p.type === 'resolve') {
      const open = steps.at(-1);
      if (open !== undefined && open.closedAt === undefined) open.closedAt = event.at;
    }
    if (p.type === 'transfer') steps.push({ dueAt: p.dueAt });
    if (p.type === 'resolve') resolvedAt = event.at;
  }
  if (receivingAgency !== undefined) facing.delete(receivingAgency);

  const index1 =
    legalDue !== undefined && resolvedAt !== undefined
      ? TIMELINESS_SCORE[classifyTimeliness(legalDue, resolvedAt)]
      : undefined;
  const timed = steps.filter(
    (s): s is Required<Step> & { dueAt: Date } => s.dueAt !== undefined && s.closedAt !== undefined,
  );
  const index2 =
    resolvedAt === undefined
      ? undefined
      : timed.length === 0
        ? index1
        : (Math.min(
            ...timed.map((s) => TIMELINESS_SCORE[classifyTimeliness(s.dueAt, s.closedAt)]),
          ) as IndexScore);
  const index7 = rating?.complaintVerification === 'verified' ? 0 : index1;
  return { index1, index2, index3: countScore(supplements), index4: countScore(facing.size), index7 };
}

/** Index 6: procedures posted at the desk and published online → 2; one of the two → 1; neither → 0. */
export function scorePublicationIndex(publication: {
  readonly postedAtDesk: boolean;
  readonly publishedOnline: boolean;
}): IndexScore {
  return ((publication.postedAtDesk ? 1 : 0) + (publication.publishedOnline ? 1 : 0)) as IndexScore;
}

/** Index 8: share of feedback answered on time: 100% → 2, ≥ 90% → 1, below → 0. No feedback at all counts as 100%. */
export function scoreFeedbackHandlingIndex(answeredOnTime: number, total: number): IndexScore {
  if (total === 0 || answeredOnTime >= total) return 2;
  return answeredOnTime * 10 >= total * 9 ? 1 : 0;
}
