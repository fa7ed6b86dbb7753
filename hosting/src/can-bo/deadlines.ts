// Due soon / overdue for the queue. The deadline sweep writes the authoritative flags (with the holiday
// calendar) to deadlineWatch/{dossierId} every run; between runs the page also computes them from
// `dueAt`, so a dossier crossing its due time turns red without waiting for the next sweep. The local
// rule skips weekends only (no holidays): "due soon" = today is the working day before the due date or
// later, as the domain's deadlineFlags says.
// Whether the clock runs in a status is the contract's fact (`clockRunsIn`), the same the sweep reads.
import { clockRunsIn } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';

const VN_OFFSET_MS = 7 * 3_600_000;

/** Vietnam calendar date as a UTC-midnight Date (weekday arithmetic without time zones). */
function vnDay(at: Date): Date {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

function previousWeekday(day: Date): Date {
  const d = new Date(day.getTime() - 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d;
}

function nextWeekday(day: Date): Date {
  const d = new Date(day.getTime() + 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * The instant before which a running clock's due time makes the dossier overdue or due soon now, by the
 * same rule as `computeFlags` (due soon = due on the next working day or earlier): Vietnam midnight
 * after the next weekday. The queue's "due soon / overdue" tab asks the server for `workBy` before it.
 */
export function attentionBoundary(now: Date): Date {
  return new Date(nextWeekday(vnDay(now)).getTime() + 86_400_000 - VN_OFFSET_MS);
}

export type Flags = { overdue: boolean; dueSoon: boolean };

export function computeFlags(status: string, dueAt: Date | undefined, now: Date): Flags {
  if (!dueAt || !clockRunsIn(status)) return { overdue: false, dueSoon: false };
  const overdue = now.getTime() > dueAt.getTime();
  const dueSoon = !overdue && vnDay(now).getTime() >= previousWeekday(vnDay(dueAt)).getTime();
  return { overdue, dueSoon };
}

/** The sweep's flags win when present (they know the holidays); the clock can only add "overdue". */
export function mergeFlags(local: Flags, watch: Partial<Flags> | undefined): Flags {
  const overdue = local.overdue || watch?.overdue === true;
  return { overdue, dueSoon: !overdue && (local.dueSoon || watch?.dueSoon === true) };
}

export const FLAG_TEXT: Record<'overdue' | 'dueSoon', Bilingual> = {
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  dueSoon: { vi: 'Sắp đến hạn', en: 'Due soon' },
};

/**
 * Decree 118 Art. 17.2: an online dossier not yet received must be accepted or returned by `decideBy`
 * (8 working hours, computed by the server with the holidays); untouched past `alertAt` (2 hours) the
 * sweep escalates it. `pending` before the alert time, `alert` after it, `late` past the deadline; none
 * once the dossier left `registered` (the sweep reads the same).
 */
export type IntakeState = 'pending' | 'alert' | 'late';

export function intakeState(status: string, intake: { alertAt?: Date; decideBy?: Date }, now: Date): IntakeState | undefined {
  if (status !== 'registered' || !intake.decideBy) return undefined;
  if (now.getTime() > intake.decideBy.getTime()) return 'late';
  if (intake.alertAt && now.getTime() >= intake.alertAt.getTime()) return 'alert';
  return 'pending';
}

export const INTAKE_TEXT: Record<'alert' | 'late', Bilingual> = {
  alert: { vi: 'Quá giờ cảnh báo, chưa tiếp nhận', en: 'Past the alert time, not taken up' },
  late: { vi: 'Quá hạn tiếp nhận', en: 'Intake overdue' },
};

/** "3 giờ 20 phút" / "3 h 20 min" (clock time, rounded down to the minute; days beyond 24 hours). */
export function spanText(ms: number): Bilingual {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const vi = [days ? `${days} ngày` : '', hours ? `${hours} giờ` : '', !days && (mins || !hours) ? `${mins} phút` : ''].filter(Boolean).join(' ');
  const en = [days ? `${days} d` : '', hours ? `${hours} h` : '', !days && (mins || !hours) ? `${mins} min` : ''].filter(Boolean).join(' ');
  return { vi, en };
}
