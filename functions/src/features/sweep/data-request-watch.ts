// Data subject requests under the sweep (Decree 356/2025: reply within 2 working days, complete within 15
// days, one 15-day extension). Kept apart from the dossier sweep so that the two can be reworked
// separately: the sweep calls `watchDataRequests` once per pass. It writes each open request's lateness
// (`late: { reply, complete }`) where it changed, so the officer queue and the figures read it without
// recomputing, and counts them for the sweep's log line.
import type { Firestore } from 'firebase-admin/firestore';
import { dataRequestLateness, type DataRequestStatus } from '../../domain/index.js';
import { DATA_REQUESTS } from '../../store/privacy.js';
import { revive } from '../../store/revive.js';

export type DataRequestWatchResult = { open: number; replyLate: number; completeLate: number; updated: number };

/**
 * @idempotent by request id and schedule time: `late` depends only on the stored request and `now`, and is
 * written only when it differs, so a repeated pass writes nothing.
 */
export async function watchDataRequests(db: Firestore, now: Date): Promise<DataRequestWatchResult> {
  const snap = await db.collection(DATA_REQUESTS).where('status', 'in', ['open', 'replied']).get();
  const result: DataRequestWatchResult = { open: snap.size, replyLate: 0, completeLate: 0, updated: 0 };
  const batch = db.batch();
  for (const doc of snap.docs) {
    const d = revive(doc.data()) as { receivedAt: Date; replyDueAt: Date; completeDueAt: Date; status: DataRequestStatus; repliedAt?: Date; late?: { reply?: boolean; complete?: boolean } };
    if (!(d.replyDueAt instanceof Date) || !(d.completeDueAt instanceof Date)) continue;
    const late = dataRequestLateness(d, now);
    if (late.replyLate) result.replyLate += 1;
    if (late.completeLate) result.completeLate += 1;
    if (d.late?.reply !== late.replyLate || d.late?.complete !== late.completeLate) {
      batch.update(doc.ref, { late: { reply: late.replyLate, complete: late.completeLate, at: now } });
      result.updated += 1;
    }
  }
  if (result.updated > 0) await batch.commit();
  return result;
}
