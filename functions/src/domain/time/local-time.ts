// Vietnam local time without a date library. Asia/Ho_Chi_Minh is UTC+7 all year (no DST since 1975), so a
// local wall-clock reading is the UTC epoch shifted by 7 hours. Only UTC accessors of Date are used here:
// nothing may depend on the host's TZ.
import { InvalidInstantError } from './errors.js';
import type { LocalDate } from './schemas.js';

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

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

export function dateOfDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOfDayNumber(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
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

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM` local. Seconds are dropped: legal times are read to the minute. */
export function formatLocalTime(ms: number): string {
  const minutes = Math.floor(timeOfDayMs(ms) / MINUTE_MS);
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** `DD/MM/YYYY` (Vietnamese order, used in both languages so the two texts compare line by line). */
export function formatDayNumber(day: number, withYear = true): string {
  const d = dateOfDayNumber(day);
  const dm = `${d.slice(8, 10)}/${d.slice(5, 7)}`;
  return withYear ? `${dm}/${d.slice(0, 4)}` : dm;
}

/** `HH:MM DD/MM/YYYY` local. */
export function formatLocalDateTime(ms: number): string {
  return `${formatLocalTime(ms)} ${formatDayNumber(dayNumberOfInstant(ms))}`;
}

/** `HH:MM` → ms since midnight. The caller validated the format. */
export function parseLocalTime(time: string): number {
  return (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MINUTE_MS;
}
