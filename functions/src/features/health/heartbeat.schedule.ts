// A scheduled heartbeat: proves the scheduler wire and tells monitors the job runner is alive.
import type { Firestore } from 'firebase-admin/firestore';
import { logs } from '../../platform/logs.js';

export const HEARTBEAT_DOC = 'system/heartbeat';

/**
 * Records the latest schedule time ("now" is the schedule time, never the wall clock).
 * @idempotent by schedule time: a repeated or older run leaves the document as it is.
 */
export async function recordHeartbeat(db: Firestore, scheduleTime: string): Promise<boolean> {
  const at = new Date(scheduleTime);
  if (Number.isNaN(at.getTime())) throw new Error(`invalid scheduleTime: ${scheduleTime}`);
  const ref = db.doc(HEARTBEAT_DOC);
  const recorded = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const last = snap.get('lastScheduleTime') as { toDate(): Date } | undefined;
    if (last && last.toDate().getTime() >= at.getTime()) return false;
    tx.set(ref, { lastScheduleTime: at, runs: ((snap.get('runs') as number | undefined) ?? 0) + 1 }, { merge: true });
    return true;
  });
  logs.heartbeat(scheduleTime, recorded);
  return recorded;
}
