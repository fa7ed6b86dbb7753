// Next year's working calendar must be entered before deadlines reach it: a 60-working-day procedure
// received in November already counts into the next year, and the engine refuses to guess a year it has
// no data for (docs/CALENDAR.md). From 1 October the officer dashboard and the admin console warn while
// next year's calendar is missing or still provisional. Plain data and functions (no zod): pages use it.
import { civilOfDayNumber, dayNumberOfInstant } from './local-time.js';

/** Month (1–12, Vietnam time) from which a missing or provisional next year is warned about. */
export const CALENDAR_WARNING_FROM_MONTH = 10;

/** What the check needs of each stored year. */
export type CalendarYearState = { readonly year: number; readonly provisional?: boolean | undefined };

export type CalendarWarning = { readonly year: number; readonly state: 'missing' | 'provisional' };

/** The warning due at `now`, or undefined (before October, or next year is entered and announced). */
export function nextYearCalendarWarning(years: readonly CalendarYearState[], now: Date): CalendarWarning | undefined {
  const { year, month } = civilOfDayNumber(dayNumberOfInstant(now.getTime()));
  if (month < CALENDAR_WARNING_FROM_MONTH) return undefined;
  const next = years.find((c) => c.year === year + 1);
  if (next === undefined) return { year: year + 1, state: 'missing' };
  return next.provisional === true ? { year: year + 1, state: 'provisional' } : undefined;
}

/** The warning as officers read it. */
export function calendarWarningText(warning: CalendarWarning): { vi: string; en: string } {
  return warning.state === 'missing'
    ? {
        vi: `Chưa có lịch làm việc năm ${warning.year}: hạn giải quyết kéo sang năm ${warning.year} sẽ không tính được. Quản trị viên cần nhập lịch nghỉ lễ năm ${warning.year}.`,
        en: `There is no working calendar for ${warning.year} yet: deadlines running into ${warning.year} cannot be computed. An administrator must enter the ${warning.year} holidays.`,
      }
    : {
        vi: `Lịch làm việc năm ${warning.year} đang là lịch tạm tính: hạn giải quyết có thể thay đổi khi lịch nghỉ chính thức được công bố. Quản trị viên cần cập nhật khi có quyết định.`,
        en: `The ${warning.year} working calendar is provisional: deadlines may change once the official holidays are announced. An administrator must update it when they are.`,
      };
}
