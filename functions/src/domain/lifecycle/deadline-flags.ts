// Overdue, due soon and extended are facts about the deadline, not statuses: they are derived whenever
// needed (list views, statistics, reminders) and never stored as the dossier's state.
import type { Dossier } from '../dossier/dossier.js';
import {
  classifyTimeliness,
  localDateOf,
  previousWorkingDay,
  type Timeliness,
  type WorkingCalendar,
} from '../time/index.js';
import { clockRunsIn } from '../dossier/status-info.js';

export const DUE_SOON_FALLBACK_MS = 24 * 3_600_000;

export interface DeadlineFlags {
  /** The clock runs and the due time has passed. */
  readonly overdue: boolean;
  /**
   * The clock runs, the due time has not passed, and today is the last day on which an apology with a new
   * date may still be sent (the working day before the due date) or later. Without a calendar: due
   * within 24 hours.
   */
  readonly dueSoon: boolean;
  /** A new appointment was set with an apology (form 04). */
  readonly extended: boolean;
}

export function deadlineFlags(
  dossier: Dossier,
  now: Date,
  options: { readonly calendar?: WorkingCalendar } = {},
): DeadlineFlags {
  const extended = dossier.extensionCount > 0;
  const dueAt = dossier.dueAt;
  if (dueAt === undefined || !clockRunsIn(dossier.status))
    return { overdue: false, dueSoon: false, extended };
  const overdue = now.getTime() > dueAt.getTime();
  const dueSoon =
    !overdue &&
    (options.calendar === undefined
      ? dueAt.getTime() - now.getTime() <= DUE_SOON_FALLBACK_MS
      : localDateOf(now) >= previousWorkingDay(localDateOf(dueAt), options.calendar));
  return { overdue, dueSoon, extended };
}

/**
 * Early / on time / late of a resolved dossier, judged against the original appointment: an apology with a
 * new date keeps the dossier legal but does not make it on time.
 */
export function findResolutionTimeliness(dossier: Dossier): Timeliness | undefined {
  const due = dossier.originalDueAt ?? dossier.dueAt;
  if (due === undefined || dossier.resolution === undefined) return undefined;
  return classifyTimeliness(due, dossier.resolution.at);
}
