// What Firestore would bill for one RPC, from the request or the answers the SDK saw (the cost model,
// docs/COST.md). Pure arithmetic over the Firestore v1 wire shapes, so it is tested without a database;
// platform/op-counter.ts applies it to a live instance when the bench switches counting on.
//
// Billing rules followed (Firestore pricing, standard edition):
// - a document returned by a lookup (batchGetDocuments) is one read, and so is one asked for but missing;
// - a query (runQuery) is one read per document returned, and at least one read even when it returns none;
// - an aggregation (runAggregationQuery) is one read per batch of up to 1,000 index entries it matched,
//   at least one; a count answers how many it matched, other aggregations are taken as one batch;
// - a listener (listen) is one read per document added to or changed in its results;
// - a commit or batchWrite is one write per set/update/create/transform-only write, one delete per delete
//   (transforms riding on a write are not billed apart); beginTransaction and rollback bill nothing.

export type OpCounts = { reads: number; writes: number; deletes: number; aggregationReads: number };

export const noOps = (): OpCounts => ({ reads: 0, writes: 0, deletes: 0, aggregationReads: 0 });

export function addOps(into: OpCounts, more: OpCounts): OpCounts {
  into.reads += more.reads;
  into.writes += more.writes;
  into.deletes += more.deletes;
  into.aggregationReads += more.aggregationReads;
  return into;
}

/** Writes and deletes of a commit or batchWrite request (`{ writes: [{ update | delete | transform, … }] }`). */
export function tallyWrites(request: unknown): Pick<OpCounts, 'writes' | 'deletes'> {
  const writes = (request as { writes?: unknown } | null | undefined)?.writes;
  if (!Array.isArray(writes)) return { writes: 0, deletes: 0 };
  let deletes = 0;
  for (const w of writes) if (typeof (w as { delete?: unknown } | null)?.delete === 'string') deletes += 1;
  return { writes: writes.length - deletes, deletes };
}

/** Documents one streamed answer carries: a found or missing document of a lookup, a document of a query, a change a listener receives. */
export function documentsInAnswer(method: string, answer: unknown): number {
  const a = answer as { found?: unknown; missing?: unknown; document?: unknown; documentChange?: unknown } | null | undefined;
  if (!a) return 0;
  if (method === 'listen') return a.documentChange ? 1 : 0;
  if (method === 'batchGetDocuments') return a.found || typeof a.missing === 'string' ? 1 : 0;
  if (method === 'runQuery') return a.document ? 1 : 0;
  return 0;
}

/** What a finished query bills: the documents it returned, at least one. */
export const queryReads = (returned: number): number => Math.max(1, returned);

/** Index entries an aggregation answer says it matched: the largest count among its results, if any. */
export function aggregationEntries(answer: unknown): number {
  const fields = (answer as { result?: { aggregateFields?: Record<string, unknown> } } | null | undefined)?.result?.aggregateFields;
  if (!fields) return 0;
  let entries = 0;
  for (const value of Object.values(fields)) {
    const raw = (value as { integerValue?: unknown } | null)?.integerValue;
    const n = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN;
    if (Number.isFinite(n)) entries = Math.max(entries, n);
  }
  return entries;
}

/** One read per batch of up to 1,000 index entries, at least one. */
export const aggregationReads = (entries: number): number => Math.max(1, Math.ceil(entries / 1000));
