import { describe, expect, it } from 'vitest';
import { calendarWarningText, nextYearCalendarWarning } from './calendar-warning.js';

const at = (local: string) => new Date(`${local}:00+07:00`);

describe('nextYearCalendarWarning', () => {
  it('is quiet before 1 October (Vietnam time), whatever is entered', () => {
    expect(nextYearCalendarWarning([{ year: 2026 }], at('2026-09-30T23:59'))).toBeUndefined();
    // 30 Sep 17:30 UTC is already 1 Oct 00:30 in Vietnam.
    expect(nextYearCalendarWarning([{ year: 2026 }], new Date('2026-09-30T17:30:00Z'))).toEqual({ year: 2027, state: 'missing' });
  });

  it('warns from 1 October while next year is missing or provisional, and stops once it is announced', () => {
    expect(nextYearCalendarWarning([{ year: 2026 }], at('2026-10-01T08:00'))).toEqual({ year: 2027, state: 'missing' });
    expect(nextYearCalendarWarning([{ year: 2026 }, { year: 2027, provisional: true }], at('2026-12-31T17:00'))).toEqual({ year: 2027, state: 'provisional' });
    expect(nextYearCalendarWarning([{ year: 2026 }, { year: 2027, provisional: false }], at('2026-11-15T08:00'))).toBeUndefined();
    expect(nextYearCalendarWarning([{ year: 2027 }], at('2027-01-02T08:00'))).toBeUndefined();
  });

  it('says what to do, in Vietnamese and English', () => {
    const text = calendarWarningText({ year: 2027, state: 'missing' });
    expect(text.vi).toContain('Chưa có lịch làm việc năm 2027');
    expect(text.en).toContain('no working calendar for 2027');
    expect(calendarWarningText({ year: 2027, state: 'provisional' }).vi).toContain('tạm tính');
  });
});
