// Pure part of the sweep: from a dossier's due times and "now", the flags stored in deadlineWatch/.
import {
  deadlineFlags,
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
