import { describe, expect, it } from 'vitest';
import { Calendar, Duration, LocalDate } from './schemas.js';

describe('Duration schema', () => {
  it.each([
    [{ value: 7, unit: 'workingDays' }, true],
    [{ value: 0.5, unit: 'workingDays' }, true],
    [{ value: 1.5, unit: 'workingHours' }, true],
    [{ value: 30, unit: 'calendarDays' }, true],
    [{ value: 0.25, unit: 'workingDays' }, false],
    [{ value: 2.5, unit: 'calendarDays' }, false],
    [{ value: 0, unit: 'workingDays' }, false],
    [{ value: -3, unit: 'workingHours' }, false],
    [{ value: 3, unit: 'weeks' }, false],
    [{ value: 3, unit: 'workingDays', extra: 1 }, false],
  ])('%j valid: %s', (input, valid) => {
    expect(Duration.safeParse(input).success).toBe(valid);
  });
});

describe('LocalDate schema', () => {
  it.each([
    ['2026-02-16', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['16/02/2026', false],
  ])('%s valid: %s', (input, valid) => {
    expect(LocalDate.safeParse(input).success).toBe(valid);
  });
});

describe('Calendar schema', () => {
  it('rejects weekly rest days outside 0–6', () => {
    expect(Calendar.safeParse({ year: 2026, weeklyRestDays: [7], holidays: [], makeUpWorkingDays: [], source: 'x' }).success).toBe(false);
  });
});
