import { describe, expect, it } from 'vitest';
import { addOps, aggregationEntries, aggregationReads, documentsInAnswer, noOps, queryReads, tallyWrites } from './op-tally.js';

describe('what Firestore bills for one RPC', () => {
  it('counts a commit: one write per set, update, create or transform-only write, one delete per delete', () => {
    const name = 'projects/p/databases/(default)/documents/dossiers/d1';
    const request = {
      writes: [
        { update: { name, fields: {} } },
        { update: { name, fields: {} }, currentDocument: { exists: false } },
        { update: { name, fields: {} }, updateTransforms: [{ fieldPath: 'n', increment: { integerValue: '1' } }] },
        { transform: { document: name, fieldTransforms: [] } },
        { delete: name },
        { delete: `${name}/events/000001` },
      ],
    };
    expect(tallyWrites(request)).toEqual({ writes: 4, deletes: 2 });
    expect(tallyWrites({ writes: [] })).toEqual({ writes: 0, deletes: 0 });
    expect(tallyWrites(undefined)).toEqual({ writes: 0, deletes: 0 });
  });

  it('counts a lookup per document asked, found or missing, and nothing for a bare transaction answer', () => {
    expect(documentsInAnswer('batchGetDocuments', { found: { name: 'a' }, readTime: {} })).toBe(1);
    expect(documentsInAnswer('batchGetDocuments', { missing: 'projects/p/databases/(default)/documents/x/y' })).toBe(1);
    expect(documentsInAnswer('batchGetDocuments', { transaction: Buffer.from('t') })).toBe(0);
  });

  it('bills a listener each document added or changed, and nothing for its bookkeeping answers', () => {
    expect(documentsInAnswer('listen', { documentChange: { document: { name: 'a' }, targetIds: [1] } })).toBe(1);
    expect(documentsInAnswer('listen', { targetChange: { targetChangeType: 'CURRENT' } })).toBe(0);
    expect(documentsInAnswer('listen', { documentDelete: { document: 'a' } })).toBe(0);
  });

  it('bills a query its documents, and one read when it returns none', () => {
    expect(documentsInAnswer('runQuery', { document: { name: 'a' }, readTime: {} })).toBe(1);
    expect(documentsInAnswer('runQuery', { readTime: {}, skippedResults: 0 })).toBe(0);
    expect(queryReads(0)).toBe(1);
    expect(queryReads(1)).toBe(1);
    expect(queryReads(37)).toBe(37);
  });

  it('bills an aggregation one read per 1,000 index entries matched, at least one', () => {
    expect(aggregationEntries({ result: { aggregateFields: { count: { integerValue: '1500' } } } })).toBe(1500);
    expect(aggregationEntries({ result: { aggregateFields: { a: { integerValue: 3 }, b: { integerValue: '2000' } } } })).toBe(2000);
    expect(aggregationEntries({ result: { aggregateFields: { total: { doubleValue: 12.5 } } } })).toBe(0);
    expect(aggregationEntries({ readTime: {} })).toBe(0);
    expect(aggregationReads(0)).toBe(1);
    expect(aggregationReads(1000)).toBe(1);
    expect(aggregationReads(1001)).toBe(2);
    expect(aggregationReads(1500)).toBe(2);
    expect(aggregationReads(20_000)).toBe(20);
  });

  it('adds tallies field by field', () => {
    const sum = addOps(addOps(noOps(), { reads: 3, writes: 2, deletes: 1, aggregationReads: 4 }), { reads: 1, writes: 1, deletes: 0, aggregationReads: 1 });
    expect(sum).toEqual({ reads: 4, writes: 3, deletes: 1, aggregationReads: 5 });
  });
});
