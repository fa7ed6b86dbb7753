// Decision 766 progress facts of one finished dossier, from its event log: when it ended, whether that was
// early, on time or late, and how much of the allowed working time it used. The rules the national index
// is reported to apply:
//  - the end is the first of: resolved > result returned > stopped / closed / withdrawn after reception;
//  - time spent waiting for the applicant's supplement (and for a payment whose wait does not count) is
//    subtracted: a restart policy starts the clock again at the supplement, a pause policy resumes it;
//  - more than one supplement request makes the dossier late, whatever the dates.
// A dossier never received (refused at reception, withdrawn before) has no progress: it is not counted.
import type { SupplementClockPolicy } from '../procedure/procedure.js';
import type { ActionType } from '../lifecycle/actions.js';
import type { DossierEvent } from '../lifecycle/event.js';
import { classifyTimeliness, type Timeliness } from '../time/index.js';

export type DossierProgress = {
  readonly finishedAt: Date;
  readonly finishedBy: ActionType;
  readonly timeliness: Timeliness;
  /** Why a dossier is late: past its due date, or asked for supplements more than once. */
  readonly lateBecause: 'due' | 'supplements' | null;
  readonly supplementRequests: number;
  /** Working time used ÷ working time allowed, in thousandths; null when the allowed time is empty. */
  readonly usedPermille: number | null;
};

/** Working milliseconds between two instants (0 when `to` is not after `from`), in the agency's hours. */
export type WorkingMs = (from: Date, to: Date) => number;

/** Actions that end a received dossier, best first (the first present is the end). */
const END_PRIORITY: readonly (readonly ActionType[])[] = [['resolve'], ['returnResult'], ['stop', 'confirmStop', 'closeUnsupplemented', 'withdraw']];

/** Whether this event type can end a dossier for the progress index. */
export function isProgressEnd(type: ActionType): boolean {
  return END_PRIORITY.some((group) => group.includes(type));
}

type Interval = { from: Date; to: Date };

/**
 * The progress facts, or undefined when the dossier was never received or has not ended.
 * `policy` is the pinned procedure's supplement clock policy (restart from zero, or pause).
 */
export function progressOf(events: readonly DossierEvent[], policy: SupplementClockPolicy, workingMs: WorkingMs): DossierProgress | undefined {
  const ordered = [...events].sort((a, b) => a.version - b.version);
  const receivedIndex = ordered.findIndex((e) => e.payload.type === 'receive');
  if (receivedIndex < 0) return undefined;
  let end: DossierEvent | undefined;
  for (const group of END_PRIORITY) {
    end = ordered.find((e, i) => i > receivedIndex && group.includes(e.payload.type));
    if (end) break;
  }
  if (!end) return undefined;

  let clockStart = ordered[receivedIndex]!.at;
  let due: Date | undefined;
  let paused: Interval[] = [];
  let pauseStart: Date | undefined;
  let paymentStart: Date | undefined;
  let supplementRequests = 0;
  for (const e of ordered) {
    if (e.at.getTime() > end.at.getTime() || e.version > end.version) break;
    const p = e.payload;
    if (p.type === 'requestSupplement') supplementRequests += 1;
    if (e.version < ordered[receivedIndex]!.version) continue; // before reception the clock has not started
    switch (p.type) {
      case 'receive':
        due = p.due.at;
        break;
      case 'requestSupplement':
        pauseStart = e.at;
        break;
      case 'submitSupplement':
        if (pauseStart !== undefined && p.due !== undefined) {
          if (policy === 'restart') {
            clockStart = e.at;
            paused = [];
          } else paused.push({ from: pauseStart, to: e.at });
          due = p.due.at;
        }
        pauseStart = undefined;
        break;
      case 'requestPayment':
        paymentStart = e.at;
        break;
      case 'confirmPayment':
        // A new due date means the wait for the payment did not count.
        if (paymentStart !== undefined && p.due !== undefined) {
          paused.push({ from: paymentStart, to: e.at });
          due = p.due.at;
        }
        paymentStart = undefined;
        break;
      default:
        break;
    }
  }
  if (due === undefined) return undefined;
  // Ended while waiting for the applicant: the clock stood still from the request on.
  const clockEnd = pauseStart ?? end.at;
  const within = (limit: Date) =>
    paused.reduce((sum, i) => {
      const from = i.from.getTime() < clockStart.getTime() ? clockStart : i.from;
      const to = i.to.getTime() > limit.getTime() ? limit : i.to;
      return sum + workingMs(from, to);
    }, 0);
  const used = workingMs(clockStart, clockEnd) - within(clockEnd);
  const allowed = workingMs(clockStart, due) - within(due);
  const byDate = classifyTimeliness(due, clockEnd);
  const tooManySupplements = supplementRequests > 1;
  return {
    finishedAt: end.at,
    finishedBy: end.payload.type,
    timeliness: tooManySupplements ? 'late' : byDate,
    lateBecause: tooManySupplements ? 'supplements' : byDate === 'late' ? 'due' : null,
    supplementRequests,
    usedPermille: allowed > 0 ? Math.round((Math.max(used, 0) / allowed) * 1000) : null,
  };
}
