import { describe, expect, it } from 'vitest';
import { COUNTER_SHARDS, counterDocIds, shardOf, sumCounterDocs } from './counter-shards.js';

describe('counter shards', () => {
  it('send an event key to one stable shard and spread keys over all of them', () => {
    expect(shardOf('d1/000003')).toBe(shardOf('d1/000003'));
    const used = new Set(Array.from({ length: 400 }, (_, i) => shardOf(`dossier-${i}/000002`)));
    expect(used.size).toBe(COUNTER_SHARDS);
    expect(counterDocIds('A_2026-07')).toEqual(['A_2026-07', ...Array.from({ length: COUNTER_SHARDS }, (_, k) => `A_2026-07_s${k}`)]);
  });
  it('add up numbers at any depth and keep the identifying fields', () => {
    const sum = sumCounterDocs([
      { agencyId: 'A', period: '2026-07', received: 2, byField: { land: { received: 2 } }, officers: { u1: { finished: 1 } } },
      undefined,
      { agencyId: 'A', period: '2026-07', received: 1, refused: 1, byField: { land: { received: 1 }, civilStatus: { received: 4 } }, officers: { u2: { finished: 3 } } },
    ]);
    expect(sum).toEqual({ agencyId: 'A', period: '2026-07', received: 3, refused: 1, byField: { land: { received: 3 }, civilStatus: { received: 4 } }, officers: { u1: { finished: 1 }, u2: { finished: 3 } } });
  });
});
