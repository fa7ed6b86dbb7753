// The working calendar: which local dates are working days. Built once from per-year data (weekly rest
// days, holidays, make-up working days) into a flat day table, so the engine answers "is this a working
// day?" with one array read; a 60-working-day deadline looks at ~90 days.
import {
  CalendarDataError,
  CalendarNotCoveredError,
  InvalidInstantError,
  type CalendarIssue,
} from './errors.js';
import { dateOfDayNumber, dayNumberOfDate, weekdayOfDayNumber, yearOfDayNumber } from './local-time.js';
import { Calendar, LocalDate } from './schemas.js';

export type CalendarDayKind = 'workday' | 'makeUpWorkingDay' | 'weeklyRest' | 'holiday';

export interface CalendarDayInfo {
  readonly working: boolean;
  readonly kind: CalendarDayKind;
  /** Set for holidays and make-up working days: the reason entered with the data. */
  readonly name?: { readonly vi: string; readonly en: string };
}

export interface WorkingCalendar {
  /** Years with calendar data, ascending. */
  readonly years: readonly number[];
  /** @throws CalendarNotCoveredError for a year with no calendar data. */
  isWorkingDay(date: LocalDate): boolean;
  /** Why a date is or is not a working day. @throws CalendarNotCoveredError like isWorkingDay. */
  describeDay(date: LocalDate): CalendarDayInfo;
}

/** What the engine accepts: a built calendar (build once, reuse) or the raw per-year data (built per call). */
export type CalendarInput = WorkingCalendar | readonly Calendar[];

const WORKDAY: CalendarDayInfo = Object.freeze({ working: true, kind: 'workday' });
const WEEKLY_REST: CalendarDayInfo = Object.freeze({ working: false, kind: 'weeklyRest' });

class DayTableCalendar implements WorkingCalendar {
  constructor(
    readonly years: readonly number[],
    private readonly firstDay: number,
    /** Index = day number − firstDay; undefined inside a year gap. */
    private readonly infos: readonly (CalendarDayInfo | undefined)[],
  ) {}

  infoOfDay(day: number): CalendarDayInfo {
    const info = this.infos[day - this.firstDay];
    if (info === undefined) throw new CalendarNotCoveredError(yearOfDayNumber(day), this.years);
    return info;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.describeDay(date).working;
  }

  describeDay(date: LocalDate): CalendarDayInfo {
    return this.infoOfDay(dayNumberOfValidDate(date));
  }
}

function dayNumberOfValidDate(date: LocalDate): number {
  if (!LocalDate.safeParse(date).success) {
    throw new InvalidInstantError({
      vi: `Ngày không hợp lệ: ${String(date)}`,
      en: `Invalid date: ${String(date)}`,
    });
  }
  return dayNumberOfDate(date);
}

/**
 * Validates and indexes per-year calendar data. Every problem is reported at once in a CalendarDataError:
 * schema violations, duplicate years, dates outside their year, a date both holiday and make-up day,
 * duplicate dates, and make-up working days that are not weekly rest days.
 */
export function buildWorkingCalendar(years: readonly Calendar[]): WorkingCalendar {
  const issues: CalendarIssue[] = [];
  const valid: Calendar[] = [];
  const seenYears = new Set<number>();
  for (const [index, raw] of years.entries()) {
    const parsed = Calendar.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = [index, ...issue.path].join('.');
        issues.push({ vi: `mục ${where}: ${issue.message}`, en: `entry ${where}: ${issue.message}` });
      }
      continue;
    }
    const calendar = parsed.data;
    if (seenYears.has(calendar.year)) {
      issues.push({
        year: calendar.year,
        vi: `năm ${calendar.year} bị nhập hai lần`,
        en: `year ${calendar.year} is entered twice`,
      });
      continue;
    }
    seenYears.add(calendar.year);
    const before = issues.length;
    checkYear(calendar, issues);
    if (issues.length === before) valid.push(calendar);
  }
  if (issues.length > 0) throw new CalendarDataError(issues);
  return indexYears(valid);
}

