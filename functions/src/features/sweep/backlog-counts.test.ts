import { describe, expect, it } from 'vitest';
import { isShardDocId } from '../../store/counter-shards.js';
import { backlogDelta, shareOf } from './backlog-counts.js';

const watch = (agencyId: string, overdue: boolean, dueSoon: boolean) => ({ agencyId, overdue, dueSoon, field: 'land', procedureCode: '1.012792' });

describe('backlog shares and deltas', () => {
  it('a watch flagging nothing has no share; a legacy watch without facts counts under "unknown"', () => {
    expect(shareOf(watch('A', false, false))).toBeUndefined();
    expect(shareOf(undefined)).toBeUndefined();
    expect(shareOf({ agencyId: 'A', overdue: true, dueSoon: false })).toEqual({ agencyId: 'A', overdue: true, dueSoon: false, field: 'unknown', procedureCode: 'unknown' });
  });

  it('a new watch adds one, a cleared one takes one out, a move between flags nets to zero in total', () => {
    expect(backlogDelta(undefined, shareOf(watch('A', true, false))).get('A')).toEqual({ overdue: 1, dueSoon: 0, byField: { land: { overdue: 1, dueSoon: 0 } }, byProcedure: { '1.012792': { overdue: 1, dueSoon: 0 } } });
    expect(backlogDelta(shareOf(watch('A', false, true)), undefined).get('A')).toMatchObject({ overdue: 0, dueSoon: -1 });
    expect(backlogDelta(shareOf(watch('A', false, true)), shareOf(watch('A', true, false))).get('A')).toMatchObject({ overdue: 1, dueSoon: -1, byField: { land: { overdue: 1, dueSoon: -1 } } });
  });

  it('a transfer moves the share from one agency to the other', () => {
    const delta = backlogDelta(shareOf(watch('A', true, false)), shareOf(watch('B', true, false)));
    expect(delta.get('A')).toMatchObject({ overdue: -1 });
    expect(delta.get('B')).toMatchObject({ overdue: 1 });
  });

  it('tells shard documents from base documents', () => {
    expect(isShardDocId('000.00.01.H99_s7')).toBe(true);
    expect(isShardDocId('000.00.01.H99')).toBe(false);
  });
});
