// The structured record of how a deadline was reached. Programs read it (UI timelines, audits); the
// bilingual explanation is rendered from it, so the text can never disagree with the computation.
import type { CalendarDayInfo } from './calendar.js';
import { dateOfDayNumber, dayNumberOfInstant, timeOfDayMs, weekdayOfDayNumber } from './local-time.js';
import type { Duration, LocalDate } from './schemas.js';
import type { DaySchedule } from './working-hours.js';

export interface DeadlineText {
  readonly vi: string;
  readonly en: string;
}

/** Why a day was not counted: a weekly rest day, or a holiday (with the name entered in the calendar). */
export type SkipReason =
  | { readonly kind: 'weeklyRest'; readonly weekend: boolean }
  | { readonly kind: 'holiday'; readonly name: DeadlineText };

/** Why counting did not start at the moment of reception. */
export type StartMovedReason = 'nonWorkingDay' | 'beforeOpening' | 'betweenPeriods' | 'afterClosing';

/**
 * Phases of skipped days: before counting starts (reception on a day off), while counting (working
 * units only: calendar days count every day), or after the last day (calendar days ending on a day off).
 */
export type SkipPhase = 'start' | 'count' | 'lastDay';

export type DeadlineTrailStep =
  | { readonly kind: 'received'; readonly at: Date }
  /** Restart policy: the whole duration counts again from the complete supplement's receipt. */
  | { readonly kind: 'clockRestarted'; readonly requestedAt: Date; readonly at: Date }
  | { readonly kind: 'startMoved'; readonly from: Date; readonly to: Date; readonly reason: StartMovedReason }
  | {
      readonly kind: 'counted';
      readonly from: Date;
      readonly duration: Duration;
      readonly workingMs?: number;
    }
  /** Pause policy: no time counted between the request and the receipt; counting resumes at `resumedAt`. */
  | { readonly kind: 'clockPaused'; readonly from: Date; readonly to: Date; readonly resumedAt: Date }
  | {
      readonly kind: 'skipped';
      readonly from: LocalDate;
      readonly to: LocalDate;
      readonly days: number;
      readonly phase: SkipPhase;
      readonly reason: SkipReason;
    }
  | { readonly kind: 'makeUpWorkingDay'; readonly date: LocalDate; readonly name: DeadlineText }
  /** Calendar days: the last day was not a working day, so the deadline is the end of the next working day. */
  | { readonly kind: 'lastDayMoved'; readonly lastDay: LocalDate; readonly to: LocalDate }
  | { readonly kind: 'due'; readonly at: Date };

export interface SkipMark {
  readonly day: number;
  readonly phase: SkipPhase;
}

/** Groups skipped days into ranges of consecutive days with the same reason and phase. */
export function skippedSteps(
  marks: readonly SkipMark[],
  info: (day: number) => CalendarDayInfo,
): DeadlineTrailStep[] {
  // Walks produce ascending days already; sort only what is not (cheap check on the hot path).
  const sorted = marks.every((m, i) => i === 0 || marks[i - 1]!.day <= m.day)
    ? marks
    : [...marks].sort((a, b) => a.day - b.day);
  const steps: DeadlineTrailStep[] = [];
  let first = 0;
  let last = Number.NaN;
  let phase: SkipPhase = 'count';
  let reason: SkipReason | undefined;
  const close = (): void => {
    if (reason === undefined) return;
    steps.push({
      kind: 'skipped',
      from: dateOfDayNumber(first),
      to: dateOfDayNumber(last),
      days: last - first + 1,
      phase,
      reason,
    });
  };
  for (const mark of sorted) {
    if (mark.day === last) continue; // the same day reached twice (e.g. around a pause)
    const next = skipReason(mark.day, info(mark.day));
    if (reason !== undefined && mark.day === last + 1 && mark.phase === phase && sameReason(reason, next)) {
      last = mark.day;
      continue;
    }
    close();
    first = last = mark.day;
    phase = mark.phase;
    reason = next;
  }
  close();
  return steps;
}

const WEEKEND: SkipReason = Object.freeze({ kind: 'weeklyRest', weekend: true });
const WEEKDAY_REST: SkipReason = Object.freeze({ kind: 'weeklyRest', weekend: false });

function skipReason(day: number, info: CalendarDayInfo): SkipReason {
  if (info.kind === 'holiday' && info.name !== undefined) return { kind: 'holiday', name: info.name };
  const weekday = weekdayOfDayNumber(day);
  return weekday === 0 || weekday === 6 ? WEEKEND : WEEKDAY_REST;
}

function sameReason(a: SkipReason, b: SkipReason): boolean {
  if (a.kind === 'holiday') return b.kind === 'holiday' && a.name.vi === b.name.vi && a.name.en === b.name.en;
  return b.kind === 'weeklyRest' && a.weekend === b.weekend;
}

export function makeUpSteps(
  days: readonly number[],
  info: (day: number) => CalendarDayInfo,
): DeadlineTrailStep[] {
  if (days.length === 0) return [];
  const unique = [...new Set(days)].sort((a, b) => a - b);
  return unique.map((day) => ({
    kind: 'makeUpWorkingDay',
    date: dateOfDayNumber(day),
    name: info(day).name ?? { vi: 'ngày làm bù', en: 'make-up working day' },
  }));
}

/** A `startMoved` step when counting starts later than `fromMs`, else nothing. */
export function startMovedSteps(
  fromMs: number,
  startMs: number,
  info: (day: number) => CalendarDayInfo,
  schedule: DaySchedule,
): DeadlineTrailStep[] {
  if (startMs === fromMs) return [];
  const t = timeOfDayMs(fromMs);
  const reason: StartMovedReason = !info(dayNumberOfInstant(fromMs)).working
    ? 'nonWorkingDay'
    : t < schedule.openingMs
      ? 'beforeOpening'
      : t >= schedule.closingMs
        ? 'afterClosing'
        : 'betweenPeriods';
  return [{ kind: 'startMoved', from: new Date(fromMs), to: new Date(startMs), reason }];
}

/** Skip marks from a walk: days before the first working moment are the start phase. */
export function walkMarks(skipped: readonly number[], firstWorkingMs: number | undefined): SkipMark[] {
  const firstDay =
    firstWorkingMs === undefined ? Number.POSITIVE_INFINITY : dayNumberOfInstant(firstWorkingMs);
  return skipped.map((day) => ({ day, phase: day < firstDay ? 'start' : 'count' }));
}
