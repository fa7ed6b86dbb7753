// Test fixtures only (imported by *.test.ts): the 2026–2027 facts of docs/CALENDAR.md entered
// independently of seed/data so that engine tests do not depend on the demo data, plus helpers to build
// synthetic variants (make-up Saturdays, extra holidays).
import type { Calendar, CalendarDay } from './schemas.js';

const named =
  (vi: string, en: string) =>
  (date: string): CalendarDay => ({ date, name: { vi, en } });
const tet = named('Tết Nguyên đán', 'Lunar New Year');
const nationalDay = named('Quốc khánh', 'National Day');

export const fixture2026: Calendar = {
  year: 2026,
  weeklyRestDays: [0, 6],
  holidays: [
    named('Tết Dương lịch', "New Year's Day")('2026-01-01'),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(tet),
    named('Nghỉ bù Giỗ Tổ Hùng Vương', "Hùng Kings' day in lieu")('2026-04-27'),
    named('Ngày Giải phóng miền Nam', 'Reunification Day')('2026-04-30'),
    named('Quốc tế Lao động', 'Labour Day')('2026-05-01'),
    nationalDay('2026-09-02'),
    nationalDay('2026-09-03'),
  ],
  makeUpWorkingDays: [],
  source: 'test fixture',
};

export const fixture2027: Calendar = {
  year: 2027,
  weeklyRestDays: [0, 6],
  holidays: [
    named('Tết Dương lịch', "New Year's Day")('2027-01-01'),
    ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map(tet),
    named('Giỗ Tổ Hùng Vương', "Hùng Kings' day")('2027-04-16'),
    named('Ngày Giải phóng miền Nam', 'Reunification Day')('2027-04-30'),
    named('Nghỉ bù Quốc tế Lao động', 'Labour Day in lieu')('2027-05-03'),
    nationalDay('2027-09-02'),
    nationalDay('2027-09-03'),
  ],
  makeUpWorkingDays: [],
  source: 'test fixture',
};

export const fixtureYears: Calendar[] = [fixture2026, fixture2027];

/** A year with weekends only. */
export function plainYear(year: number): Calendar {
  return { year, weeklyRestDays: [0, 6], holidays: [], makeUpWorkingDays: [], source: 'test fixture' };
}

/** `calendar` with extra holidays and make-up days (skipping dates it already has). */
export function withDays(calendar: Calendar, extra: { holidays?: string[]; makeUp?: string[] }): Calendar {
  const known = new Set([...calendar.holidays, ...calendar.makeUpWorkingDays].map((d) => d.date));
  const fresh = (dates: string[] = []) => [...new Set(dates)].filter((d) => !known.has(d));
  return {
    ...calendar,
    holidays: [...calendar.holidays, ...fresh(extra.holidays).map(named('Nghỉ thử', 'Test holiday'))],
    makeUpWorkingDays: [
      ...calendar.makeUpWorkingDays,
      ...fresh(extra.makeUp).map(named('Làm bù', 'Make-up day')),
    ],
  };
}

/** An instant from a Vietnam wall-clock reading, written independently of the engine's own helpers. */
export function vn(local: string): Date {
  return new Date(`${local}:00+07:00`);
}
