import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInstantError } from './errors.js';
import { dateOfDayNumber, dayNumberOfDate, localDateOf, weekdayOfDayNumber } from './local-time.js';

describe('localDateOf', () => {
  it('uses Vietnam time (UTC+7), not the host zone', () => {
    expect(localDateOf(new Date('2026-01-01T16:59:59.999Z'))).toBe('2026-01-01');
    expect(localDateOf(new Date('2026-01-01T17:00:00.000Z'))).toBe('2026-01-02');
    expect(localDateOf(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    expect(localDateOf(new Date('2028-02-28T17:30:00.000Z'))).toBe('2028-02-29');
  });

  it('rejects an invalid Date', () => {
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(InvalidInstantError);
  });
});

describe('day numbers', () => {
  it('agree with Date in UTC for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (day) => {
        const viaDate = new Date(day * 86_400_000);
        expect(dateOfDayNumber(day)).toBe(viaDate.toISOString().slice(0, 10));
        expect(dayNumberOfDate(dateOfDayNumber(day))).toBe(day);
        expect(weekdayOfDayNumber(day)).toBe(viaDate.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });
});
