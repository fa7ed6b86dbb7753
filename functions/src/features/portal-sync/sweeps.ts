// The portal sync's scheduled jobs. The retry sweep delivers what is due (a retry whose backoff ended, a
// request whose trigger was lost, a dossier whose worker died holding its lease). The reconciliation job
// compares what the portal acknowledged with the dossiers and re-queues what is missing: a request that was
// never written (rebuilt from the dossier's event), and requests that gave up during an outage of the
// portal. Both take "now" from the tick they run for.
import type { Firestore, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { DossierEvent, portalMessagesFor, snapshotAt, type Dossier } from '../../domain/index.js';
import { dossierRef, eventRef, joinDossier, personalRef } from '../../store/dossiers.js';
import { newSyncRequest, portalFactsOf, portalSyncCursorRef, portalSyncRequestRef, PORTAL_SYNC_REQUESTS } from '../../store/portal-sync.js';
import { revive } from '../../store/revive.js';
import { drainDossier, type DrainOutcome, type SyncDeps } from './deliver.js';

export type RetrySweepResult = { due: number; dossiers: number; sent: number; outcomes: Partial<Record<DrainOutcome, number>> };

/** Drains dossiers a few at a time: enough to overlap the portal's latency, few enough to be gentle with it. */
async function drainAll(deps: SyncDeps, dossierIds: readonly string[], concurrency = 4): Promise<{ sent: number; outcomes: Partial<Record<DrainOutcome, number>> }> {
  const outcomes: Partial<Record<DrainOutcome, number>> = {};
  let sent = 0;
  let next = 0;
  const worker = async () => {
    while (next < dossierIds.length) {
      const id = dossierIds[next++]!;
      const result = await drainDossier(deps, id);
      sent += result.sent;
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, dossierIds.length) }, worker));
  return { sent, outcomes };
}

/**
 * Every pending request whose attempt time has come, oldest first; each dossier drained once.
 * Index: `state ASC, nextAttemptAt ASC`.
 * @idempotent by (dossier, version), through drainDossier's cursor and lease.
 */
export async function retryDueSyncs(deps: SyncDeps, limit = 500): Promise<RetrySweepResult> {
  const snap = await deps.db.collection(PORTAL_SYNC_REQUESTS).where('state', '==', 'pending').where('nextAttemptAt', '<=', deps.now()).orderBy('nextAttemptAt').limit(limit).get();
  const dossierIds = [...new Set(snap.docs.map((d) => d.get('dossierId') as string))];
  const { sent, outcomes } = await drainAll(deps, dossierIds);
  return { due: snap.size, dossiers: dossierIds.length, sent, outcomes };
}

export type ReconcileResult = { since: string; checked: number; lagging: number; rebuilt: number; requeued: number; sent: number };

export const RECONCILE_CHECKPOINT = 'system/portalSyncReconcile';
/** Dossiers changed a little before the last run are checked again: a transaction in flight at that tick commits with an earlier updatedAt. */
const OVERLAP_MS = 60 * 60_000;

/**
 * Compares each dossier changed since the last run with its cursor (the version the portal acknowledged)
 * and the requests waiting: a missing request is rebuilt from the dossier's event (`rebuilt: true`); then
 * every request that gave up on a temporary failure (an outage) is queued again; then those dossiers are
 * drained. The checkpoint moves to the tick only forward.
 * @idempotent by (dossier, version): a rebuilt request is created only if absent; re-queuing a pending
 * request changes nothing that matters; a replayed tick checks the same dossiers again.
 */
