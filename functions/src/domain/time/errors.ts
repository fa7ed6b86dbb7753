// Typed errors of the deadline engine. Each carries a stable `code` for programs and a message in
// Vietnamese then English for people (officers and administrators read these, not only developers).
import { DomainError } from '../shared/domain-error.js';

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/**
 * Base of the deadline engine's errors: a DomainError (stable `code`, `messages` in both languages,
 * `message` = "vi / en"), so the shell turns it into one readable answer like any other domain error.
 */
export abstract class TimeError<Code extends string = string> extends DomainError<Code> {}

/** One problem found in a year's calendar data; `date` is set when the problem is about one day. */
export interface CalendarIssue extends Bilingual {
  readonly year?: number;
  readonly date?: string;
}

/** The calendar data is inconsistent. Lists every problem at once so an administrator fixes them in one go. */
export class CalendarDataError extends TimeError<'calendar-data-invalid'> {
  readonly issues: readonly CalendarIssue[];

  constructor(issues: readonly CalendarIssue[]) {
    super(
      'calendar-data-invalid',
      {
        vi: `Dữ liệu lịch làm việc không hợp lệ: ${issues.map((i) => i.vi).join('; ')}`,
        en: `Invalid working calendar data: ${issues.map((i) => i.en).join('; ')}`,
      },
      { issues },
    );
    this.issues = issues;
  }
}

/** A computation reached a year for which no calendar was entered. */
export class CalendarNotCoveredError extends TimeError<'calendar-not-covered'> {
  readonly year: number;

  constructor(year: number, coveredYears: readonly number[]) {
    const covered = coveredYears.length > 0 ? coveredYears.join(', ') : '—';
    super(
      'calendar-not-covered',
      {
        vi: `Chưa có lịch làm việc năm ${year} (đã có: ${covered}); quản trị viên cần nhập lịch nghỉ lễ của năm này`,
        en: `No working calendar for ${year} (available: ${covered}); an administrator must enter that year's holidays`,
      },
      { year, coveredYears },
    );
    this.year = year;
  }
}

export class InvalidDurationError extends TimeError<'duration-invalid'> {
  constructor(messages: Bilingual) {
    super('duration-invalid', messages);
  }
}

export class InvalidWorkingHoursError extends TimeError<'working-hours-invalid'> {
  constructor(messages: Bilingual) {
    super('working-hours-invalid', messages);
  }
}

/** An instant is not a valid Date, or instants are out of order (e.g. a supplement received before it was requested). */
export class InvalidInstantError extends TimeError<'instant-invalid'> {
  constructor(messages: Bilingual) {
    super('instant-invalid', messages);
  }
}
