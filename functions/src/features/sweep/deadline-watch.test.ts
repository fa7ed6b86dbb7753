import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, deadlineFlags, type Dossier } from '../../domain/index.js';
import { fixtureYears, withDays, fixture2026 } from '../../../../test/fixtures/calendars.js';
import { computeWatch, escalationLevelOf, nextCheckAt, sameFlags, sweepHorizon, type WatchedDossier } from './deadline-watch.js';
import { SWEEP_CONFIG } from './sweep-config.js';

const calendar = buildWorkingCalendar(fixtureYears);
const vn = (local: string) => new Date(`${local}+07:00`);
const dossier = (dueAt: string, extra: Partial<WatchedDossier> = {}): WatchedDossier => ({
  id: 'd1',
  status: 'processing',
  dueAt: vn(dueAt),
  extensionCount: 0,
  receivingAgencyId: '000.00.01.H99',
  ...extra,
});

describe('sweep horizon', () => {
  it('is the end of the next working day, across a weekend', () => {
    // Friday 4 Dec 2026 → Monday 7 Dec, 24:00 local.
    expect(sweepHorizon(vn('2026-12-04T10:00:00'), calendar).toISOString()).toBe(vn('2026-12-08T00:00:00').toISOString());
  });
  it('skips holidays and counts a make-up Saturday', () => {
    expect(sweepHorizon(vn('2026-04-29T10:00:00'), calendar).toISOString()).toBe(vn('2026-05-05T00:00:00').toISOString());
    const makeUp = buildWorkingCalendar([withDays(fixture2026, { makeUp: ['2026-12-05'] }), fixtureYears[1]!]);
    expect(sweepHorizon(vn('2026-12-04T10:00:00'), makeUp).toISOString()).toBe(vn('2026-12-06T00:00:00').toISOString());
  });
});

describe('computeWatch', () => {
  it('flags due soon on the working day before the due date, across a weekend', () => {
    // Due Monday 7 Dec: Friday 4 Dec is the last day for the apology.
    expect(computeWatch(dossier('2026-12-07T10:00:00'), vn('2026-12-03T16:00:00'), calendar, undefined)).toBeUndefined();
    const w = computeWatch(dossier('2026-12-07T10:00:00'), vn('2026-12-04T08:00:00'), calendar, undefined)!;
    expect(w).toMatchObject({ dueSoon: true, overdue: false, escalationLevel: 0, overdueWorkingDays: 0 });
  });
  it('counts overdue working days in the agency hours and escalates by the configured steps', () => {
    // Due Fri 4 Dec 10:00; Mon 7 Dec 10:00 is one working day later.
    const w = computeWatch(dossier('2026-12-04T10:00:00'), vn('2026-12-07T10:00:00'), calendar, undefined)!;
    expect(w).toMatchObject({ overdue: true, dueSoon: false, overdueWorkingDays: 1, escalationLevel: 2 });
    const w3 = computeWatch(dossier('2026-12-04T10:00:00'), vn('2026-12-10T10:00:00'), calendar, undefined)!;
    expect(w3.escalationLevel).toBe(4);
  });
  it('ignores dossiers whose clock is stopped and flags an inter-agency step on its own', () => {
    expect(computeWatch(dossier('2026-12-04T10:00:00', { status: 'awaitingSupplement' }), vn('2026-12-07T10:00:00'), calendar, undefined)).toBeUndefined();
    const step = computeWatch(
      dossier('2026-12-31T10:00:00', { currentStep: { agencyId: '000.00.14.H99', since: vn('2026-12-01T08:00:00'), dueAt: vn('2026-12-03T10:00:00') } }),
      vn('2026-12-04T08:00:00'),
      calendar,
      undefined,
    )!;
    expect(step).toMatchObject({ dueSoon: false, overdue: false, agencyId: '000.00.14.H99', step: { overdue: true } });
  });
  it('escalation levels follow the config', () => {
    expect(escalationLevelOf(false, 9)).toBe(0);
    expect(escalationLevelOf(true, 0.1)).toBe(1);
    expect(escalationLevelOf(true, 2.5)).toBe(3);
  });
  it('open statuses are exactly those in which deadlineFlags runs the clock', () => {
    const now = vn('2026-12-07T10:00:00');
    for (const status of ['draft', 'registered', 'received', 'processing', 'awaitingSupplement', 'awaitingPayment', 'resolved', 'returned'] as const) {
      const flags = deadlineFlags({ ...(dossier('2026-12-04T10:00:00') as Dossier), status }, now, { calendar });
      expect(flags.overdue, status).toBe((SWEEP_CONFIG.openStatuses as readonly string[]).includes(status));
    }
  });
});

describe('nextCheckAt', () => {
  const at = (w: Date | undefined) => w?.toISOString();
  it('is when due soon begins, then when overdue begins', () => {
    expect(at(nextCheckAt(dossier('2026-12-07T10:00:00'), vn('2026-12-01T10:00:00'), calendar, undefined))).toBe(vn('2026-12-04T00:00:00').toISOString());
    expect(at(nextCheckAt(dossier('2026-12-07T10:00:00'), vn('2026-12-04T08:00:00'), calendar, undefined))).toBe(new Date(vn('2026-12-07T10:00:00').getTime() + 1).toISOString());
  });
  it('is the instant the next escalation level is reached, and nothing after the last level', () => {
    const d = dossier('2026-12-04T10:00:00');
    const from = vn('2026-12-04T11:00:00');
    const next = nextCheckAt(d, from, calendar, undefined)!;
    // Level 2 at one working day late (rounded to 2 decimals as the watch counts it), not a moment before.
    expect(computeWatch(d, next, calendar, undefined)!.escalationLevel).toBe(2);
    expect(computeWatch(d, new Date(next.getTime() - 1), calendar, undefined)!.escalationLevel).toBe(1);
    expect(next.getTime()).toBeGreaterThan(vn('2026-12-07T09:00:00').getTime());
    expect(next.getTime()).toBeLessThan(vn('2026-12-07T11:00:00').getTime());
    expect(nextCheckAt(d, vn('2026-12-15T10:00:00'), calendar, undefined)).toBeUndefined();
  });
  it('is absent while the clock is stopped, and follows the step deadline of a transferred dossier', () => {
    expect(nextCheckAt(dossier('2026-12-04T10:00:00', { status: 'awaitingSupplement' }), vn('2026-12-01T10:00:00'), calendar, undefined)).toBeUndefined();
    const step = dossier('2026-12-31T10:00:00', { currentStep: { agencyId: '000.00.14.H99', since: vn('2026-12-01T08:00:00'), dueAt: vn('2026-12-03T10:00:00') } });
    expect(at(nextCheckAt(step, vn('2026-12-01T09:00:00'), calendar, undefined))).toBe(vn('2026-12-02T00:00:00').toISOString());
  });
});

describe('sameFlags', () => {
  it('ignores the lateness figure and the tick, not a flag', () => {
    const w = computeWatch(dossier('2026-12-04T10:00:00'), vn('2026-12-07T10:00:00'), calendar, undefined)!;
    expect(sameFlags(w, { ...w, overdueWorkingDays: 1.2, checkedAt: new Date() })).toBe(true);
    expect(sameFlags(w, { ...w, escalationLevel: 3 })).toBe(false);
    expect(sameFlags(undefined, w)).toBe(false);
    expect(sameFlags(undefined, undefined)).toBe(true);
  });
});
