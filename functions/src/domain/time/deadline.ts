// The legal deadline of a duration started at an instant. Conventions (docs/CALENDAR.md explains the
// legal reading):
//  - Counting starts at the next working moment: reception in the evening, at lunch, before opening or
//    on a day off counts from the next opening of a working day.
//  - workingDays: N × the agency's daily working time, consumed through working periods. With uniform
//    hours this is the same clock time on the Nth following working day (09:40 Wed + 1 → 09:40 Thu); a
//    count ending exactly at a closing time ends there (07:00 + 1 day → 17:00 the same day).
//  - workingHours: N hours consumed the same way.
//  - calendarDays: the last day is the start's local date + N; the deadline is that day's closing time,
//    or the closing time of the next working day when the last day is a day off (Civil Code 2015, Art.
//    147–148: a period in days ends at the end of its last day; a last day off moves to the next working day).
import { dayInfoReader, toWorkingCalendar, type CalendarDayInfo, type CalendarInput } from './calendar.js';
import { checkDuration } from './duration.js';
import { explainTrail } from './explanation.js';
import { dateOfDayNumber, dayNumberOfInstant, epochOf, instantAt } from './local-time.js';
import type { Duration, WorkingHours } from './schemas.js';
import {
  makeUpSteps,
  skippedSteps,
  startMovedSteps,
  walkMarks,
  type DeadlineText,
  type DeadlineTrailStep,
  type SkipMark,
} from './trail.js';
import { daySchedule, type DaySchedule } from './working-hours.js';
import { walkWorkingTime } from './working-time.js';

export interface DeadlineResult {
  readonly dueAt: Date;
  readonly trail: readonly DeadlineTrailStep[];
  readonly explanation: DeadlineText;
}

export interface DeadlineInput {
  readonly start: Date;
  readonly duration: Duration;
  readonly calendar: CalendarInput;
  /** The agency's working hours; DEFAULT_WORKING_HOURS (07:00–11:30, 13:30–17:00) when absent. */
  readonly workingHours?: WorkingHours;
}

/** A calendar and working hours, resolved once for a computation. */
export interface Engine {
  readonly info: (day: number) => CalendarDayInfo;
  readonly schedule: DaySchedule;
}

export function engineOf(calendar: CalendarInput, workingHours: WorkingHours | undefined): Engine {
  return { info: dayInfoReader(toWorkingCalendar(calendar)), schedule: daySchedule(workingHours) };
}

/** The result of counting one duration from one instant, before it becomes trail steps. */
export interface Count {
  readonly startMs: number;
  readonly dueMs: number;
  readonly workingMs?: number;
  readonly marks: readonly SkipMark[];
  readonly makeUpDays: readonly number[];
  readonly lastDayMoved?: { readonly from: number; readonly to: number };
}

export const HOUR_MS = 3_600_000;

/** Working time a working-unit duration stands for, in ms. */
export function workingMsOf(duration: Duration, schedule: DaySchedule): number {
  return duration.unit === 'workingHours' ? duration.value * HOUR_MS : duration.value * schedule.dailyMs;
}

export function countDuration(engine: Engine, fromMs: number, duration: Duration): Count {
  if (duration.unit !== 'calendarDays') {
    const workingMs = workingMsOf(duration, engine.schedule);
    const walk = walkWorkingTime(engine.info, engine.schedule, fromMs, workingMs);
    return {
      startMs: walk.firstWorkingMs ?? walk.end,
      dueMs: walk.end,
      workingMs,
      marks: walkMarks(walk.skipped, walk.firstWorkingMs),
      makeUpDays: walk.makeUpDays,
    };
  }
  const start = walkWorkingTime(engine.info, engine.schedule, fromMs, 0);
  const marks: SkipMark[] = start.skipped.map((day) => ({ day, phase: 'start' }));
  return {
    ...lastDayDeadline(engine, dayNumberOfInstant(start.end) + duration.value, marks),
    startMs: start.end,
  };
}

/** Calendar days: closing time of `lastDay`, or of the next working day after it. */
export function lastDayDeadline(engine: Engine, lastDay: number, marks: SkipMark[]): Omit<Count, 'startMs'> {
  let day = lastDay;
  while (!engine.info(day).working) {
    marks.push({ day, phase: 'lastDay' });
    day++;
  }
  return {
    dueMs: instantAt(day, engine.schedule.closingMs),
    marks,
    makeUpDays: [],
    ...(day === lastDay ? {} : { lastDayMoved: { from: lastDay, to: day } }),
  };
}

/** Trail steps of a count, in reading order: start, count, calendar-day move, make-up days, skipped days. */
export function countSteps(
  engine: Engine,
  fromMs: number,
  duration: Duration,
  count: Count,
): DeadlineTrailStep[] {
  return [
    ...startMovedSteps(fromMs, count.startMs, engine.info, engine.schedule),
    {
      kind: 'counted',
      from: new Date(count.startMs),
      duration,
      ...(count.workingMs === undefined ? {} : { workingMs: count.workingMs }),
    },
    ...(count.lastDayMoved === undefined
      ? []
      : [
          {
            kind: 'lastDayMoved',
            lastDay: dateOfDayNumber(count.lastDayMoved.from),
            to: dateOfDayNumber(count.lastDayMoved.to),
          } as const,
        ]),
    ...makeUpSteps(count.makeUpDays, engine.info),
    ...skippedSteps(count.marks, engine.info),
  ];
}

export function resultOf(trail: DeadlineTrailStep[], dueMs: number): DeadlineResult {
  trail.push({ kind: 'due', at: new Date(dueMs) });
  return { dueAt: new Date(dueMs), trail, explanation: explainTrail(trail) };
}

/**
 * The due time of `duration` started at `start`, with the trail of how it was reached and its
 * explanation in Vietnamese and English.
 * @throws InvalidDurationError, InvalidWorkingHoursError, InvalidInstantError, CalendarDataError,
 *   CalendarNotCoveredError (the count reached a year without calendar data).
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const duration = checkDuration(input.duration);
  const fromMs = epochOf(input.start, 'start');
  const engine = engineOf(input.calendar, input.workingHours);
  const count = countDuration(engine, fromMs, duration);
  return resultOf(
    [{ kind: 'received', at: new Date(fromMs) }, ...countSteps(engine, fromMs, duration, count)],
    count.dueMs,
  );
}
