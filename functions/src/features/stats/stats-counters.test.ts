import { describe, expect, it } from 'vitest';
import { counterDeltas } from './stats-counters.js';
import { statsDocId, statsMonthOf } from '../../store/stats.js';

const d = (iso: string) => new Date(iso);

describe('statsMonthOf', () => {
  it.each([
    ['2026-11-30T16:59:59Z', '2026-11'], // 23:59:59 on 30 Nov in Vietnam
    ['2026-11-30T17:00:00Z', '2026-12'], // midnight in Vietnam
    ['2026-11-30T18:00:00Z', '2026-12'],
    ['2026-12-31T17:00:00Z', '2027-01'],
  ])('%s → %s', (at, month) => {
    expect(statsMonthOf(d(at))).toBe(month);
  });
});

describe('statsDocId', () => {
  it('joins agency, field and month', () => {
    expect(statsDocId('000.00.01.H99', 'land', '2026-12')).toBe('000.00.01.H99_land_2026-12');
  });
});

describe('counterDeltas', () => {
  const received = { receivedAt: d('2026-07-01T02:00:00Z'), dueAt: d('2026-07-10T10:00:00Z') };
  it('counts reception into received and the in-progress gauge', () => {
    expect(counterDeltas('receive', d('2026-07-01T02:00:00Z'), received)).toEqual({ received: 1, inProgress: 1 });
  });
  it('counts a refusal at reception without touching the gauge', () => {
    expect(counterDeltas('refuseAtReception', d('2026-07-01T02:00:00Z'), {})).toEqual({ refused: 1 });
  });
  it.each([
    ['2026-07-09T09:00:00Z', 'resolvedEarly'],
    ['2026-07-09T17:30:00Z', 'resolvedOnTime'], // 00:30 on 10 Jul in Vietnam: the due date
    ['2026-07-10T16:59:00Z', 'resolvedOnTime'], // late on the due date is still on time (by date)
    ['2026-07-10T17:00:00Z', 'resolvedLate'],
  ])('a resolve at %s is %s', (at, counter) => {
    expect(counterDeltas('resolve', d(at), received)).toEqual({ [counter]: 1 });
  });
  it('judges a resolve after an extension against the original appointment', () => {
    const extended = { ...received, originalDueAt: d('2026-07-10T10:00:00Z'), dueAt: d('2026-07-20T10:00:00Z') };
    expect(counterDeltas('resolve', d('2026-07-15T03:00:00Z'), extended)).toEqual({ resolvedLate: 1 });
  });
  it.each([
    ['returnResult', 'returned'],
    ['withdraw', 'withdrawn'],
    ['stop', 'stopped'],
    ['confirmStop', 'stopped'], // Decree 118 Art. 21
    ['closeUnsupplemented', 'stopped'], // Decree 118 Art. 19.5, after reception
  ] as const)('%s of a received dossier closes it (%s, gauge −1)', (type, counter) => {
    expect(counterDeltas(type, d('2026-07-12T03:00:00Z'), received)).toEqual({ [counter]: 1, inProgress: -1 });
  });
  it('a dossier closed for its missing supplement before reception was never received: refused', () => {
    expect(counterDeltas('closeUnsupplemented', d('2026-07-01T01:00:00Z'), {})).toEqual({ refused: 1 });
  });
  it('a withdrawal before reception does not move the gauge', () => {
    expect(counterDeltas('withdraw', d('2026-07-01T01:00:00Z'), {})).toEqual({ withdrawn: 1 });
    // received later than the event (cannot happen for a final event, but the event time decides)
    expect(counterDeltas('withdraw', d('2026-07-01T01:00:00Z'), received)).toEqual({ withdrawn: 1 });
  });
  it.each(['submit', 'intake', 'assign', 'transfer', 'acknowledgeTransfer', 'extend', 'requestSupplement', 'requestStop'] as const)(
    '%s counts nothing',
    (type) => {
      expect(counterDeltas(type, d('2026-07-05T03:00:00Z'), received)).toEqual({});
    },
  );
});
