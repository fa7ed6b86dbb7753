import { describe, expect, it } from 'vitest';
import { isoWeekOfDate, monthOf, weekOf, weeksBetween } from './rollups.js';

describe('periods', () => {
  it.each([
    ['2026-12-03', '2026-W49'],
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2027-01-01', '2026-W53'], // a Friday: the last week of 2026
    ['2024-12-30', '2025-W01'], // a Monday whose Thursday is in 2025
    ['2026-12-28', '2026-W53'],
  ])('ISO week of %s is %s', (date, week) => {
    expect(isoWeekOfDate(date)).toBe(week);
  });
  it('month and week in Vietnam time: 2026-11-30T18:00Z is Tuesday 1 December there', () => {
    expect(monthOf(new Date('2026-11-30T18:00:00Z'))).toBe('2026-12');
    expect(weekOf(new Date('2026-11-29T16:59:00Z'))).toBe('2026-W48'); // Sunday 29 Nov 23:59
    expect(weekOf(new Date('2026-11-29T17:00:00Z'))).toBe('2026-W49'); // Monday 30 Nov 00:00
  });
  it('lists weeks across a year end', () => {
    expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });
});
