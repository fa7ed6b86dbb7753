// Vietnam local time without a date library. Asia/Ho_Chi_Minh is UTC+7 all year (no DST since 1975), so a
// local wall-clock reading is the UTC epoch shifted by 7 hours. Only UTC accessors of Date are used here:
// nothing may depend on the host's TZ.
import { InvalidInstantError } from './errors.js';
import type { LocalDate } from './schemas.js';

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 of the local date that contains the epoch instant `ms`. */
export function dayNumberOfInstant(ms: number): number {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight. */
export function timeOfDayMs(ms: number): number {
  return ms + VIETNAM_OFFSET_MS - dayNumberOfInstant(ms) * DAY_MS;
}

/** Epoch ms of `timeOfDay` (ms since local midnight) on local day `day`. */
export function instantAt(day: number, timeOfDay: number): number {
  return day * DAY_MS - VIETNAM_OFFSET_MS + timeOfDay;
}

export function dayNumberOfDate(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/**
 * Year, month, day of a day number, by integer arithmetic on the proleptic Gregorian calendar (400-year
 * eras of 146,097 days, years counted from 1 March so the leap day ends the year). Far cheaper than
 * formatting a Date, which matters when a trail names dozens of days.
 */
export function civilOfDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

// Trails name the same few hundred days over and over: memoise their ISO strings (bounded).
const isoCache = new Map<number, LocalDate>();

export function dateOfDayNumber(dayNumber: number): LocalDate {
  const cached = isoCache.get(dayNumber);
  if (cached !== undefined) return cached;
  const { year, month, day } = civilOfDayNumber(dayNumber);
  const iso = `${year}-${pad2(month)}-${pad2(day)}`;
  if (isoCache.size >= 4096) isoCache.clear();
  isoCache.set(dayNumber, iso);
  return iso;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOfDayNumber(day: number): number {
  return civilOfDayNumber(day).year;
}

/** The date of `instant` in Vietnam, e.g. 23:30 UTC on 1 Jan is 2 Jan in Vietnam. */
export function localDateOf(instant: Date): LocalDate {
  return dateOfDayNumber(dayNumberOfInstant(epochOf(instant, 'instant')));
}

/** Epoch ms of a Date, or a typed error for an invalid Date (which would otherwise poison every result with NaN). */
export function epochOf(instant: Date, what: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new InvalidInstantError({
      vi: `Thời điểm không hợp lệ (${what})`,
      en: `Invalid instant (${what})`,
    });
  }
  return ms;
}

/** `HH:MM` local. Seconds are dropped: legal times are read to the minute. */
export function formatLocalTime(ms: number): string {
  const minutes = Math.floor(timeOfDayMs(ms) / MINUTE_MS);
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** `DD/MM/YYYY` (Vietnamese order, used in both languages so the two texts compare line by line). */
export function formatDayNumber(dayNumber: number, withYear = true): string {
  const { year, month, day } = civilOfDayNumber(dayNumber);
  return withYear ? `${pad2(day)}/${pad2(month)}/${year}` : `${pad2(day)}/${pad2(month)}`;
}

/** `HH:MM DD/MM/YYYY` local. */
export function formatLocalDateTime(ms: number): string {
  return `${formatLocalTime(ms)} ${formatDayNumber(dayNumberOfInstant(ms))}`;
}

/** `HH:MM` → ms since midnight. The caller validated the format. */
export function parseLocalTime(time: string): number {
  return (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MINUTE_MS;
}
