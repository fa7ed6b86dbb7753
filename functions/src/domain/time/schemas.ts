// Time data that the deadline engine reads: working calendars per year, working hours, durations.
// Calendars are data (entered and corrected by an administrator), never code: see docs/CALENDAR.md.
import { z } from 'zod';

/** A local date in Vietnam, `YYYY-MM-DD`. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'Ngày không tồn tại / no such date',
  })
  .describe('Ngày theo giờ Việt Nam / local date in Vietnam');
export type LocalDate = z.infer<typeof LocalDate>;

/** A local time of day, `HH:MM`, 24-hour clock. */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM / time must be HH:MM')
  .describe('Giờ trong ngày / time of day');
export type LocalTime = z.infer<typeof LocalTime>;

const Bilingual = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

/** A day off (holiday) or a make-up working day, with its reason. */
export const CalendarDay = z.strictObject({
  date: LocalDate,
  name: Bilingual.describe('Lý do / reason, e.g. Tết Nguyên đán / Lunar New Year'),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/**
 * The working calendar of one year. Weekly rest days are 0 = Sunday … 6 = Saturday.
 * `holidays` are days off that would otherwise be working days (compensatory days included);
 * `makeUpWorkingDays` are rest days that become working days (ngày làm bù).
 */
export const Calendar = z.strictObject({
  year: z.number().int().min(2018).max(2100),
  weeklyRestDays: z.array(z.number().int().min(0).max(6)).max(6),
  holidays: z.array(CalendarDay),
  makeUpWorkingDays: z.array(CalendarDay),
  source: z.string().min(1).describe('Văn bản công bố / where the dates were announced'),
  /** Not announced yet: entered as a best guess, to be corrected (the dashboard warns from 1 October). */
  provisional: z.boolean().optional().describe('Tạm tính, chưa công bố chính thức / provisional'),
});
export type Calendar = z.infer<typeof Calendar>;

/** Opening periods of a working day, in order, e.g. 07:00–11:30 and 13:30–17:00. */
export const WorkingHours = z.strictObject({
  periods: z.array(z.strictObject({ start: LocalTime, end: LocalTime })).min(1),
});
export type WorkingHours = z.infer<typeof WorkingHours>;

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  periods: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
};

export const DurationUnit = z.enum(['workingDays', 'calendarDays', 'workingHours']);
export type DurationUnit = z.infer<typeof DurationUnit>;

/**
 * A legal duration: value + unit. Working days and working hours may have halves (½ day is common);
 * calendar days are whole. The deadline engine applies the same rule (time/duration.ts: checkDuration).
 */
export const Duration = z
  .strictObject({
    value: z.number().positive('Thời hạn phải là số dương / a duration must be positive'),
    unit: DurationUnit,
  })
  .refine((d) => (d.unit === 'calendarDays' ? Number.isInteger(d.value) : Number.isInteger(d.value * 2)), {
    path: ['value'],
    message: 'Ngày theo lịch phải là số nguyên; ngày và giờ làm việc chỉ lẻ nửa đơn vị / calendar days must be whole; working days and hours may only have halves',
  });
export type Duration = z.infer<typeof Duration>;
