// Walking through working time: the one loop every deadline rule is built on. Working periods are
// half-open [start, end) when deciding where counting begins (a dossier received at 17:00 sharp counts
// from the next morning) and closed at the end when a count finishes (8 working hours from 07:00 end at
// 17:00 the same day, not 07:00 the next).
import { toWorkingCalendar, dayInfoReader, type CalendarDayInfo, type CalendarInput } from './calendar.js';
import { CalendarNotCoveredError, InvalidInstantError } from './errors.js';
import { dayNumberOfInstant, epochOf, instantAt, timeOfDayMs, yearOfDayNumber } from './local-time.js';
import type { WorkingHours } from './schemas.js';
import { daySchedule, type DaySchedule } from './working-hours.js';

export interface Walk {
  /** Where the walk ended: the due instant when `reached`, otherwise `stopAt`. */
  readonly end: number;
  /** Working time consumed, ms. */
  readonly consumed: number;
  readonly reached: boolean;
  /** The first instant of working time the walk touched (the normalised start); undefined if none before stopAt. */
  readonly firstWorkingMs: number | undefined;
  /** Non-working days passed over (day numbers, ascending). */
  readonly skipped: readonly number[];
  /** Make-up working days on which working time was counted. */
  readonly makeUpDays: readonly number[];
}

// No legal duration comes near a century; past this the calendar must be broken (e.g. no working day at all).
const MAX_DAYS_WALKED = 36_600;

/**
 * Consumes `amount` ms of working time from `from`, stopping early at `stopAt`. With amount 0 it returns
 * the next working moment at or after `from`.
 * @throws CalendarNotCoveredError when the walk leaves the calendar data.
 */
export function walkWorkingTime(
  info: (day: number) => CalendarDayInfo,
  schedule: DaySchedule,
  from: number,
  amount: number,
  stopAt = Number.POSITIVE_INFINITY,
): Walk {
  const skipped: number[] = [];
  const makeUpDays: number[] = [];
  const firstDay = dayNumberOfInstant(from);
  let day = firstDay;
  let t = timeOfDayMs(from);
  let remaining = amount;
  let consumed = 0;
  let firstWorkingMs: number | undefined;
  const stopped = (): Walk => ({
    end: stopAt,
    consumed,
    reached: false,
    firstWorkingMs,
    skipped,
    makeUpDays,
  });

  for (;;) {
    const base = instantAt(day, 0);
    if (base + t >= stopAt) return stopped();
    const today = info(day);
    if (!today.working) {
      skipped.push(day);
    } else {
      for (const [start, end] of schedule.periods) {
        if (end <= t) continue;
        const segmentStart = base + Math.max(start, t);
        if (segmentStart >= stopAt) return stopped();
        const segmentEnd = Math.min(base + end, stopAt);
        const available = segmentEnd - segmentStart;
        if (firstWorkingMs === undefined) firstWorkingMs = segmentStart;
        if (today.kind === 'makeUpWorkingDay' && makeUpDays[makeUpDays.length - 1] !== day)
          makeUpDays.push(day);
        if (remaining <= available) {
          return {
            end: segmentStart + remaining,
            consumed: consumed + remaining,
            reached: true,
            firstWorkingMs,
            skipped,
            makeUpDays,
          };
        }
        remaining -= available;
        consumed += available;
        if (segmentEnd === stopAt) return stopped();
      }
    }
    day++;
    t = 0;
    if (day - firstDay > MAX_DAYS_WALKED) throw new CalendarNotCoveredError(yearOfDayNumber(day), []);
  }
}

/**
 * The first moment at or after `instant` inside working hours on a working day: where a legal count
 * starts for something received then (evening → next working morning, lunch → afternoon opening).
 */
export function nextWorkingMoment(instant: Date, calendar: CalendarInput, workingHours?: WorkingHours): Date {
  const walk = walkWorkingTime(
    dayInfoReader(toWorkingCalendar(calendar)),
    daySchedule(workingHours),
    epochOf(instant, 'instant'),
    0,
  );
  return new Date(walk.end);
}

export interface WorkingTimeSpan {
  readonly milliseconds: number;
  readonly hours: number;
  /** In units of the agency's full working day (8 h by default). */
  readonly workingDays: number;
}

/** Working time between two instants (0 if `to` is not after `from`). */
export function workingTimeBetween(
  from: Date,
  to: Date,
  calendar: CalendarInput,
  workingHours?: WorkingHours,
): WorkingTimeSpan {
  const schedule = daySchedule(workingHours);
  const start = epochOf(from, 'from');
  const stop = epochOf(to, 'to');
  const ms =
    stop <= start
      ? 0
      : walkWorkingTime(
          dayInfoReader(toWorkingCalendar(calendar)),
          schedule,
          start,
          Number.POSITIVE_INFINITY,
          stop,
        ).consumed;
  return { milliseconds: ms, hours: ms / 3_600_000, workingDays: ms / schedule.dailyMs };
}

/** @throws InvalidInstantError unless a ≤ b. */
export function assertOrdered(a: number, b: number, what: { vi: string; en: string }): void {
  if (!(a <= b)) throw new InvalidInstantError(what);
}
