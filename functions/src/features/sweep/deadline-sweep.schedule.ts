// The deadline sweep: flags open dossiers that are due soon or overdue (and inter-agency steps past their
// sub-deadline), creates the day-before apology task and the escalation tasks, and asks the notification
// worker to tell the officers concerned. Reads only dossiers due by the horizon (indexed on status and due
// time), so its cost follows the number of due dossiers, not of all dossiers.
import type { DocumentData, Firestore, WriteBatch } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { WorkingCalendar, WorkingHours } from '../../domain/index.js';
import { NOTIFICATION_REQUESTS } from '../../store/outbox.js';
import { revive } from '../../store/revive.js';
import { computeWatch, sweepHorizon, type DeadlineWatch, type WatchedDossier } from './deadline-watch.js';
import { escalateOnlineIntake } from './intake-watch.js';
import { watchDataRequests, type DataRequestWatchResult } from './data-request-watch.js';
import { ESCALATION_AUDIENCE, SWEEP_CONFIG } from './sweep-config.js';

export const DEADLINE_WATCH = 'deadlineWatch';
export const TASKS = 'tasks';

export type SweepDeps = {
  db: Firestore;
  calendar: WorkingCalendar;
  /** An agency's working hours (undefined = the default 8 h day). */
  hoursOf: (agencyId: string) => Promise<WorkingHours | undefined>;
};

export type SweepResult = {
  scheduleTime: string;
  read: number;
  flagged: number;
  cleared: number;
  tasksCreated: number;
  commits: number;
  /** Online dossiers past their intake alert time (Decree 118 Art. 17.2), and the escalations created. */
  intake: { read: number; tasksCreated: number };
  /** Data subject requests past their legal deadlines (data-request-watch.ts). */
  dataRequests: DataRequestWatchResult;
};

/** Cloud Scheduler's schedule time: the sweep's "now". */
export const ScheduleTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'scheduleTime must be an ISO 8601 instant' });

export const taskIdOf = (dossierId: string, kind: 'extension' | `escalation${1 | 2 | 3 | 4}`) => `${dossierId}_${kind}`;

/**
 * One pass of the sweep at `scheduleTime`.
 * @idempotent by schedule time and dossier id: `deadlineWatch/{dossierId}` is overwritten with values that
 * depend only on the stored dossier and the schedule time; tasks `tasks/{dossierId}_extension` and
 * `tasks/{dossierId}_escalation{n}` and their notification requests `notificationRequests/sweep_{taskId}`
 * are created only if absent, so a replayed or repeated sweep creates nothing new.
 */
export async function runDeadlineSweep(deps: SweepDeps, scheduleTime: string): Promise<SweepResult> {
  const now = new Date(ScheduleTime.parse(scheduleTime));
  const { db, calendar } = deps;
  const horizon = sweepHorizon(now, calendar);
  const open = [...SWEEP_CONFIG.openStatuses];
  const [byDossier, byStep] = await Promise.all([
    db.collection('dossiers').where('status', 'in', open).where('dueAt', '<=', horizon).get(),
    db.collection('dossiers').where('status', 'in', open).where('currentStep.dueAt', '<=', horizon).get(),
  ]);
  const dossiers = new Map<string, WatchedDossier>();
  for (const doc of [...byDossier.docs, ...byStep.docs]) dossiers.set(doc.id, toWatched(doc.id, doc.data()));

  const watches: DeadlineWatch[] = [];
  for (const dossier of dossiers.values()) {
    const agencyId = dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
    const watch = computeWatch(dossier, now, calendar, await deps.hoursOf(agencyId));
    if (watch) watches.push(watch);
  }

  // Watches of dossiers that left the set (closed, extended, supplement asked) are cleared. There are as many
  // watch documents as flagged dossiers, so reading them all stays proportional to the due ones.
  const flaggedIds = new Set(watches.map((w) => w.dossierId));
  const existing = await db.collection(DEADLINE_WATCH).select().get();
  const stale = existing.docs.filter((d) => !flaggedIds.has(d.id)).map((d) => d.ref);

  let commits = 0;
  const writes: ((batch: WriteBatch) => void)[] = [
    ...watches.map((w) => (b: WriteBatch) => b.set(db.collection(DEADLINE_WATCH).doc(w.dossierId), w)),
    ...stale.map((ref) => (b: WriteBatch) => b.delete(ref)),
  ];
  for (let i = 0; i < writes.length; i += SWEEP_CONFIG.batchSize) {
    const batch = db.batch();
    for (const write of writes.slice(i, i + SWEEP_CONFIG.batchSize)) write(batch);
    await batch.commit();
    commits += 1;
  }

  const tasksCreated = await createTasks(deps, watches, now);
  const intake = await escalateOnlineIntake(db, now);
  const dataRequests = await watchDataRequests(db, now);
  return { scheduleTime, read: dossiers.size, flagged: watches.length, cleared: stale.length, tasksCreated, commits, intake, dataRequests };
}

