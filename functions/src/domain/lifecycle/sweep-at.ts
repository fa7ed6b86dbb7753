// When the deadline sweep must next look at a dossier (`dossiers/{id}.sweepAt`). The sweep reads only dossiers
// whose `sweepAt` has come (issue 19: its cost follows what becomes due, not the backlog), so every change that
// can move a dossier's deadline flags sets it here, in the transition's own transaction; the sweep then moves it
// to the next instant a flag changes (features/sweep/deadline-watch.ts, `nextCheckAt`), or removes it.
import type { Dossier } from '../dossier/dossier.js';
import { clockRunsIn } from '../dossier/status-info.js';
import { localDateOf, previousWorkingDay, type WorkingCalendar } from '../time/index.js';
import { dayNumberOfDate, instantAt } from '../time/local-time.js';

/** The part of a dossier its deadline flags depend on. */
export type SweptFacts = Pick<Dossier, 'status' | 'dueAt' | 'extensionCount' | 'receivingAgencyId' | 'currentStep'>;

/** Midnight (Vietnam) of the working day before `due`: from then on it is due soon (domain `deadlineFlags`). */
export function dueSoonStartOf(due: Date, calendar: WorkingCalendar): Date {
  return new Date(instantAt(dayNumberOfDate(previousWorkingDay(localDateOf(due), calendar)), 0));
}

/** The earliest due time whose flags the sweep watches: the dossier's own and its inter-agency step's. */
export function earliestDueOf(d: SweptFacts): Date | undefined {
  if (!clockRunsIn(d.status)) return undefined;
  const times = [d.dueAt, d.currentStep?.dueAt].filter((t): t is Date => t instanceof Date);
  return times.length === 0 ? undefined : new Date(Math.min(...times.map((t) => t.getTime())));
}

const keyOf = (d: SweptFacts | undefined): string =>
  d === undefined
    ? ''
    : JSON.stringify([clockRunsIn(d.status), d.dueAt?.getTime() ?? null, d.extensionCount, d.receivingAgencyId, d.currentStep?.agencyId ?? null, d.currentStep?.dueAt?.getTime() ?? null]);

/**
 * `sweepAt` after a transition from `previous` (undefined at creation) to `next`.
 * - Nothing the flags depend on changed: the stored value stays (the sweep owns it then).
 * - Otherwise: the start of the new due-soon window, or `now` when the dossier may carry flags from before the
 *   change (its previous due-soon window had begun), so that the next sweep clears or rewrites them.
 * - Undefined when neither applies (clock stopped, nothing flagged): the sweep never reads it.
 */
export function sweepAtAfter(previous: SweptFacts | undefined, next: SweptFacts, stored: Date | undefined, now: Date, calendar: WorkingCalendar): Date | undefined {
  if (previous !== undefined && keyOf(previous) === keyOf(next)) return stored;
  const candidates: number[] = [];
  const nextDue = earliestDueOf(next);
  if (nextDue) candidates.push(dueSoonStartOf(nextDue, calendar).getTime());
  const previousDue = previous && earliestDueOf(previous);
  if (previousDue && dueSoonStartOf(previousDue, calendar).getTime() <= now.getTime()) candidates.push(now.getTime());
  return candidates.length === 0 ? undefined : new Date(Math.min(...candidates));
}
