// Pure part of the sweep: from a dossier's due times and "now", the flags stored in deadlineWatch/.
import {
  clockRunsIn,
  deadlineFlags,
  dueSoonStartOf,
  localDateOf,
  nextWorkingDay,
  workingTimeBetween,
  type Dossier,
  type WorkingCalendar,
  type WorkingHours,
} from '../../domain/index.js';
import { dayNumberOfDate, instantAt, DAY_MS } from '../../domain/time/local-time.js';
import { SWEEP_CONFIG, type EscalationLevel } from './sweep-config.js';

/** The part of a stored dossier the sweep reads. */
export type WatchedDossier = Pick<Dossier, 'id' | 'status' | 'dueAt' | 'extensionCount' | 'receivingAgencyId' | 'handlerId' | 'currentStep'>;

export type StepWatch = { agencyId: string; dueAt: Date; dueSoon: boolean; overdue: boolean };

/**
 * A watch as stored: `overdueWorkingDays` and `checkedAt` are as of the pass that last changed a flag (the sweep
 * writes a watch only then, issue 19); readers that need today's lateness compute it from `dueAt`.
 */
export type DeadlineWatch = {
  dossierId: string;
  status: string;
  dueAt: Date | null;
  dueSoon: boolean;
  overdue: boolean;
  /** Working days (in the current agency's hours) since the due time, 2 decimals; 0 when not overdue. */
  overdueWorkingDays: number;
  escalationLevel: EscalationLevel;
  extensionCount: number;
  /** The agency holding the dossier now (the receiving agency until it is transferred). */
  agencyId: string;
  receivingAgencyId: string;
  handlerId: string | null;
  /** The current inter-agency step's own sub-deadline, when it has one. */
  step: StepWatch | null;
  checkedAt: Date;
};

/**
 * End of the next working day after `now` (Vietnam time): anything due by then is due soon now or will be
 * before the next nightly pass, so the sweep only reads those.
 */
export function sweepHorizon(now: Date, calendar: WorkingCalendar): Date {
  const next = nextWorkingDay(localDateOf(now), calendar);
  return new Date(instantAt(dayNumberOfDate(next), DAY_MS));
}

