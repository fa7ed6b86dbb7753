// The feedback sweep: finds cases past a deadline (not triaged within the refusal period, not answered in
// time, answer not published in time) and escalates each miss, first to the leads of the agency handling
// it and, two working days later, to the province monitors as well. Reads only cases whose next deadline
// has passed (`nextDueAt`, single-field index), so its cost follows the overdue backlog, not all cases.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { FEEDBACK_DEADLINE_DEFAULTS, missedDeadlines, workingDaysAfter, type WorkingCalendar } from '../../domain/index.js';
import { logs } from '../../platform/logs.js';
import { FEEDBACK } from '../../store/rollups.js';
import { caseOf, feedbackRef } from './feedback-doc.js';

export const FEEDBACK_TASKS = 'feedbackTasks';

/** Working days after a missed deadline when the monitors are told too. */
export const MONITOR_AFTER_WORKING_DAYS = 2;

export const ScheduleTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'scheduleTime must be an ISO 8601 instant' });

export type FeedbackSweepResult = { scheduleTime: string; read: number; missed: number; tasksCreated: number };

export const feedbackTaskId = (feedbackId: string, kind: string, level: 1 | 2) => `${feedbackId}_${kind}_${level}`;

/**
 * @idempotent by (case, missed deadline, level): `feedbackTasks/{id}_{kind}_{level}` is created only if
 * absent, in a transaction with the case's `escalations` entry; a repeated tick creates nothing new.
 */
export async function runFeedbackSweep(deps: { db: Firestore; calendar: WorkingCalendar }, scheduleTime: string): Promise<FeedbackSweepResult> {
  const now = new Date(ScheduleTime.parse(scheduleTime));
  const { db } = deps;
  const snap = await db.collection(FEEDBACK).where('nextDueAt', '<=', now).get();
  const leads = new Map<string, string[]>();
  let monitors: string[] | undefined;
  let missed = 0;
  let tasksCreated = 0;
  for (const doc of snap.docs) {
    let c;
    try {
      c = caseOf(doc.data());
    } catch {
      logs.storedDocumentSkipped(`${FEEDBACK}/${doc.id}`, 'malformed feedback');
      continue;
    }
    for (const miss of missedDeadlines(c, now)) {
      missed += 1;
      const levels: (1 | 2)[] = [1];
      const monitorsFrom = workingDaysAfter(miss.dueAt, MONITOR_AFTER_WORKING_DAYS, { calendar: deps.calendar, days: FEEDBACK_DEADLINE_DEFAULTS });
      if (monitorsFrom.getTime() <= now.getTime()) levels.push(2);
      for (const level of levels) {
        if (!leads.has(c.agencyId)) {
          const found = await db.collection('users').where('agencyId', '==', c.agencyId).where('role', '==', 'lead').get();
          leads.set(c.agencyId, found.docs.map((u) => u.id).sort());
        }
        if (level === 2 && monitors === undefined) monitors = (await db.collection('users').where('role', '==', 'monitor').get()).docs.map((u) => u.id).sort();
        const assigneeUids = [...leads.get(c.agencyId)!, ...(level === 2 ? monitors! : [])];
        const id = feedbackTaskId(c.id, miss.kind, level);
        const taskRef = db.collection(FEEDBACK_TASKS).doc(id);
        const made = await db.runTransaction(async (tx) => {
          if ((await tx.get(taskRef)).exists) return false;
          tx.create(taskRef, { kind: `feedback-${miss.kind}`, level, feedbackId: c.id, agencyId: c.agencyId, category: c.category, assigneeUids, dueAt: miss.dueAt, createdAt: now, state: 'open' });
          tx.set(feedbackRef(db, c.id), { escalations: { [`${miss.kind}${level}`]: { at: now, assigneeUids } } }, { merge: true });
          return true;
        });
        if (made) tasksCreated += 1;
      }
    }
  }
  return { scheduleTime: now.toISOString(), read: snap.size, missed, tasksCreated };
}
