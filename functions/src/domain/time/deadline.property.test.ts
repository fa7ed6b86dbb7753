// Property-based tests of the deadline engine against a deliberately naive oracle: it walks minute by
// minute through the raw calendar data using only UTC Date arithmetic shifted by +7 h.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from './calendar.js';
import { computeDeadline } from './deadline.js';
import { classifyTimeliness } from './timeliness.js';
import type { Calendar, Duration } from './schemas.js';
import { computeDeadlineWithSupplements } from './supplement.js';
import { fixture2026, fixture2027, withDays } from '../../../../test/fixtures/calendars.js';
import { workingTimeBetween } from './working-time.js';

const H7 = 7 * 3_600_000;
const MIN = 60_000;
const DAY = 86_400_000;
const PERIODS: [number, number][] = [
  [7 * 60, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];
const localDate = (ms: number): string => new Date(ms + H7).toISOString().slice(0, 10);
const minuteOfDay = (ms: number): number => {
  const d = new Date(ms + H7);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
};

/** Working day according to the raw data, independently of buildWorkingCalendar. */
function oracleIsWorkingDay(years: readonly Calendar[], date: string): boolean {
  const year = years.find((c) => c.year === Number(date.slice(0, 4)));
  if (year === undefined) throw new Error(`no data for ${date}`);
  if (year.makeUpWorkingDays.some((d) => d.date === date)) return true;
  if (year.holidays.some((d) => d.date === date)) return false;
  return !year.weeklyRestDays.includes(new Date(`${date}T00:00:00Z`).getUTCDay());
}

function oracle(years: readonly Calendar[]) {
  const cache = new Map<string, boolean>();
  const working = (date: string) => {
    let value = cache.get(date);
    if (value === undefined) cache.set(date, (value = oracleIsWorkingDay(years, date)));
    return value;
  };
  const workingMinute = (ms: number) =>
    working(localDate(ms)) && PERIODS.some(([s, e]) => minuteOfDay(ms) >= s && minuteOfDay(ms) < e);
  return {
    working,
    /** End of the Nth working minute at or after `start` (start on a whole minute). */
    consume(start: number, minutes: number): number {
      let count = 0;
      for (let m = start; ; m += MIN) if (workingMinute(m) && ++count === minutes) return m + MIN;
    },
    calendarDays(start: number, days: number): number {
      let m = start;
      while (!workingMinute(m)) m += MIN;
      let date = new Date(Date.parse(`${localDate(m)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
      while (!working(date))
        date = new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
      return Date.parse(`${date}T17:00:00+07:00`);
    },
  };
}

/** A minute between 2026-01-01 and 2027-06-30, Vietnam time. */
const startArb = fc
  .integer({
    min: Date.parse('2026-01-01T00:00:00+07:00') / MIN,
    max: Date.parse('2027-06-30T00:00:00+07:00') / MIN,
  })
  .map((m) => m * MIN);
const dateIn2026Arb = fc
  .integer({ min: 0, max: 364 })
  .map((i) => new Date(Date.UTC(2026, 0, 1) + i * DAY).toISOString().slice(0, 10));
const weekday2026Arb = dateIn2026Arb.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
const saturday2026Arb = fc
  .integer({ min: 0, max: 51 })
  .map((w) => new Date(Date.UTC(2026, 0, 3) + w * 7 * DAY).toISOString().slice(0, 10));

/** The fixture years plus random extra holidays (weekdays) and make-up Saturdays. */
const yearsArb = fc
  .record({
    holidays: fc.uniqueArray(weekday2026Arb, { maxLength: 12 }),
    makeUp: fc.uniqueArray(saturday2026Arb, { maxLength: 4 }),
  })
  .map(({ holidays, makeUp }) => [withDays(fixture2026, { holidays, makeUp }), fixture2027]);

const durationArb = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((h): Duration => ({ value: h / 2, unit: 'workingDays' })),
  fc.integer({ min: 1, max: 60 }).map((h): Duration => ({ value: h / 2, unit: 'workingHours' })),
  fc.integer({ min: 1, max: 30 }).map((d): Duration => ({ value: d, unit: 'calendarDays' })),
);

function insideWorkingHours(years: readonly Calendar[], ms: number): boolean {
  const m = (ms + H7 - Math.floor((ms + H7) / DAY) * DAY) / MIN; // exact minutes, seconds included
  return oracleIsWorkingDay(years, localDate(ms)) && PERIODS.some(([s, e]) => m >= s && m <= e);
}

describe('deadline properties', () => {
  it('agrees with the minute-by-minute oracle (holidays and make-up Saturdays included)', () => {
    fc.assert(
      fc.property(yearsArb, startArb, durationArb, (years, start, duration) => {
        const result = computeDeadline({ start: new Date(start), duration, calendar: years });
        const o = oracle(years);
        const expected =
          duration.unit === 'calendarDays'
            ? o.calendarDays(start, duration.value)
            : o.consume(start, duration.unit === 'workingDays' ? duration.value * 480 : duration.value * 60);
        expect(result.dueAt.getTime()).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('always ends inside working hours on a working day', () => {
    fc.assert(
      fc.property(
        yearsArb,
        startArb,
        fc.integer({ min: 0, max: 59_999 }),
        durationArb,
        (years, start, ms, duration) => {
          const { dueAt } = computeDeadline({ start: new Date(start + ms), duration, calendar: years });
          expect(insideWorkingHours(years, dueAt.getTime())).toBe(true);
        },
      ),
    );
  });

  it('never gives an earlier due time for a longer duration', () => {
    fc.assert(
      fc.property(startArb, durationArb, fc.integer({ min: 0, max: 20 }), (start, duration, extra) => {
        const step = duration.unit === 'calendarDays' ? 1 : 0.5;
        const shorter = computeDeadline({
          start: new Date(start),
          duration,
          calendar: [fixture2026, fixture2027],
        });
        const longer = computeDeadline({
          start: new Date(start),
          duration: { ...duration, value: duration.value + extra * step },
          calendar: [fixture2026, fixture2027],
        });
        expect(longer.dueAt.getTime()).toBeGreaterThanOrEqual(shorter.dueAt.getTime());
      }),
    );
  });

  it('never gives an earlier due time when a holiday is added', () => {
    fc.assert(
      fc.property(yearsArb, weekday2026Arb, startArb, durationArb, (years, holiday, start, duration) => {
        const [year2026, year2027] = years as [Calendar, Calendar];
        const more = [
          withDays(year2026, {
            holidays: year2026.makeUpWorkingDays.some((d) => d.date === holiday) ? [] : [holiday],
          }),
          year2027,
        ];
        const before = computeDeadline({ start: new Date(start), duration, calendar: years });
        const after = computeDeadline({ start: new Date(start), duration, calendar: more });
        expect(after.dueAt.getTime()).toBeGreaterThanOrEqual(before.dueAt.getTime());
      }),
    );
  });

  it('counts a make-up Saturday as a full working day', () => {
    fc.assert(
      fc.property(saturday2026Arb, fc.integer({ min: 7 * 60, max: 16 * 60 + 59 }), (saturday, minute) => {
        const calendar = buildWorkingCalendar([withDays(fixture2026, { makeUp: [saturday] }), fixture2027]);
        expect(calendar.isWorkingDay(saturday)).toBe(true);
        const midnight = Date.parse(`${saturday}T00:00:00+07:00`);
        expect(workingTimeBetween(new Date(midnight), new Date(midnight + DAY), calendar).hours).toBe(8);
        // Half a working day started on the Saturday ends the same Saturday or on the next working day,
        // never on the Sunday.
        const { dueAt } = computeDeadline({
          start: new Date(midnight + minute * MIN),
          duration: { value: 0.5, unit: 'workingDays' },
          calendar,
        });
        expect(new Date(dueAt.getTime() + H7).getUTCDay()).not.toBe(0);
        if (minute <= 11 * 60 + 30 - 240 || (minute >= 13 * 60 + 30 && minute <= 17 * 60 - 240))
          expect(localDate(dueAt.getTime())).toBe(saturday);
      }),
    );
  });
});

describe('supplement properties', () => {
  const years = [fixture2026, fixture2027];
  const scenarioArb = fc
    .record({
      start: startArb,
      duration: durationArb,
      requestAfter: fc.integer({ min: 0, max: 20 * 24 * 60 }),
      waitFor: fc.integer({ min: 0, max: 20 * 24 * 60 }),
    })
    .map(({ start, duration, requestAfter, waitFor }) => {
      const requestedAt = start + requestAfter * MIN;
      return { start, duration, requestedAt, receivedAt: requestedAt + waitFor * MIN };
    });

  it('restart counts the whole duration again from the receipt of the supplement', () => {
    fc.assert(
      fc.property(scenarioArb, ({ start, duration, requestedAt, receivedAt }) => {
        const restarted = computeDeadlineWithSupplements({
          start: new Date(start),
          duration,
          calendar: years,
          policy: 'restart',
          supplements: [{ requestedAt: new Date(requestedAt), receivedAt: new Date(receivedAt) }],
        });
        expect(restarted.dueAt).toEqual(
          computeDeadline({ start: new Date(receivedAt), duration, calendar: years }).dueAt,
        );
      }),
    );
  });

  it('pause resumes the remaining time: never later than restart, never earlier than no supplement', () => {
    fc.assert(
      fc.property(scenarioArb, ({ start, duration, requestedAt, receivedAt }) => {
        const input = {
          start: new Date(start),
          duration,
          calendar: years,
          supplements: [{ requestedAt: new Date(requestedAt), receivedAt: new Date(receivedAt) }],
        };
        const paused = computeDeadlineWithSupplements({ ...input, policy: 'pause' }).dueAt.getTime();
        const restarted = computeDeadlineWithSupplements({ ...input, policy: 'restart' }).dueAt.getTime();
        const original = computeDeadline(input).dueAt.getTime();
        expect(paused).toBeGreaterThanOrEqual(original);
        expect(paused).toBeLessThanOrEqual(Math.max(restarted, original));
        if (duration.unit !== 'calendarDays') {
          const total = duration.unit === 'workingDays' ? duration.value * 8 : duration.value;
          const before = workingTimeBetween(new Date(start), new Date(requestedAt), years).hours;
          if (requestedAt < original) {
            // Working time counted = before the request + after the receipt = the whole duration.
            const after = workingTimeBetween(new Date(receivedAt), new Date(paused), years).hours;
            expect(before + after).toBeCloseTo(total, 9);
          } else {
            expect(paused).toBe(original);
          }
        }
      }),
    );
  });
});

describe('no time-zone drift', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('gives identical results whatever the host TZ', () => {
    fc.assert(
      fc.property(startArb, durationArb, (start, duration) => {
        const results = [
          'UTC',
          'America/New_York',
          'Asia/Ho_Chi_Minh',
          'Pacific/Kiritimati',
          'Pacific/Pago_Pago',
        ].map((tz) => {
          process.env.TZ = tz;
          const r = computeDeadline({
            start: new Date(start),
            duration,
            calendar: [fixture2026, fixture2027],
          });
          return { dueAt: r.dueAt.getTime(), explanation: r.explanation };
        });
        for (const r of results) expect(r).toEqual(results[0]);
      }),
      { numRuns: 40 },
    );
  });

  it('classifies timeliness by the Vietnam date', () => {
    fc.assert(
      fc.property(startArb, startArb, (due, finished) => {
        const expected =
          localDate(finished) < localDate(due)
            ? 'early'
            : localDate(finished) === localDate(due)
              ? 'onTime'
              : 'late';
        expect(classifyTimeliness(new Date(due), new Date(finished))).toBe(expected);
      }),
    );
  });
});
