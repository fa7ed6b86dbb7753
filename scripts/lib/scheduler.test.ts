import { describe, expect, it } from 'vitest';
import { backoffSeconds, cronOf, formatTick, nextTick, VirtualClock } from './scheduler.js';

const VN = 'Asia/Ho_Chi_Minh';
const job = (schedule: string) => ({ cron: cronOf(schedule), timeZone: VN });
const ticks = (schedule: string, after: string, n: number) => {
  const out: string[] = [];
  let t = new Date(after);
  for (let i = 0; i < n; i++) {
    t = nextTick(job(schedule), t);
    out.push(t.toISOString());
  }
  return out;
};

describe('schedules as Cloud Scheduler reads them', () => {
  it('keeps cron expressions and turns "every N minutes|hours" into clock-aligned cron', () => {
    expect(cronOf('*/15 7-17 * * 1-6')).toBe('*/15 7-17 * * 1-6');
    expect(cronOf('every 5 minutes')).toBe('*/5 * * * *');
    expect(cronOf('every 15 minutes')).toBe('*/15 * * * *');
    expect(cronOf('every 2 hours')).toBe('0 */2 * * *');
  });

  it('refuses what it cannot run faithfully instead of guessing', () => {
    expect(() => cronOf('every 7 minutes')).toThrow(/divide 60/);
    expect(() => cronOf('every monday 09:00')).toThrow(/only "every N minutes\|hours"/);
    expect(() => cronOf('0 */15 7-17 * * 1-6')).toThrow(/five cron fields/);
    expect(() => cronOf('61 * * * *')).toThrow();
  });

  it('ticks in Vietnam time: office-hours sweep Monday to Saturday, none on Sunday', () => {
    // Sat 5 Dec 2026 17:45 +07 is the last office-hours tick of the week; the next is Mon 07:00 +07.
    expect(ticks('*/15 7-17 * * 1-6', '2026-12-05T10:40:00Z', 2)).toEqual([
      '2026-12-05T10:45:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
    // The nightly run at 00:30 in Vietnam is 17:30 UTC the day before.
    expect(ticks('30 0 * * *', '2026-12-03T12:00:00Z', 2)).toEqual([
      '2026-12-03T17:30:00.000Z',
      '2026-12-04T17:30:00.000Z',
    ]);
    expect(ticks('every 5 minutes', '2026-12-03T12:02:59Z', 3)).toEqual([
      '2026-12-03T12:05:00.000Z',
      '2026-12-03T12:10:00.000Z',
      '2026-12-03T12:15:00.000Z',
    ]);
  });

  it('gives the first tick strictly after the instant, so a tick is never fired twice', () => {
    expect(nextTick(job('every 5 minutes'), new Date('2026-12-03T12:05:00Z')).toISOString()).toBe(
      '2026-12-03T12:10:00.000Z',
    );
  });

  it('backs off as Cloud Scheduler does: doubling from the minimum, capped', () => {
    const retry = { retryCount: 5, minBackoffSeconds: 5, maxBackoffSeconds: 60, maxDoublings: 2 };
    expect([1, 2, 3, 4, 5].map((n) => backoffSeconds(retry, n))).toEqual([5, 10, 20, 20, 20]);
    expect(backoffSeconds({ ...retry, maxDoublings: 5 }, 5)).toBe(60);
  });
});

describe('virtual clock', () => {
  it('runs `factor` times faster from its start and says how long to wait in real time', () => {
    let real = 1_000_000;
    const clock = new VirtualClock(60, new Date('2026-12-03T00:00:00Z'), () => real);
    real += 1_000; // one real second is one minute
    expect(clock.now().toISOString()).toBe('2026-12-03T00:01:00.000Z');
    expect(clock.realMsUntil(new Date('2026-12-03T00:16:00Z'))).toBe(15_000);
    expect(clock.realMsUntil(new Date('2026-12-02T00:00:00Z'))).toBe(0);
    expect(() => new VirtualClock(0)).toThrow(/positive/);
  });

  it('formats a tick as an officer in Vietnam reads it', () => {
    expect(formatTick(new Date('2026-12-03T17:30:00Z'), VN)).toBe('04/12 00:30');
  });
});
