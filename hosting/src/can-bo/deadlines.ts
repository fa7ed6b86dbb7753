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
