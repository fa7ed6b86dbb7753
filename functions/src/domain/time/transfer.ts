// Transfer to the handling agency (Decree 61/2018): a paper dossier goes the same working day,
// or at the start of the next working day when received after 15:00. Read literally: the latest time is
// the closing time of the reception day, or the opening time of the next working day.
import { toWorkingCalendar, dayInfoReader, type CalendarInput } from './calendar.js';
import { InvalidWorkingHoursError } from './errors.js';
import {
  dayNumberOfInstant,
  epochOf,
  formatLocalDateTime,
  instantAt,
  parseLocalTime,
  timeOfDayMs,
} from './local-time.js';
import type { LocalTime, WorkingHours } from './schemas.js';
import type { DeadlineText } from './trail.js';
import { daySchedule } from './working-hours.js';

export interface TransferDeadline {
  readonly latestAt: Date;
  readonly rule: 'sameWorkingDay' | 'nextWorkingDayStart';
  readonly explanation: DeadlineText;
}

export interface TransferInput {
  readonly receivedAt: Date;
  readonly calendar: CalendarInput;
  readonly workingHours?: WorkingHours;
  /** Reception at or after this local time transfers the next working day. Default 15:00. */
  readonly cutOff?: LocalTime;
}

export const TRANSFER_CUT_OFF: LocalTime = '15:00';

export function latestTransferTime(input: TransferInput): TransferDeadline {
  const receivedMs = epochOf(input.receivedAt, 'receivedAt');
  const schedule = daySchedule(input.workingHours);
  const info = dayInfoReader(toWorkingCalendar(input.calendar));
  const cutOffText = input.cutOff ?? TRANSFER_CUT_OFF;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(cutOffText)) {
    throw new InvalidWorkingHoursError({
      vi: `Giờ chốt chuyển hồ sơ không hợp lệ: ${cutOffText}`,
      en: `Invalid transfer cut-off: ${cutOffText}`,
    });
  }
  const day = dayNumberOfInstant(receivedMs);
  const received = formatLocalDateTime(receivedMs);
  if (info(day).working && timeOfDayMs(receivedMs) < parseLocalTime(cutOffText)) {
    const latestMs = instantAt(day, schedule.closingMs);
    return {
      latestAt: new Date(latestMs),
      rule: 'sameWorkingDay',
      explanation: {
        vi: `Nhận lúc ${received}, trước ${cutOffText}: chuyển trong ngày, chậm nhất ${formatLocalDateTime(latestMs)}`,
        en: `Received at ${received}, before ${cutOffText}: transfer the same day, by ${formatLocalDateTime(latestMs)}`,
      },
    };
  }
  let next = day + 1;
  while (!info(next).working) next++;
  const latestMs = instantAt(next, schedule.openingMs);
  const why = info(day).working
    ? { vi: `từ ${cutOffText} trở đi`, en: `at or after ${cutOffText}` }
    : { vi: 'vào ngày nghỉ', en: 'on a day off' };
  return {
    latestAt: new Date(latestMs),
    rule: 'nextWorkingDayStart',
    explanation: {
      vi: `Nhận lúc ${received}, ${why.vi}: chuyển vào đầu giờ ngày làm việc tiếp theo, ${formatLocalDateTime(latestMs)}`,
      en: `Received at ${received}, ${why.en}: transfer at the start of the next working day, ${formatLocalDateTime(latestMs)}`,
    },
  };
}