function toWatched(id: string, data: DocumentData): WatchedDossier {
  const d = revive(data) as Omit<WatchedDossier, 'id'>;
  return {
    id,
    status: d.status,
    dueAt: d.dueAt,
    extensionCount: d.extensionCount ?? 0,
    receivingAgencyId: d.receivingAgencyId,
    handlerId: d.handlerId,
    currentStep: d.currentStep,
  };
}

type PlannedTask = {
  id: string;
  kind: 'issueApology' | 'escalation';
  level: number | null;
  watch: DeadlineWatch;
  audience: 'agencyLead' | (typeof ESCALATION_AUDIENCE)[keyof typeof ESCALATION_AUDIENCE];
};

function plannedTasks(watch: DeadlineWatch): PlannedTask[] {
  const tasks: PlannedTask[] = [];
  // Decree 61: the apology with a new date goes out at least one working day before the due date, once.
  if (watch.dueSoon && watch.extensionCount === 0) {
    tasks.push({ id: taskIdOf(watch.dossierId, 'extension'), kind: 'issueApology', level: null, watch, audience: 'agencyLead' });
  }
  for (let level = 1; level <= watch.escalationLevel; level++) {
    const l = level as 1 | 2 | 3 | 4;
    tasks.push({ id: taskIdOf(watch.dossierId, `escalation${l}`), kind: 'escalation', level: l, watch, audience: ESCALATION_AUDIENCE[l] });
  }
  return tasks;
}

async function recipientsOf(db: Firestore, task: PlannedTask, cache: Map<string, string[]>): Promise<string[]> {
  const { watch } = task;
  const leadsOf = async (agencyId: string) => {
    const key = `lead:${agencyId}`;
    if (!cache.has(key)) {
      const snap = await db.collection('users').where('agencyId', '==', agencyId).where('role', '==', 'lead').get();
      cache.set(key, snap.docs.map((d) => d.id).sort());
    }
    return cache.get(key)!;
  };
  switch (task.audience) {
    case 'handler':
      return watch.handlerId ? [watch.handlerId] : leadsOf(watch.agencyId);
    case 'agencyLead':
      return leadsOf(watch.agencyId);
    case 'deskHead':
      return leadsOf(watch.receivingAgencyId);
    case 'provinceMonitor': {
      if (!cache.has('monitor')) {
        const snap = await db.collection('users').where('role', '==', 'monitor').get();
        cache.set('monitor', snap.docs.map((d) => d.id).sort());
      }
      return cache.get('monitor')!;
    }
  }
}

/** Creates the tasks that do not exist yet; existing ones are found with one batched read. */
async function createTasks(deps: SweepDeps, watches: DeadlineWatch[], now: Date): Promise<number> {
  const { db } = deps;
  const planned = watches.flatMap(plannedTasks);
  if (planned.length === 0) return 0;
  const refs = planned.map((t) => db.collection(TASKS).doc(t.id));
  const snaps = await db.getAll(...refs);
  const missing = planned.filter((_, i) => !snaps[i]!.exists);
  const cache = new Map<string, string[]>();
  let created = 0;
  for (const task of missing) {
    const assigneeUids = await recipientsOf(db, task, cache);
    const taskRef = db.collection(TASKS).doc(task.id);
    const requestRef = db.collection(NOTIFICATION_REQUESTS).doc(`sweep_${task.id}`);
    // Create-if-absent in a transaction: two overlapping sweeps cannot both create the task.
    const made = await db.runTransaction(async (tx) => {
      if ((await tx.get(taskRef)).exists) return false;
      const { watch } = task;
      tx.create(taskRef, {
        kind: task.kind,
        level: task.level,
        dossierId: watch.dossierId,
        agencyId: task.audience === 'deskHead' ? watch.receivingAgencyId : watch.agencyId,
        assigneeUids,
        dueAt: watch.dueAt,
        overdueWorkingDays: watch.overdueWorkingDays,
        createdAt: now,
        state: 'open',
      });
      tx.set(requestRef, {
        dossierId: watch.dossierId,
        key: task.id,
        eventType: task.kind === 'issueApology' ? 'dueSoon' : 'overdue',
        level: task.level,
        overdueWorkingDays: watch.overdueWorkingDays,
        at: now,
        dueAt: watch.dueAt,
        state: 'pending',
        audience: 'officers',
        recipientUids: assigneeUids,
      });
      return true;
    });
    if (made) created += 1;
  }
  return created;
}
