// An agency's working hours as millisecond offsets from local midnight, checked on every computation
// (cheap: a few string reads; no cache, since callers may reuse and mutate their own objects).
import { InvalidWorkingHoursError } from './errors.js';
import { parseLocalTime } from './local-time.js';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from './schemas.js';

export interface DaySchedule {
  /** [start, end) offsets from local midnight, ascending and disjoint. */
  readonly periods: readonly (readonly [number, number])[];
  /** Total working time of one working day: the length of "1 working day". */
  readonly dailyMs: number;
  readonly openingMs: number;
  readonly closingMs: number;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** @throws InvalidWorkingHoursError for malformed, empty, reversed or overlapping periods. */
export function daySchedule(hours: WorkingHours = DEFAULT_WORKING_HOURS): DaySchedule {
  const list = hours?.periods;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidWorkingHoursError({ vi: 'Giờ làm việc trống', en: 'Working hours are empty' });
  }
  const periods: (readonly [number, number])[] = [];
  let previousEnd = 0;
  for (const period of list) {
    const label = `${String(period?.start)}–${String(period?.end)}`;
    if (!TIME.test(String(period?.start)) || !TIME.test(String(period?.end))) {
      throw new InvalidWorkingHoursError({
        vi: `Ca làm việc ${label}: giờ phải có dạng HH:MM`,
        en: `Working period ${label}: times must be HH:MM`,
      });
    }
    const start = parseLocalTime(period.start);
    const end = parseLocalTime(period.end);
    if (end <= start) {
      throw new InvalidWorkingHoursError({
        vi: `Ca làm việc ${label}: giờ kết thúc phải sau giờ bắt đầu`,
        en: `Working period ${label}: the end must be after the start`,
      });
    }
    if (start < previousEnd) {
      throw new InvalidWorkingHoursError({
        vi: `Ca làm việc ${label} chồng lên hoặc đứng trước ca trước`,
        en: `Working period ${label} overlaps or precedes the previous one`,
      });
    }
    periods.push([start, end]);
    previousEnd = end;
  }
  return {
    periods,
    dailyMs: periods.reduce((sum, [start, end]) => sum + end - start, 0),
    openingMs: periods[0]![0],
    closingMs: previousEnd,
  };
}
