import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from './calendar.js';
import { fixtureYears, vn } from '../../../../test/fixtures/calendars.js';
import { nextWorkingMoment, workingTimeBetween } from './working-time.js';

const calendar = buildWorkingCalendar(fixtureYears);

describe('nextWorkingMoment', () => {
  it.each([
    ['2026-07-15T09:40', '2026-07-15T09:40'], // inside working hours: unchanged
    ['2026-07-15T06:59', '2026-07-15T07:00'], // before opening
    ['2026-07-15T11:30', '2026-07-15T13:30'], // the morning closes at 11:30 sharp
    ['2026-07-15T17:00', '2026-07-16T07:00'], // closing time sharp: next morning
    ['2026-07-17T20:00', '2026-07-20T07:00'], // Friday evening: Monday morning
    ['2026-02-13T17:05', '2026-02-23T07:00'], // before Tết 2026
  ])('%s → %s', (at, expected) => {
    expect(nextWorkingMoment(vn(at), calendar)).toEqual(vn(expected));
  });
});

describe('workingTimeBetween', () => {
  it('counts only working periods on working days', () => {
    expect(workingTimeBetween(vn('2026-07-15T09:40'), vn('2026-07-16T09:40'), calendar).hours).toBe(8);
    expect(workingTimeBetween(vn('2026-07-17T16:00'), vn('2026-07-20T08:00'), calendar).hours).toBe(2);
    expect(workingTimeBetween(vn('2026-02-13T07:00'), vn('2026-02-24T07:00'), calendar).workingDays).toBe(2);
    expect(workingTimeBetween(vn('2026-07-15T12:00'), vn('2026-07-15T13:00'), calendar).milliseconds).toBe(0);
  });

  it('is 0 when the end is not after the start', () => {
    expect(workingTimeBetween(vn('2026-07-16T09:40'), vn('2026-07-15T09:40'), calendar).milliseconds).toBe(0);
  });
});

describe('working hours objects', () => {
  it('re-reads an hours object that was changed after use', () => {
    const hours = { periods: [{ start: '08:00', end: '12:00' }] };
    expect(nextWorkingMoment(vn('2026-07-15T07:30'), calendar, hours)).toEqual(vn('2026-07-15T08:00'));
    hours.periods[0]!.start = '09:00';
    expect(nextWorkingMoment(vn('2026-07-15T07:30'), calendar, hours)).toEqual(vn('2026-07-15T09:00'));
  });
});