export async function reconcilePortalSync(deps: SyncDeps, scheduleTime: Date): Promise<ReconcileResult> {
  const { db } = deps;
  const checkpointRef = db.doc(RECONCILE_CHECKPOINT);
  const last = revive((await checkpointRef.get()).get('lastRunAt') as unknown) as Date | undefined;
  const since = last instanceof Date ? new Date(last.getTime() - OVERLAP_MS) : new Date(0);
  const toDrain = new Set<string>();
  let checked = 0;
  let lagging = 0;
  let rebuilt = 0;

  let cursor: QueryDocumentSnapshot | undefined;
  for (;;) {
    let query = db.collection('dossiers').where('updatedAt', '>=', since).orderBy('updatedAt').limit(300);
    if (cursor) query = query.startAfter(cursor);
    const page = await query.get();
    for (const doc of page.docs) {
      checked += 1;
      const version = doc.get('version') as unknown;
      if (typeof version !== 'number' || version < 1 || typeof doc.get('code') !== 'string') continue; // a draft: nothing to sync
      const made = await requeueMissing(deps, doc.id, version);
      if (made === undefined) continue;
      lagging += 1;
      rebuilt += made;
      toDrain.add(doc.id);
    }
    if (page.size < 300) break;
    cursor = page.docs[page.docs.length - 1];
  }

  // An outage of the portal makes requests give up after their last retry: queue them again.
  const gaveUp = await db.collection(PORTAL_SYNC_REQUESTS).where('state', '==', 'failed').where('failure', '==', 'temporary').limit(1000).get();
  const now = deps.now();
  for (let i = 0; i < gaveUp.docs.length; i += 400) {
    const batch = db.batch();
    for (const doc of gaveUp.docs.slice(i, i + 400)) {
      batch.update(doc.ref, { state: 'pending', attempts: 0, nextAttemptAt: now, requeuedAt: now });
      toDrain.add(doc.get('dossierId') as string);
    }
    await batch.commit();
  }

  const { sent } = await drainAll(deps, [...toDrain]);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(checkpointRef);
    const previous = revive(snap.get('lastRunAt') as unknown);
    if (!(previous instanceof Date) || previous < scheduleTime) tx.set(checkpointRef, { lastRunAt: scheduleTime }, { merge: true });
  });
  return { since: since.toISOString(), checked, lagging, rebuilt, requeued: gaveUp.size, sent };
}

/**
 * For one dossier: undefined when the portal has acknowledged its latest version; otherwise how many
 * missing requests were rebuilt (0 when they all exist and only wait to be sent).
 */
async function requeueMissing(deps: SyncDeps, dossierId: string, version: number): Promise<number | undefined> {
  const { db } = deps;
  const sentVersion = ((await portalSyncCursorRef(db, dossierId).get()).get('sentVersion') as number | undefined) ?? 0;
  if (sentVersion >= version) return undefined;
  const present = await db.collection(PORTAL_SYNC_REQUESTS).where('dossierId', '==', dossierId).where('version', '>', sentVersion).select('version').get();
  const have = new Set(present.docs.map((d) => d.get('version') as number));
  const missing: number[] = [];
  for (let v = sentVersion + 1; v <= version; v++) if (!have.has(v)) missing.push(v);
  if (missing.length === 0) return 0;
  const current = await loadDossier(db, dossierId);
  if (!current) return 0;
  let made = 0;
  for (const v of missing) {
    const eventSnap = await eventRef(db, dossierId, v).get();
    const parsed = DossierEvent.safeParse(revive(eventSnap.data()));
    if (!parsed.success) continue; // an event that does not parse cannot be synced; the gap stays visible
    const event = parsed.data;
    const snapshot = snapshotAt(current, event);
    const facts = await portalFactsOf(db, snapshot, event);
    const request = { ...newSyncRequest(snapshot, event, portalMessagesFor(snapshot, event, facts), facts.field), nextAttemptAt: deps.now(), rebuilt: true };
    const created = await portalSyncRequestRef(db, dossierId, v)
      .create(request)
      .then(() => true)
      .catch((err: { code?: number }) => {
        if (err.code === 6) return false; // ALREADY_EXISTS: written meanwhile by its own transaction
        throw err;
      });
    if (created) made += 1;
  }
  return made;
}

async function loadDossier(db: Firestore, dossierId: string): Promise<Dossier | undefined> {
  const [snap, personal] = await db.getAll(dossierRef(db, dossierId), personalRef(db, dossierId));
  if (!snap!.exists) return undefined;
  return joinDossier(snap!.data()!, personal!.data()).dossier;
}
