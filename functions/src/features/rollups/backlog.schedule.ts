// The backlog snapshot: how many dossiers each agency holds overdue or due soon now, by field and
// procedure, and how many feedback cases are past a deadline. Overdue depends on the clock, not on an
// event, so the deadline sweep's flags (`deadlineWatch/`, one document per flagged dossier) are its source;
// this job turns them into one document per agency, `backlog/{agencyId}`, which the dashboard reads in
// O(agencies). It reads only flagged dossiers and overdue cases, never all dossiers.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { FeedbackStatus, missedDeadlines } from '../../domain/index.js';
import { revive } from '../../store/revive.js';
import { BACKLOG, DOSSIER_FACTS, FEEDBACK } from '../../store/rollups.js';

export const ScheduleTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'scheduleTime must be an ISO 8601 instant' });

const Watch = z.object({ agencyId: z.string(), overdue: z.boolean(), dueSoon: z.boolean() });
const OpenCase = z.object({ agencyId: z.string(), status: FeedbackStatus, deadlines: z.object({ refuseBy: z.date(), askInfoBy: z.date(), answerBy: z.date(), publishBy: z.date().nullable() }) });

type Counts = { overdue: number; dueSoon: number };
type AgencyBacklog = Counts & { byField: Record<string, Counts>; byProcedure: Record<string, Counts>; feedbackOverdue: number };

export type BacklogResult = { scheduleTime: string; watched: number; feedbackRead: number; agencies: number };

const empty = (): AgencyBacklog => ({ overdue: 0, dueSoon: 0, byField: {}, byProcedure: {}, feedbackOverdue: 0 });
const bump = (into: Record<string, Counts>, key: string, w: { overdue: boolean; dueSoon: boolean }) => {
  const c = (into[key] ??= { overdue: 0, dueSoon: 0 });
  if (w.overdue) c.overdue += 1;
  if (w.dueSoon) c.dueSoon += 1;
};

/**
 * @idempotent by tick: each `backlog/{agencyId}` is overwritten with values computed from the stored flags
 * at `scheduleTime`; agencies that had a backlog and have none now are set to zero.
 */
export async function snapshotBacklog(db: Firestore, scheduleTime: string): Promise<BacklogResult> {
  const now = new Date(ScheduleTime.parse(scheduleTime));
  const [watches, cases, previous] = await Promise.all([db.collection('deadlineWatch').get(), db.collection(FEEDBACK).where('nextDueAt', '<=', now).get(), db.collection(BACKLOG).get()]);
  const per = new Map<string, AgencyBacklog>(previous.docs.map((d) => [d.id, empty()]));
  const of = (agencyId: string) => per.get(agencyId) ?? (per.set(agencyId, empty()), per.get(agencyId)!);
  const flagged = watches.docs.flatMap((d) => {
    const w = Watch.safeParse(d.data());
    return w.success && (w.data.overdue || w.data.dueSoon) ? [{ id: d.id, ...w.data }] : [];
  });
  const facts = new Map<string, { field: string; procedureCode: string }>();
  for (let i = 0; i < flagged.length; i += 300) {
    const refs = flagged.slice(i, i + 300).map((w) => db.collection(DOSSIER_FACTS).doc(w.id));
    if (refs.length === 0) continue;
    for (const snap of await db.getAll(...refs)) {
      const field = snap.get('field') as unknown;
      const procedureCode = snap.get('procedureCode') as unknown;
      if (typeof field === 'string' && typeof procedureCode === 'string') facts.set(snap.id, { field, procedureCode });
    }
  }
  for (const w of flagged) {
    const b = of(w.agencyId);
    if (w.overdue) b.overdue += 1;
    if (w.dueSoon) b.dueSoon += 1;
    const f = facts.get(w.id);
    bump(b.byField, f?.field ?? 'unknown', w);
    bump(b.byProcedure, f?.procedureCode ?? 'unknown', w);
  }
  for (const doc of cases.docs) {
    const c = OpenCase.safeParse(revive(doc.data()));
    if (c.success && missedDeadlines(c.data, now).length > 0) of(c.data.agencyId).feedbackOverdue += 1;
  }
  const entries = [...per.entries()];
  for (let i = 0; i < entries.length; i += 400) {
    const batch = db.batch();
    for (const [agencyId, b] of entries.slice(i, i + 400)) batch.set(db.collection(BACKLOG).doc(agencyId), { agencyId, ...b, at: now });
    await batch.commit();
  }
  return { scheduleTime: now.toISOString(), watched: flagged.length, feedbackRead: cases.size, agencies: per.size };
}
