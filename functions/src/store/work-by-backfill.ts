// Once, when the queue's sort key arrives on a database that already holds dossiers: writes `workBy`
// (domain/dossier/work-by.ts) on every dossier document that lacks it or holds a stale one. Dossiers written
// since carry it already (store/dossiers.ts). Run with `npm run admin -- backfill-work-by`.
// @idempotent — key: the dossier; a second run finds nothing to write. Each write is conditional on the
// document being unchanged since it was read: a dossier an action rewrote meanwhile got its own `workBy`
// from that action, so a refused write is skipped, never retried over it.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { workByOf } from '../domain/index.js';
import { DOSSIERS } from './dossiers.js';
import { revive } from './revive.js';

export type BackfillResult = { scanned: number; written: number; skipped: number };

export async function backfillWorkBy(db: Firestore, pageSize = 500): Promise<BackfillResult> {
  const result: BackfillResult = { scanned: 0, written: 0, skipped: 0 };
  const writer = db.bulkWriter();
  writer.onWriteError(() => false); // a precondition failure: an action rewrote it with its own workBy
  let after: string | undefined;
  for (;;) {
    let q = db.collection(DOSSIERS).orderBy('__name__').limit(pageSize);
    if (after) q = q.startAfter(after);
    const snap = await q.get();
    for (const d of snap.docs) {
      result.scanned++;
      const data = revive(d.data()) as { status?: string; dueAt?: Date; intake?: { decideBy?: Date }; workBy?: Date };
      const workBy = workByOf({ status: String(data.status ?? ''), dueAt: data.dueAt, intake: data.intake });
      if (data.workBy instanceof Date && data.workBy.getTime() === workBy.getTime()) continue;
      result.written++;
      void writer.update(d.ref, { workBy: Timestamp.fromDate(workBy) }, { lastUpdateTime: d.updateTime }).catch(() => {
        result.written--;
        result.skipped++;
      });
    }
    if (snap.size < pageSize) break;
    after = snap.docs.at(-1)!.id;
  }
  await writer.close();
  return result;
}
