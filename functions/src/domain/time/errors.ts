// Typed errors of the deadline engine. Each carries a stable `code` for programs and a message in
// Vietnamese then English for people (officers and administrators read these, not only developers).

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** Base class: `message` is "vi / en" so a plain log line is readable in both languages. */
export abstract class TimeError extends Error {
  abstract readonly code: string;
  readonly messages: Bilingual;

  protected constructor(messages: Bilingual) {
    super(`${messages.vi} / ${messages.en}`);
    this.messages = messages;
    this.name = new.target.name;
  }
}

/** One problem found in a year's calendar data; `date` is set when the problem is about one day. */
export interface CalendarIssue extends Bilingual {
  readonly year?: number;
  readonly date?: string;
}

/** The calendar data is inconsistent. Lists every problem at once so an administrator fixes them in one go. */
export class CalendarDataError extends TimeError {
  readonly code = 'calendar-data-invalid';
  readonly issues: readonly CalendarIssue[];

  constructor(issues: readonly CalendarIssue[]) {
    super({
      vi: `Dữ liệu lịch làm việc không hợp lệ: ${issues.map((i) => i.vi).join('; ')}`,
      en: `Invalid working calendar data: ${issues.map((i) => i.en).join('; ')}`,
    });
    this.issues = issues;
  }
}

/** A computation reached a year for which no calendar was entered. */
export class CalendarNotCoveredError extends TimeError {
  readonly code = 'calendar-not-covered';
  readonly year: number;

  constructor(year: number, coveredYears: readonly number[]) {
    const covered = coveredYears.length > 0 ? coveredYears.join(', ') : '—';
    super({
      vi: `Chưa có lịch làm việc năm ${year} (đã có: ${covered}); quản trị viên cần nhập lịch nghỉ lễ của năm này`,
      en: `No working calendar for ${year} (available: ${covered}); an administrator must enter that year's holidays`,
    });
    this.year = year;
  }
}

export class InvalidDurationError extends TimeError {
  readonly code = 'duration-invalid';

  constructor(messages: Bilingual) {
    super(messages);
  }
}

export class InvalidWorkingHoursError extends TimeError {
  readonly code = 'working-hours-invalid';

  constructor(messages: Bilingual) {
    super(messages);
  }
}

/** An instant is not a valid Date, or instants are out of order (e.g. a supplement received before it was requested). */
export class InvalidInstantError extends TimeError {
  readonly code = 'instant-invalid';

  constructor(messages: Bilingual) {
    super(messages);
  }
}
