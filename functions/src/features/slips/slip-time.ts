// Dates as the forms print them, always in Vietnam time whatever the server's zone.
import { civilOfDayNumber, dayNumberOfInstant, formatLocalDateTime } from '../../domain/time/local-time.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `HH:MM DD/MM/YYYY`. */
export const dateTime = (at: Date): string => formatLocalDateTime(at.getTime());

/** `DD/MM/YYYY`. */
export function date(at: Date): string {
  const { year, month, day } = civilOfDayNumber(dayNumberOfInstant(at.getTime()));
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** `ngày DD tháng MM năm YYYY`, the dating line of administrative documents. */
export function longDate(at: Date): string {
  const { year, month, day } = civilOfDayNumber(dayNumberOfInstant(at.getTime()));
  return `ngày ${pad2(day)} tháng ${pad2(month)} năm ${year}`;
}

/** `HH giờ MM phút, ngày DD tháng MM năm YYYY`, as the receipt states reception and appointment. */
export function longDateTime(at: Date): string {
  const [hh, mm] = formatLocalDateTime(at.getTime()).slice(0, 5).split(':');
  return `${hh} giờ ${mm} phút, ${longDate(at)}`;
}
