// Public API of the legal deadline engine (Asia/Ho_Chi_Minh, per-year calendar data). See docs/CALENDAR.md.
export {
  Calendar,
  CalendarDay,
  DEFAULT_WORKING_HOURS,
  Duration,
  DurationUnit,
  LocalDate,
  LocalTime,
  WorkingHours,
} from './schemas.js';
export {
  buildWorkingCalendar,
  nextWorkingDay,
  previousWorkingDay,
  type CalendarDayInfo,
  type CalendarDayKind,
  type CalendarInput,
  type WorkingCalendar,
} from './calendar.js';
export {
  CalendarDataError,
  CalendarNotCoveredError,
  InvalidDurationError,
  InvalidInstantError,
  InvalidWorkingHoursError,
  TimeError,
  type CalendarIssue,
} from './errors.js';
export { localDateOf } from './local-time.js';
export { computeDeadline, type DeadlineInput, type DeadlineResult } from './deadline.js';
export type { DeadlineText, DeadlineTrailStep, SkipPhase, SkipReason, StartMovedReason } from './trail.js';
export { nextWorkingMoment, workingTimeBetween, type WorkingTimeSpan } from './working-time.js';
export {
  computeDeadlineWithSupplements,
  DEFAULT_SUPPLEMENT_POLICY,
  type SupplementDeadlineInput,
  type SupplementPolicy,
  type SupplementRound,
} from './supplement.js';
export {
  computeStepDeadlines,
  type RoutingStep,
  type StepDeadline,
  type StepDeadlinesInput,
} from './routing.js';
export {
  latestTransferTime,
  TRANSFER_CUT_OFF,
  type TransferDeadline,
  type TransferInput,
} from './transfer.js';
export { classifyTimeliness, type Timeliness } from './timeliness.js';
export {
  CALENDAR_WARNING_FROM_MONTH,
  calendarWarningText,
  nextYearCalendarWarning,
  type CalendarWarning,
  type CalendarYearState,
} from './calendar-warning.js';
