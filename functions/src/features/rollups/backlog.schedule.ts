// The feedback part of the backlog: how many feedback cases of each agency are past a deadline now, in the
// base document `backlog/{agencyId}`. The dossier part (overdue and due soon, by field and procedure) is kept
// by the deadline sweep's own transitions in the shards `backlog/{agencyId}_s{k}` (sweep/backlog-counts.ts);
// the dashboard adds the base document and its shards up. This job reads only the feedback cases whose next
// deadline has passed, never the dossiers or their watches (issue 19).
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { FeedbackStatus, missedDeadlines } from '../../domain/index.js';
import { isShardDocId } from '../../store/counter-shards.js';
import { revive } from '../../store/revive.js';
import { BACKLOG, FEEDBACK } from '../../store/rollups.js';

export const ScheduleTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'scheduleTime must be an ISO 8601 instant' });

const OpenCase = z.object({ agencyId: z.string(), status: FeedbackStatus, deadlines: z.object({ refuseBy: z.date(), askInfoBy: z.date(), answerBy: z.date(), publishBy: z.date().nullable() }) });

export type BacklogResult = { scheduleTime: string; feedbackRead: number; agencies: number };


/**
 * @idempotent by tick: each base `backlog/{agencyId}` is overwritten with the feedback figure computed at
 * `scheduleTime`; agencies that had one and have none now are set to zero. (A base document written by the
 * former snapshot, with dossier figures in it, is overwritten too: those now live in the shards.)
 */
export async function snapshotBacklog(db: Firestore, scheduleTime: string): Promise<BacklogResult> {
  const now = new Date(ScheduleTime.parse(scheduleTime));
  const [cases, previous] = await Promise.all([db.collection(FEEDBACK).where('nextDueAt', '<=', now).get(), db.collection(BACKLOG).select().get()]);
  const per = new Map<string, number>(previous.docs.filter((d) => !isShardDocId(d.id)).map((d) => [d.id, 0]));
  for (const doc of cases.docs) {
    const c = OpenCase.safeParse(revive(doc.data()));
    if (c.success && missedDeadlines(c.data, now).length > 0) per.set(c.data.agencyId, (per.get(c.data.agencyId) ?? 0) + 1);
  }
  const entries = [...per.entries()];
  for (let i = 0; i < entries.length; i += 400) {
    const batch = db.batch();
    for (const [agencyId, feedbackOverdue] of entries.slice(i, i + 400)) batch.set(db.collection(BACKLOG).doc(agencyId), { agencyId, feedbackOverdue, at: now });
    await batch.commit();
  }
  return { scheduleTime: now.toISOString(), feedbackRead: cases.size, agencies: per.size };
}