function checkYear(calendar: Calendar, issues: CalendarIssue[]): void {
  const { year } = calendar;
  const rest = new Set(calendar.weeklyRestDays);
  if (rest.size !== calendar.weeklyRestDays.length) {
    issues.push({
      year,
      vi: `năm ${year}: ngày nghỉ hằng tuần bị lặp`,
      en: `year ${year}: weekly rest days repeat`,
    });
  }
  const holidays = new Set<string>();
  for (const { date } of calendar.holidays) {
    if (!date.startsWith(`${year}-`)) {
      issues.push({
        year,
        date,
        vi: `ngày nghỉ lễ ${date} không thuộc năm ${year}`,
        en: `holiday ${date} is not in ${year}`,
      });
    }
    if (holidays.has(date)) {
      issues.push({
        year,
        date,
        vi: `ngày nghỉ lễ ${date} bị nhập hai lần`,
        en: `holiday ${date} is entered twice`,
      });
    }
    holidays.add(date);
  }
  const makeUps = new Set<string>();
  for (const { date } of calendar.makeUpWorkingDays) {
    if (!date.startsWith(`${year}-`)) {
      issues.push({
        year,
        date,
        vi: `ngày làm bù ${date} không thuộc năm ${year}`,
        en: `make-up working day ${date} is not in ${year}`,
      });
    }
    if (makeUps.has(date)) {
      issues.push({
        year,
        date,
        vi: `ngày làm bù ${date} bị nhập hai lần`,
        en: `make-up working day ${date} is entered twice`,
      });
    }
    makeUps.add(date);
    if (holidays.has(date)) {
      issues.push({
        year,
        date,
        vi: `${date} vừa là ngày nghỉ lễ vừa là ngày làm bù`,
        en: `${date} is both a holiday and a make-up working day`,
      });
    }
    if (!rest.has(weekdayOfDayNumber(dayNumberOfDate(date)))) {
      issues.push({
        year,
        date,
        vi: `ngày làm bù ${date} không phải ngày nghỉ hằng tuần (đã là ngày làm việc)`,
        en: `make-up working day ${date} is not a weekly rest day (it is already a working day)`,
      });
    }
  }
}

function indexYears(calendars: readonly Calendar[]): WorkingCalendar {
  const sorted = [...calendars].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return new DayTableCalendar([], 0, []);
  const firstDay = dayNumberOfDate(`${first.year}-01-01`);
  const infos: (CalendarDayInfo | undefined)[] = new Array<CalendarDayInfo | undefined>(
    dayNumberOfDate(`${last.year}-12-31`) - firstDay + 1,
  ).fill(undefined);
  for (const calendar of sorted) {
    const rest = new Set(calendar.weeklyRestDays);
    const start = dayNumberOfDate(`${calendar.year}-01-01`);
    const end = dayNumberOfDate(`${calendar.year}-12-31`);
    for (let day = start; day <= end; day++) {
      infos[day - firstDay] = rest.has(weekdayOfDayNumber(day)) ? WEEKLY_REST : WORKDAY;
    }
    // A holiday entered on a rest day (allowed, so the explanation can name it) is simply not working.
    for (const { date, name } of calendar.holidays) {
      infos[dayNumberOfDate(date) - firstDay] = Object.freeze({ working: false, kind: 'holiday', name });
    }
    for (const { date, name } of calendar.makeUpWorkingDays) {
      infos[dayNumberOfDate(date) - firstDay] = Object.freeze({
        working: true,
        kind: 'makeUpWorkingDay',
        name,
      });
    }
  }
  return new DayTableCalendar(
    sorted.map((c) => c.year),
    firstDay,
    infos,
  );
}

export function toWorkingCalendar(input: CalendarInput): WorkingCalendar {
  return isCalendarData(input) ? buildWorkingCalendar(input) : input;
}

function isCalendarData(input: CalendarInput): input is readonly Calendar[] {
  return Array.isArray(input);
}

/** Day-number lookup used by the engine: the table directly when we built it, `describeDay` otherwise. */
export function dayInfoReader(calendar: WorkingCalendar): (day: number) => CalendarDayInfo {
  if (calendar instanceof DayTableCalendar) return (day) => calendar.infoOfDay(day);
  return (day) => calendar.describeDay(dateOfDayNumber(day));
}

/** The last working day strictly before `date`. @throws CalendarNotCoveredError when it runs off the data. */
export function previousWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  const info = dayInfoReader(calendar);
  let day = dayNumberOfValidDate(date) - 1;
  while (!info(day).working) day--;
  return dateOfDayNumber(day);
}

/** The first working day strictly after `date`. @throws CalendarNotCoveredError when it runs off the data. */
export function nextWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  const info = dayInfoReader(calendar);
  let day = dayNumberOfValidDate(date) + 1;
  while (!info(day).working) day++;
  return dateOfDayNumber(day);
}
