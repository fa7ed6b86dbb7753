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

// The last schedule built, with the exact strings it was built from: agencies reuse one hours object, so
// the common case is a few string comparisons instead of a parse (and a mutated object is re-parsed).
let last: { readonly key: readonly string[]; readonly schedule: DaySchedule } | undefined;

/** @throws InvalidWorkingHoursError for malformed, empty, reversed or overlapping periods. */
export function daySchedule(hours: WorkingHours = DEFAULT_WORKING_HOURS): DaySchedule {
  if (last !== undefined && sameStrings(last.key, hours)) return last.schedule;
  const schedule = buildSchedule(hours);
  last = { key: hours.periods.flatMap((p) => [p.start, p.end]), schedule };
  return schedule;
}

function sameStrings(key: readonly string[], hours: WorkingHours): boolean {
  const periods = hours?.periods;
  if (!Array.isArray(periods) || periods.length * 2 !== key.length) return false;
  for (let i = 0; i < periods.length; i++) {
    if (periods[i]?.start !== key[2 * i] || periods[i]?.end !== key[2 * i + 1]) return false;
  }
  return true;
}

function buildSchedule(hours: WorkingHours): DaySchedule {
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
