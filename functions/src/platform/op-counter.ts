// The cost model's meter (docs/COST.md, bench/cost.ts): counts, per function invocation, the document
// reads, writes and deletes Firestore would bill, and appends one JSON line per invocation to the file
// named by MOTCUA_OP_COUNTS. Only the cost bench sets that variable, and only for its own emulator run.
//
// Off (the variable unset, as in production and every test) it changes nothing: `countFirestore` returns
// the instance untouched and `countInvocations` returns the very handler it was given, so no wrapper, no
// AsyncLocalStorage and no file access sits on any path.
//
// On, it listens where every Firestore call of the Admin SDK passes: the instance's `request` (commit,
// batchWrite: the writes sent) and `requestStream` (lookups, queries, aggregations, listeners: the answers
// received), so reads inside transactions, batches and retried transactions are counted as Firestore bills
// them.
// The arithmetic is op-tally.ts. Each invocation is named by the function the emulator's worker runs
// (FUNCTION_TARGET) and, for the api function, by the route the router matched.
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { Firestore } from 'firebase-admin/firestore';
import { addOps, aggregationEntries, aggregationReads, documentsInAnswer, noOps, queryReads, tallyWrites, type OpCounts } from './op-tally.js';

const OUTPUT = process.env.MOTCUA_OP_COUNTS;

type Invocation = { fn: string; route?: string; counts: OpCounts; started: number };

const current = new AsyncLocalStorage<Invocation>();
/** Calls made outside any counted invocation (module load, a timer): reported with the next line. */
let stray: OpCounts = noOps();

const fnName = () => process.env.FUNCTION_TARGET ?? process.env.K_SERVICE ?? 'unknown';

function record(into: Invocation | undefined, more: Partial<OpCounts>): void {
  addOps(into?.counts ?? stray, { ...noOps(), ...more });
}

function emit(line: Record<string, unknown>): void {
  if (OUTPUT) appendFileSync(OUTPUT, `${JSON.stringify(line)}\n`);
}

/** The answer stream the SDK hands back (a PassThrough): only its `emit` is looked at. */
type Stream = { emit: (event: string | symbol, ...args: unknown[]) => boolean };
type Internals = {
  request: (method: string, request: unknown, ...rest: unknown[]) => Promise<unknown>;
  requestStream: (method: string, bidirectional: boolean, request: unknown, ...rest: unknown[]) => Promise<Stream>;
};

/** The same instance, metered when MOTCUA_OP_COUNTS is set; untouched otherwise. */
export function countFirestore(db: Firestore): Firestore {
  if (!OUTPUT) return db;
  // `request` and `requestStream` are the SDK's internal funnels (every commit and every read passes one);
  // overriding them on this instance only leaves the SDK's own classes as they are.
  const sdk = db as unknown as Internals;
  const request = sdk.request.bind(db);
  const requestStream = sdk.requestStream.bind(db);
  sdk.request = async (method, body, ...rest) => {
    const at = current.getStore();
    const answer = await request(method, body, ...rest);
    if (method === 'commit' || method === 'batchWrite') record(at, tallyWrites(body));
    return answer;
  };
  sdk.requestStream = async (method, bidirectional, body, ...rest) => {
    const at = current.getStore();
    const stream = await requestStream(method, bidirectional, body, ...rest);
    if (method !== 'batchGetDocuments' && method !== 'runQuery' && method !== 'runAggregationQuery' && method !== 'listen') return stream;
    let documents = 0;
    let entries = 0;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      if (method === 'runQuery') record(at, { reads: queryReads(documents) });
      if (method === 'runAggregationQuery') record(at, { aggregationReads: aggregationReads(entries) });
    };
    const original = stream.emit.bind(stream);
    stream.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'data') {
        if (method === 'runAggregationQuery') entries = Math.max(entries, aggregationEntries(args[0]));
        else {
          const found = documentsInAnswer(method, args[0]);
          documents += found;
          if ((method === 'batchGetDocuments' || method === 'listen') && found > 0) record(at, { reads: found });
        }
      } else if (event === 'end' || event === 'close' || event === 'error') settle();
      return original(event, ...args);
    };
    return stream;
  };
  return db;
}

/**
 * The handler itself when counting is off; when on, the handler run as one counted invocation whose
 * tally is appended to the file when it settles (resolved or thrown).
 */
export function countInvocations<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  if (!OUTPUT) return handler;
  return (...args: A) => {
    const invocation: Invocation = { fn: fnName(), counts: noOps(), started: Date.now() };
    return current.run(invocation, async () => {
      try {
        return await handler(...args);
      } finally {
        const leftover = stray;
        stray = noOps();
        emit({ fn: invocation.fn, ...(invocation.route ? { route: invocation.route } : {}), invocations: 1, ms: Date.now() - invocation.started, ...invocation.counts });
        if (leftover.reads + leftover.writes + leftover.deletes + leftover.aggregationReads > 0) emit({ fn: invocation.fn, route: '(outside an invocation)', invocations: 0, ms: 0, ...leftover });
      }
    });
  };
}

/** Names the running invocation by its route (the api function serves many); nothing when counting is off. */
export function nameInvocation(route: string): void {
  const invocation = current.getStore();
  if (invocation) invocation.route = route;
}
