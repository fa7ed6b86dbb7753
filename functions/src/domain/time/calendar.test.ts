import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, nextWorkingDay, previousWorkingDay } from './calendar.js';
import { isDomainError } from '../shared/domain-error.js';
import { CalendarDataError, CalendarNotCoveredError, InvalidInstantError } from './errors.js';
import type { Calendar } from './schemas.js';
import { fixture2026, fixtureYears, plainYear, withDays } from '../../../../test/fixtures/calendars.js';

const calendar = buildWorkingCalendar(fixtureYears);

function dataError(years: Calendar[]): CalendarDataError {
  try {
    buildWorkingCalendar(years);
  } catch (error) {
    if (error instanceof CalendarDataError) return error;
    throw error;
  }
  throw new Error('expected a CalendarDataError');
}

describe('buildWorkingCalendar', () => {
  it('tells working days, weekends, holidays and make-up days apart', () => {
    expect(calendar.years).toEqual([2026, 2027]);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(calendar.describeDay('2026-02-17')).toEqual({
      working: false,
      kind: 'holiday',
      name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
    });
    expect(calendar.describeDay('2026-02-15')).toEqual({ working: false, kind: 'weeklyRest' });
    expect(calendar.describeDay('2026-02-23')).toEqual({ working: true, kind: 'workday' });
    const swapped = buildWorkingCalendar([withDays(fixture2026, { makeUp: ['2026-12-26'] })]);
    expect(swapped.describeDay('2026-12-26')).toEqual({
      working: true,
      kind: 'makeUpWorkingDay',
      name: { vi: 'Làm bù', en: 'Make-up day' },
    });
  });

  it('throws a bilingual CalendarNotCoveredError for a year without data', () => {
    expect(() => calendar.isWorkingDay('2028-01-03')).toThrow(CalendarNotCoveredError);
    expect(() => calendar.isWorkingDay('2025-12-31')).toThrow(
      /Chưa có lịch làm việc năm 2025.* \/ No working calendar for 2025/,
    );
    expect(() => buildWorkingCalendar([plainYear(2026), plainYear(2028)]).isWorkingDay('2027-06-01')).toThrow(
      CalendarNotCoveredError,
    );
  });

  it('rejects a malformed date argument', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(InvalidInstantError);
  });

  it('rejects a date that is both a holiday and a make-up day', () => {
    const year = {
      ...plainYear(2026),
      holidays: [{ date: '2026-12-26', name: { vi: 'A', en: 'A' } }],
      makeUpWorkingDays: [{ date: '2026-12-26', name: { vi: 'B', en: 'B' } }],
    };
    const error = dataError([year]);
    expect(isDomainError(error)).toBe(true);
    expect(error.code).toBe('calendar-data-invalid');
    expect(error.details).toEqual({ issues: error.issues });
    expect(error.issues).toContainEqual({
      year: 2026,
      date: '2026-12-26',
      vi: '2026-12-26 vừa là ngày nghỉ lễ vừa là ngày làm bù',
      en: '2026-12-26 is both a holiday and a make-up working day',
    });
  });

  it('rejects a make-up day that is not a weekly rest day', () => {
    const error = dataError([withDays(plainYear(2026), { makeUp: ['2026-12-24'] })]);
    expect(error.issues.map((i) => i.en)).toEqual([
      'make-up working day 2026-12-24 is not a weekly rest day (it is already a working day)',
    ]);
  });

  it('rejects dates outside their year, duplicate dates and duplicate years, all at once', () => {
    const error = dataError([
      withDays(plainYear(2026), { holidays: ['2027-01-01'] }),
      {
        ...plainYear(2027),
        holidays: [1, 2].map(() => ({ date: '2027-01-01', name: { vi: 'x', en: 'x' } })),
      },
      plainYear(2026),
    ]);
    expect(error.issues.map((i) => i.en)).toEqual([
      'holiday 2027-01-01 is not in 2026',
      'holiday 2027-01-01 is entered twice',
      'year 2026 is entered twice',
    ]);
    expect(error.message).toContain(
      'Dữ liệu lịch làm việc không hợp lệ: ngày nghỉ lễ 2027-01-01 không thuộc năm 2026',
    );
  });

  it('rejects data that fails the schema (impossible date, bad weekday)', () => {
    const error = dataError([
      { ...withDays(plainYear(2026), { holidays: ['2026-02-30'] }), weeklyRestDays: [0, 7] },
    ]);
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
    expect(error.issues.some((i) => i.en.includes('entry 0.holidays.0.date'))).toBe(true);
    expect(error.issues.some((i) => i.en.includes('entry 0.weeklyRestDays.1'))).toBe(true);
  });
});

describe('previousWorkingDay / nextWorkingDay', () => {
  it('steps over weekends and holidays', () => {
    expect(previousWorkingDay('2026-02-23', calendar)).toBe('2026-02-13');
    expect(previousWorkingDay('2026-02-24', calendar)).toBe('2026-02-23');
    expect(nextWorkingDay('2026-02-13', calendar)).toBe('2026-02-23');
    expect(nextWorkingDay('2026-12-31', calendar)).toBe('2027-01-04');
    expect(previousWorkingDay('2027-01-04', calendar)).toBe('2026-12-31');
  });

  it('throws when it runs off the calendar data', () => {
    expect(() => previousWorkingDay('2026-01-02', calendar)).toThrow(CalendarNotCoveredError);
  });
});
