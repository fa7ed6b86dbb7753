import { describe, expect, it } from 'vitest';
import type { DossierProgress } from '../../domain/index.js';
import { isEmpty, rollupDeltas, type RollupFacts } from './rollup-deltas.js';

const d = (iso: string) => new Date(iso);
const base: RollupFacts = { receivedAt: d('2026-07-01T02:00:00Z'), dueAt: d('2026-07-10T10:00:00Z'), channel: 'online', legacy: false };
const progress = (timeliness: DossierProgress['timeliness'], usedPermille: number | null = 800): DossierProgress => ({ finishedAt: d('2026-07-09T03:00:00Z'), finishedBy: 'resolve', timeliness, lateBecause: timeliness === 'late' ? 'due' : null, supplementRequests: 0, usedPermille });

describe('roll-up deltas of one event', () => {
  it('a reception online and digitised counts in the period, the field, the procedure, the gauge and the tags', () => {
    const r = rollupDeltas('receive', d('2026-07-01T02:00:00Z'), { ...base, digitised: true });
    expect(r.counters).toEqual({ received: 1, receivedOnline: 1, receivedDigitised: 1 });
    expect(r.byField).toEqual({ received: 1 });
    expect(r.byProcedure).toEqual({ received: 1, receivedOnline: 1 });
    expect(r.live).toEqual({ inProgress: 1 });
    expect(r.tags).toEqual(['received']);
    expect(r.legacy.counts).toEqual({});
  });
  it('a legacy desk reception counts for Circular 01 index 9 too', () => {
    const r = rollupDeltas('receive', d('2026-07-01T02:00:00Z'), { ...base, channel: 'desk', legacy: true });
    expect(r.counters).toEqual({ received: 1 });
    expect(r.legacy.counts).toEqual({ received: 1 });
  });
  it('a resolve is judged twice: against the original appointment (stats) and by the 766 rules', () => {
    const r = rollupDeltas('resolve', d('2026-07-09T03:00:00Z'), { ...base, progress: progress('late'), handlerId: 'h1' });
    expect(r.counters).toEqual({ resolvedEarly: 1, finished: 1, finishedLate: 1, timeUsedPermilleSum: 800, timeUsedCount: 1 });
    expect(r.officer).toEqual({ finished: 1, finishedLate: 1 });
    expect(r.tags).toEqual(['finished', 'late']);
    expect(r.timeliness).toBe('late');
  });
  it('a result returned online is an e-result and closes the gauge; scores add to both Circular 01 sums when legacy', () => {
    const r = rollupDeltas('returnResult', d('2026-07-12T03:00:00Z'), { ...base, legacy: true, returnedVia: 'online', indices: { index1: 2, index2: 1, index3: 2, index4: 2, index7: undefined }, atDesk: true });
    expect(r.counters).toEqual({ returned: 1, returnedOnline: 1 });
    expect(r.live).toEqual({ inProgress: -1 });
    expect(r.indexSums).toEqual({ index1: 2, index2: 1, index3: 2, index4: 2 });
    expect(r.legacy.indexCounts).toEqual({ index1: 1, index2: 1, index3: 1, index4: 1 });
    expect(r.legacy.counts).toEqual({ evaluated: 1, atDesk: 1 });
    expect(r.c01).toEqual({ evaluated: 1, atDesk: 1 });
  });
  it('a dossier closed for its missing supplement before reception is a refusal; events that count nothing are empty', () => {
    expect(rollupDeltas('closeUnsupplemented', d('2026-06-30T03:00:00Z'), { ...base, receivedAt: undefined }).counters).toEqual({ refused: 1 });
    expect(isEmpty(rollupDeltas('assign', d('2026-07-02T03:00:00Z'), base))).toBe(true);
  });
});