export function escalationLevelOf(overdue: boolean, overdueWorkingDays: number): EscalationLevel {
  if (!overdue) return 0;
  return SWEEP_CONFIG.escalationAfterWorkingDays.filter((d) => overdueWorkingDays >= d).length as EscalationLevel;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The watch of one dossier at `now`, or undefined when it has nothing to flag (nothing is stored then). */
export function computeWatch(
  dossier: WatchedDossier,
  now: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours | undefined,
): DeadlineWatch | undefined {
  const flags = deadlineFlags(dossier as Dossier, now, { calendar });
  const agencyId = dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
  const stepDue = dossier.currentStep?.dueAt;
  let step: StepWatch | null = null;
  if (stepDue && (SWEEP_CONFIG.openStatuses as readonly string[]).includes(dossier.status)) {
    const stepFlags = deadlineFlags({ ...(dossier as Dossier), dueAt: stepDue }, now, { calendar });
    if (stepFlags.dueSoon || stepFlags.overdue) step = { agencyId, dueAt: stepDue, dueSoon: stepFlags.dueSoon, overdue: stepFlags.overdue };
  }
  if (!flags.dueSoon && !flags.overdue && !step) return undefined;
  const overdueWorkingDays =
    flags.overdue && dossier.dueAt ? round2(workingTimeBetween(dossier.dueAt, now, calendar, hours).workingDays) : 0;
  return {
    dossierId: dossier.id,
    status: dossier.status,
    dueAt: dossier.dueAt ?? null,
    dueSoon: flags.dueSoon,
    overdue: flags.overdue,
    overdueWorkingDays,
    escalationLevel: escalationLevelOf(flags.overdue, overdueWorkingDays),
    extensionCount: dossier.extensionCount,
    agencyId,
    receivingAgencyId: dossier.receivingAgencyId,
    handlerId: dossier.handlerId ?? null,
    step,
    checkedAt: now,
  };
}

/** The parts of a watch whose change is worth a write: every flag and fact, not the lateness figure or the tick. */
function flagsOf(w: Partial<DeadlineWatch> | undefined): string {
  if (w === undefined) return '';
  const time = (t: unknown) => (t instanceof Date ? t.getTime() : t && typeof (t as { toMillis?: unknown }).toMillis === 'function' ? (t as { toMillis(): number }).toMillis() : null);
  return JSON.stringify([
    w.status, time(w.dueAt), w.dueSoon, w.overdue, w.escalationLevel, w.extensionCount, w.agencyId, w.receivingAgencyId, w.handlerId ?? null,
    w.step ? [w.step.agencyId, time(w.step.dueAt), w.step.dueSoon, w.step.overdue] : null,
  ]);
}

/** True when the stored watch (Firestore data or undefined) already says what `next` says. */
export function sameFlags(stored: Partial<DeadlineWatch> | undefined, next: DeadlineWatch | undefined): boolean {
  return flagsOf(stored) === flagsOf(next);
}

/** The escalation level a dossier due at `due` has reached at `at` (0 before it is overdue). */
function levelAt(due: Date, at: number, calendar: WorkingCalendar, hours: WorkingHours | undefined): EscalationLevel {
  if (at <= due.getTime()) return 0;
  return escalationLevelOf(true, round2(workingTimeBetween(due, new Date(at), calendar, hours).workingDays));
}

/** First instant after `from` at which the level reaches `level` (levels only grow with time): a bisection. */
function levelReachedAt(due: Date, from: number, level: number, calendar: WorkingCalendar, hours: WorkingHours | undefined): number {
  let lo = from;
  let hi = from + DAY_MS;
  while (levelAt(due, hi, calendar, hours) < level) {
    lo = hi;
    hi = from + (hi - from) * 2;
    if (hi - from > 366 * DAY_MS) throw new Error('no escalation within a year');
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (levelAt(due, mid, calendar, hours) >= level) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The next instant after `now` at which the dossier's watch can change (due soon begins, overdue begins, the
 * next escalation level is reached, the same for its inter-agency step), or undefined when none can: its clock
 * is stopped, or it has reached the last escalation level and its step is overdue too. The sweep stores it as
 * the dossier's `sweepAt`, so a dossier in the overdue backlog is read once per level, not at every pass.
 * When the calendar has no data that far ahead, the next working day's start is returned, to look again then.
 */
export function nextCheckAt(dossier: WatchedDossier, now: Date, calendar: WorkingCalendar, hours: WorkingHours | undefined): Date | undefined {
  if (!clockRunsIn(dossier.status)) return undefined;
  const t = now.getTime();
  const candidates: number[] = [];
  try {
    for (const due of [dossier.dueAt, dossier.currentStep?.dueAt]) {
      if (!(due instanceof Date)) continue;
      candidates.push(dueSoonStartOf(due, calendar).getTime(), due.getTime() + 1);
    }
    const due = dossier.dueAt;
    if (due instanceof Date && t > due.getTime()) {
      const level = levelAt(due, t, calendar, hours);
      if (level < SWEEP_CONFIG.escalationAfterWorkingDays.length) candidates.push(levelReachedAt(due, t, level + 1, calendar, hours));
    }
  } catch {
    return new Date(instantAt(dayNumberOfDate(nextWorkingDayOr(now, calendar)), 0));
  }
  const later = candidates.filter((c) => c > t);
  return later.length === 0 ? undefined : new Date(Math.min(...later));
}

function nextWorkingDayOr(now: Date, calendar: WorkingCalendar) {
  try {
    return nextWorkingDay(localDateOf(now), calendar);
  } catch {
    return localDateOf(new Date(now.getTime() + DAY_MS));
  }
}
