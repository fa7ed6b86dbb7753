// Legal durations: which values make sense for which unit, and how they read in each language.
import { InvalidDurationError } from './errors.js';
import type { Duration } from './schemas.js';

const UNIT_NAMES = {
  workingDays: { vi: 'ngày làm việc', en: ['working day', 'working days'] },
  calendarDays: { vi: 'ngày', en: ['calendar day', 'calendar days'] },
  workingHours: { vi: 'giờ làm việc', en: ['working hour', 'working hours'] },
} as const;

/**
 * A duration must be a positive finite number; working days and working hours may be halves (½ day is
 * common in procedures), calendar days are whole (a count of dates).
 * @throws InvalidDurationError with a bilingual message.
 */
export function checkDuration(duration: Duration): Duration {
  const { value, unit } = duration ?? {};
  if (typeof unit !== 'string' || !Object.hasOwn(UNIT_NAMES, unit)) {
    throw new InvalidDurationError({
      vi: `Đơn vị thời hạn không hợp lệ: ${String(unit)} (chỉ nhận workingDays, calendarDays, workingHours)`,
      en: `Invalid duration unit: ${String(unit)} (expected workingDays, calendarDays or workingHours)`,
    });
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidDurationError({
      vi: `Thời hạn phải là số dương, nhận được ${String(value)}`,
      en: `A duration must be a positive number, got ${String(value)}`,
    });
  }
  if (unit === 'calendarDays' && !Number.isInteger(value)) {
    throw new InvalidDurationError({
      vi: `Số ngày theo lịch phải là số nguyên, nhận được ${value}`,
      en: `Calendar days must be a whole number, got ${value}`,
    });
  }
  if (!Number.isInteger(value * 2)) {
    throw new InvalidDurationError({
      vi: `Thời hạn tính theo ${UNIT_NAMES[unit].vi} chỉ được lẻ nửa đơn vị (0,5), nhận được ${formatNumber(value, 'vi')}`,
      en: `A duration in ${UNIT_NAMES[unit].en[1]} may only have halves (0.5), got ${value}`,
    });
  }
  return duration;
}

export function formatNumber(value: number, language: 'vi' | 'en'): string {
  const text = String(value);
  return language === 'vi' ? text.replace('.', ',') : text;
}

/** "7 ngày làm việc" / "7 working days". */
export function formatDuration(duration: Duration, language: 'vi' | 'en'): string {
  const names = UNIT_NAMES[duration.unit];
  const unit = language === 'vi' ? names.vi : names.en[duration.value === 1 ? 0 : 1];
  return `${formatNumber(duration.value, language)} ${unit}`;
}
