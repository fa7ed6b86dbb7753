// Statistics and roll-ups are sharded counters (store/counter-shards.ts): a figure is the sum of its base
// document and its shards. Tests read it as the dashboard does.
import type { Firestore } from 'firebase-admin/firestore';
import { counterDocIds, sumCounterDocs } from '../../functions/src/store/counter-shards.js';

export type CounterDoc = Record<string, unknown>;

/** The counter `collection/baseId` summed over its shards; undefined when none of them exists. */
export async function summedCounter(db: Firestore, collection: string, baseId: string): Promise<CounterDoc | undefined> {
  const docs = (await db.getAll(...counterDocIds(baseId).map((id) => db.doc(`${collection}/${id}`)))).filter((s) => s.exists);
  return docs.length ? (sumCounterDocs(docs.map((s) => s.data())) as CounterDoc) : undefined;
}
