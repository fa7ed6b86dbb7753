// Sharded counters (issue 19, "hot counters"). Firestore sustains about one write per second on one document,
// and at a busy desk's morning peak every dossier event of an agency lands on the same statistics document
// (`stats/{agencyId}_{field}_{month}`) and the same roll-ups (`rollups/{agencyId}_{month|week|live}`,
// `officerStats/{agencyId}_{month}`). The event triggers therefore add to one of COUNTER_SHARDS shard documents
// `{baseId}_s{k}`, k chosen by a hash of the event's key, so the same event always lands on the same shard (and
// its processed marker still makes it count once). Every shard carries the base document's identifying fields
// (agencyId, field, month / period, kind), so the readers' queries (transparency, dashboard, sync share) return
// the base document and its shards together and add them up by those fields; low-rate writers (ratings at the
// desk, the portal's acknowledgements, feedback) keep writing the base document. A range costs at most
// (COUNTER_SHARDS + 1) documents per agency and period, whatever the number of dossiers.
import { createHash } from 'node:crypto';
import type { DocumentData } from 'firebase-admin/firestore';

/** 8 shards: about 8 events per second per agency and period, above the 10-a-second desk spread over fields. */
export const COUNTER_SHARDS = 8;

/** The shard an event's increments go to: stable for the key (a replay lands on the same shard). */
export function shardOf(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % COUNTER_SHARDS;
}

export const shardDocId = (baseId: string, shard: number) => `${baseId}_s${shard}`;

/** Whether a document id is a shard's (`…_s{k}`), not a base document's. */
export const isShardDocId = (docId: string): boolean => /_s\d+$/.test(docId);

/** The base document and every shard of it, for a reader that fetches by id. */
export const counterDocIds = (baseId: string): string[] => [baseId, ...Array.from({ length: COUNTER_SHARDS }, (_, k) => shardDocId(baseId, k))];

/**
 * Adds counter documents up: numbers are summed, maps are added key by key (at any depth); any other value
 * (the identifying fields, timestamps) is taken from the first document that has it.
 */
export function sumCounterDocs(docs: readonly (DocumentData | undefined)[]): DocumentData {
  const into: DocumentData = {};
  for (const doc of docs) if (doc) addCounters(into, doc);
  return into;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function addCounters(into: Record<string, unknown>, doc: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(doc)) {
    const current = into[key];
    if (typeof value === 'number') into[key] = (typeof current === 'number' ? current : 0) + value;
    else if (isMap(value)) {
      const target = isMap(current) ? current : {};
      into[key] = target;
      addCounters(target, value);
    } else if (current === undefined) into[key] = value;
  }
}
