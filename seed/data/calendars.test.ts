import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, Calendar, computeDeadline } from '../../functions/src/domain/time/index.js';
import { demoCalendars } from './calendars.js';

const calendar = buildWorkingCalendar(demoCalendars);
const daysOff = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (!calendar.isWorkingDay(date)) out.push(date);
  }
  return out;
};

describe('demo calendars', () => {
  it('are valid Calendar documents for 2026 and 2027', () => {
    for (const year of demoCalendars) expect(Calendar.parse(year)).toEqual(year);
    expect(demoCalendars.map((c) => c.year)).toEqual([2026, 2027]);
  });

  it('enter the announced 2026 days off', () => {
    // New Year: Thu 1 – Sun 4 Jan, Fri 2 Jan swapped with Sat 10 Jan (worked).
    expect(daysOff('2026-01-01', '2026-01-05')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    // Tết: nine days without work, Sat 14 – Sun 22 Feb.
    expect(daysOff('2026-02-13', '2026-02-23')).toEqual(
      [14, 15, 16, 17, 18, 19, 20, 21, 22].map((d) => `2026-02-${d}`),
    );
    expect(daysOff('2026-04-24', '2026-05-04')).toEqual([
      '2026-04-25',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
    ]);
    // National Day: Sat 29 Aug – Wed 2 Sep, Mon 31 Aug swapped with Sat 22 Aug (worked).
    expect(daysOff('2026-08-28', '2026-09-04')).toEqual(['2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02']);
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    // Vietnam Culture Day, from 2026.
    expect(daysOff('2026-11-23', '2026-11-25')).toEqual(['2026-11-24']);
  });

  it('enter the provisional 2027 days off', () => {
    expect(daysOff('2027-02-03', '2027-02-11')).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
    expect(calendar.isWorkingDay('2027-04-16')).toBe(false);
    expect(daysOff('2027-04-29', '2027-05-04')).toEqual([
      '2027-04-30',
      '2027-05-01',
      '2027-05-02',
      '2027-05-03',
    ]);
    expect(daysOff('2027-09-01', '2027-09-06')).toEqual([
      '2027-09-02',
      '2027-09-03',
      '2027-09-04',
      '2027-09-05',
    ]);
  });

  it('say in their source what is unconfirmed or provisional', () => {
    expect(demoCalendars[0]?.source).toMatch(/nguồn thứ cấp.*reported/s);
    expect(demoCalendars[0]?.provisional).toBeUndefined();
    expect(demoCalendars[1]?.source).toMatch(/TẠM TÍNH.*PROVISIONAL/s);
    expect(demoCalendars[1]?.provisional).toBe(true);
  });

  it('give the benchmark case a deadline across the year boundary', () => {
    // 60 working days from Fri 20 Nov 2026: 28 working days follow in 2026 (23 Nov – 31 Dec, without
    // 24 Nov); in 2027 1 Jan and Tết 4–10 Feb are off, and the 32nd working day is Tue 23 Feb.
    const { dueAt } = computeDeadline({
      start: new Date('2026-11-20T09:00:00+07:00'),
      duration: { value: 60, unit: 'workingDays' },
      calendar,
    });
    expect(dueAt).toEqual(new Date('2027-02-23T09:00:00+07:00'));
  });
});
