// The backlog figures (`backlog/`: dossiers overdue and due soon now, per agency, field and procedure) kept by
// the sweep's own transitions (issue 19): when a pass changes a dossier's watch, the same transaction takes the
// old watch's share out of its agency's figures and adds the new one's. Nothing re-reads the backlog on a
// schedule. Each change lands on one of COUNTER_SHARDS shard documents `backlog/{agencyId}_s{k}`, k from the
// dossier id, so the sweep's parallel transactions for one agency rarely meet on one document; the dashboard
// adds the shards up by `agencyId`. The base document `backlog/{agencyId}` holds the feedback figure
// (rollups/backlog.schedule.ts).
//
// A full pass of the sweep (first run, or a calendar change) rebuilds every shard from the watches, so the
// figures heal from anything written before this design or by hand.
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { BACKLOG } from '../../store/rollups.js';
import { isShardDocId, shardDocId, shardOf } from '../../store/counter-shards.js';
import { UNKNOWN_FIELD } from '../../store/reference-data.js';

/** What one watched dossier adds to its agency's backlog. */
export type BacklogShare = { agencyId: string; field: string; procedureCode: string; overdue: boolean; dueSoon: boolean };

type Counts = { overdue: number; dueSoon: number };
/** Per agency: its totals and its figures by field and by procedure (increments, may be negative). */
export type BacklogDelta = Map<string, Counts & { byField: Record<string, Counts>; byProcedure: Record<string, Counts> }>;


/** The share of a stored or computed watch; none when it flags neither overdue nor due soon. */
export function shareOf(watch: Record<string, unknown> | undefined): BacklogShare | undefined {
  if (!watch || typeof watch.agencyId !== 'string') return undefined;
  const overdue = watch.overdue === true;
  const dueSoon = watch.dueSoon === true;
  if (!overdue && !dueSoon) return undefined;
  return {
    agencyId: watch.agencyId,
    field: typeof watch.field === 'string' && watch.field !== '' ? watch.field : UNKNOWN_FIELD,
    procedureCode: typeof watch.procedureCode === 'string' && watch.procedureCode !== '' ? watch.procedureCode : UNKNOWN_FIELD,
    overdue,
    dueSoon,
  };
}

/** Adds `sign` × `share` into `delta`. */
function addShare(delta: BacklogDelta, share: BacklogShare | undefined, sign: 1 | -1): void {
  if (!share) return;
  const entry = delta.get(share.agencyId) ?? { overdue: 0, dueSoon: 0, byField: {}, byProcedure: {} };
  delta.set(share.agencyId, entry);
  const o = share.overdue ? sign : 0;
  const s = share.dueSoon ? sign : 0;
  entry.overdue += o;
  entry.dueSoon += s;
  for (const [map, key] of [[entry.byField, share.field], [entry.byProcedure, share.procedureCode]] as const) {
    const c = (map[key] ??= { overdue: 0, dueSoon: 0 });
    c.overdue += o;
    c.dueSoon += s;
  }
}

/** What replacing the `before` share by the `after` share changes in the figures (empty when nothing does). */
export function backlogDelta(before: BacklogShare | undefined, after: BacklogShare | undefined): BacklogDelta {
  const delta: BacklogDelta = new Map();
  addShare(delta, before, -1);
  addShare(delta, after, 1);
  return delta;
}

const nonZero = (c: Counts) => c.overdue !== 0 || c.dueSoon !== 0;

/** Writes `delta` for one dossier as increments on its shard, inside the sweep's transaction (after its reads). */
export function writeBacklogDelta(db: Firestore, tx: Transaction, dossierId: string, delta: BacklogDelta): void {
  const shard = shardOf(dossierId);
  const inc = (c: Counts) => ({ overdue: FieldValue.increment(c.overdue), dueSoon: FieldValue.increment(c.dueSoon) });
  const part = (m: Record<string, Counts>) => Object.fromEntries(Object.entries(m).filter(([, c]) => nonZero(c)).map(([k, c]) => [k, inc(c)]));
  for (const [agencyId, d] of delta) {
    // Unchanged figures (a watch whose flags moved between due soon and overdue in step, or whose other facts
    // changed) write nothing.
    if (!nonZero(d) && ![...Object.values(d.byField), ...Object.values(d.byProcedure)].some(nonZero)) continue;
    // A merge keeps the other dossiers' increments in nested maps; keys are taken literally (procedure codes have dots).
    tx.set(db.collection(BACKLOG).doc(shardDocId(agencyId, shard)), { agencyId, ...inc(d), byField: part(d.byField), byProcedure: part(d.byProcedure) }, { merge: true });
  }
}

/**
 * Recomputes every shard from the stored watches (a full pass of the sweep): each shard document is
 * overwritten with its exact figures, and a shard no watch contributes to any more is deleted.
 * @idempotent: the result depends only on the watches.
 */
export async function rebuildBacklog(db: Firestore, watchCollection: string): Promise<{ watches: number; shards: number }> {
  const [watches, existing] = await Promise.all([db.collection(watchCollection).get(), db.collection(BACKLOG).select().get()]);
  const perShard = new Map<string, BacklogDelta>();
  for (const doc of watches.docs) {
    const share = shareOf(doc.data());
    if (!share) continue;
    const id = shardDocId(share.agencyId, shardOf(doc.id));
    const delta = perShard.get(id) ?? new Map();
    perShard.set(id, delta);
    addShare(delta, share, 1);
  }
  const writes: [string, Record<string, unknown> | null][] = [...perShard].map(([id, delta]) => {
    const [[agencyId, d]] = [...delta] as [[string, Counts & { byField: Record<string, Counts>; byProcedure: Record<string, Counts> }]];
    return [id, { agencyId, overdue: d.overdue, dueSoon: d.dueSoon, byField: d.byField, byProcedure: d.byProcedure }];
  });
  for (const doc of existing.docs) if (isShardDocId(doc.id) && !perShard.has(doc.id)) writes.push([doc.id, null]);
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db.batch();
    for (const [id, data] of writes.slice(i, i + 400)) {
      const ref = db.collection(BACKLOG).doc(id);
      if (data) batch.set(ref, data);
      else batch.delete(ref);
    }
    await batch.commit();
  }
  return { watches: watches.size, shards: perShard.size };
}
