// The deadline sweep: flags open dossiers that are due soon or overdue (and inter-agency steps past their
// sub-deadline), creates the day-before apology task and the escalation tasks, and asks the notification
// worker to tell the officers concerned.
//
// Its cost follows what becomes due, not the backlog (issue 19). Every dossier carries `sweepAt`, the next
// instant its flags can change: the lifecycle sets it when a transition moves its due times or stops or
// restarts its clock (domain/lifecycle/sweep-at.ts), and this sweep moves it to the next change after each
// look (`nextCheckAt`: due soon begins, overdue begins, the next escalation level), or removes it when no flag
// can change any more. A pass reads only the dossiers whose `sweepAt` has come (single-field index), so a
// dossier of the overdue backlog is read once per escalation level, and a watch document is written only when
// a flag changed. Each dossier is handled in one transaction: the watch, the tasks it entails and the new
// `sweepAt` together; a `sweepAt` already moved past the tick is the marker that the transition was handled.
//
// A full pass (every open dossier and every watch) runs only when the working calendar differs from the one of
// the last full pass (`system/deadlineSweep.calendar`): the first run after the deploy that introduced
// `sweepAt`, and after an administrator changes holidays or make-up days, which move every pending instant.
import { createHash } from 'node:crypto';
import { FieldValue, type DocumentData, type DocumentSnapshot, type Firestore, type Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { WorkingCalendar, WorkingHours } from '../../domain/index.js';
import { DOSSIERS } from '../../store/dossiers.js';
import { fieldOf, UNKNOWN_FIELD } from '../../store/reference-data.js';
import { NOTIFICATION_REQUESTS } from '../../store/outbox.js';
import { revive } from '../../store/revive.js';
import { backlogDelta, rebuildBacklog, shareOf, writeBacklogDelta } from './backlog-counts.js';
import { computeWatch, nextCheckAt, sameFlags, type DeadlineWatch, type WatchedDossier } from './deadline-watch.js';
import { escalateOnlineIntake } from './intake-watch.js';
import { watchDataRequests, type DataRequestWatchResult } from './data-request-watch.js';
import { ESCALATION_AUDIENCE, SWEEP_CONFIG } from './sweep-config.js';

export const DEADLINE_WATCH = 'deadlineWatch';
export const TASKS = 'tasks';
/** `system/deadlineSweep`: the calendar of the last full pass. */
export const SWEEP_STATE = 'system/deadlineSweep';

export type SweepDeps = {
  db: Firestore;
  calendar: WorkingCalendar;
  /** An agency's working hours (undefined = the default 8 h day). */
  hoursOf: (agencyId: string) => Promise<WorkingHours | undefined>;
};

/** Documents each read of a pass returned (transaction reads counted at every attempt): the pass's cost. */
export type SweepReads = {
  state: number;
  dossiers: number;
  watches: number;
  tasks: number;
  users: number;
  intake: number;
  dataRequests: number;
  total: number;
};

export type SweepResult = {
  scheduleTime: string;
  /** Whether this pass read every open dossier (first run, or the calendar changed). */
  fullPass: boolean;
  /** Dossiers looked at (their `sweepAt` had come). */
  read: number;
  /** Watches written (a flag changed) and deleted (nothing left to flag). */
  flagged: number;
  cleared: number;
  /** Dossiers left for the next pass because a transition changed them meanwhile. */
  deferred: number;
  tasksCreated: number;
  commits: number;
  reads: SweepReads;
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

/** A stable digest of the working calendar's content (Maps and Sets as sorted entries). */
export function calendarFingerprint(calendar: WorkingCalendar): string {
  const plain = (v: unknown): unknown =>
    v instanceof Map
      ? [...v.entries()].map(([k, x]) => [plain(k), plain(x)]).sort((a, b) => JSON.stringify(a[0]).localeCompare(JSON.stringify(b[0])))
      : v instanceof Set
        ? [...v].map(plain).sort()
        : Array.isArray(v)
          ? v.map(plain)
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, plain(x)]))
            : typeof v === 'function'
              ? undefined
              : v;
  return createHash('sha256').update(JSON.stringify(plain(calendar))).digest('hex').slice(0, 32);
}

const millisOf = (t: unknown): number | undefined =>
  t instanceof Date ? t.getTime() : t && typeof (t as Timestamp).toMillis === 'function' ? (t as Timestamp).toMillis() : undefined;

/** Runs `fn` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/**
 * One pass of the sweep at `scheduleTime`.
 * @idempotent by dossier and `sweepAt`: a dossier is handled only while its `sweepAt` is at or before the
 * tick, in a transaction that re-reads it and moves `sweepAt` past the tick together with the watch and the
 * tasks; a replayed tick, an overlapping pass or an older, late tick finds `sweepAt` moved and does nothing.
 * Tasks `tasks/{dossierId}_extension` and `tasks/{dossierId}_escalation{n}` with their notification requests
 * `notificationRequests/sweep_{taskId}` are create-if-absent in that transaction.
 */
export async function runDeadlineSweep(deps: SweepDeps, scheduleTime: string): Promise<SweepResult> {
  const now = new Date(ScheduleTime.parse(scheduleTime));
  const { db, calendar } = deps;
  const reads: SweepReads = { state: 0, dossiers: 0, watches: 0, tasks: 0, users: 0, intake: 0, dataRequests: 0, total: 0 };
  const fingerprint = calendarFingerprint(calendar);
  const stateRef = db.doc(SWEEP_STATE);
  const state = await stateRef.get();
  reads.state += 1;
  const fullPass = state.get('calendar') !== fingerprint;

  let candidates: DocumentSnapshot[];
  let watched = new Set<string>();
  if (fullPass) {
    const [open, watches] = await Promise.all([
      db.collection(DOSSIERS).where('status', 'in', [...SWEEP_CONFIG.openStatuses]).get(),
      db.collection(DEADLINE_WATCH).select().get(),
    ]);
    reads.dossiers += open.size;
    reads.watches += watches.size;
    watched = new Set(watches.docs.map((d) => d.id));
    const openIds = new Set(open.docs.map((d) => d.id));
    const closed = [...watched].filter((id) => !openIds.has(id)).map((id) => db.collection(DOSSIERS).doc(id));
    const closedSnaps = closed.length ? await db.getAll(...closed) : [];
    reads.dossiers += closedSnaps.length;
    candidates = [...open.docs, ...closedSnaps];
  } else {
    const due = await db.collection(DOSSIERS).where('sweepAt', '<=', now).get();
    reads.dossiers += due.size;
    candidates = due.docs;
  }

  const result: SweepResult = { scheduleTime, fullPass, read: 0, flagged: 0, cleared: 0, deferred: 0, tasksCreated: 0, commits: 0, reads, intake: { read: 0, tasksCreated: 0 }, dataRequests: { open: 0, replyLate: 0, completeLate: 0, updated: 0 } };
  const recipients = new Map<string, string[]>();
  await eachLimited(candidates, 8, async (snap) => {
    const outcome = await sweepOne(deps, snap, now, { fullPass, hasWatch: watched.has(snap.id), recipients, reads });
    if (outcome === 'skipped') return;
    result.read += 1;
    if (outcome === 'deferred') result.deferred += 1;
    else {
      result.commits += 1;
      if (outcome.watch === 'set') result.flagged += 1;
      if (outcome.watch === 'deleted') result.cleared += 1;
      result.tasksCreated += outcome.tasksCreated;
    }
  });
  // Recorded after the pass: a pass that died half-way is repeated whole by the next tick. A full pass also
  // rebuilds the backlog figures from the watches (backlog-counts.ts), healing whatever came before.
  if (fullPass) {
    reads.watches += (await rebuildBacklog(db, DEADLINE_WATCH)).watches;
    await stateRef.set({ calendar: fingerprint, fullPassAt: now }, { merge: true });
  }

  result.intake = await escalateOnlineIntake(db, now);
  reads.intake += result.intake.read;
  result.dataRequests = await watchDataRequests(db, now);
  reads.dataRequests += result.dataRequests.open;
  reads.total = reads.state + reads.dossiers + reads.watches + reads.tasks + reads.users + reads.intake + reads.dataRequests;
  return result;
}

type Outcome = 'skipped' | 'deferred' | { watch: 'set' | 'deleted' | 'kept'; tasksCreated: number };

/** Looks at one dossier: its watch, its tasks and its next `sweepAt`, in one transaction. */
async function sweepOne(
  deps: SweepDeps,
  snap: DocumentSnapshot,
  now: Date,
  ctx: { fullPass: boolean; hasWatch: boolean; recipients: Map<string, string[]>; reads: SweepReads },
): Promise<Outcome> {
  const { db, calendar } = deps;
  if (!snap.exists) return 'skipped';
  const data = snap.data()!;
  const storedSweepAt = millisOf(data.sweepAt);
  const dossier = toWatched(snap.id, data);
  const agencyId = dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
  const hours = await deps.hoursOf(agencyId);
  const watch = (SWEEP_CONFIG.openStatuses as readonly string[]).includes(dossier.status) ? computeWatch(dossier, now, calendar, hours) : undefined;
  const next = nextCheckAt(dossier, now, calendar, hours);
  // A full pass looks at every open dossier; most have nothing to flag and already the right `sweepAt`.
  if (ctx.fullPass && !watch && !ctx.hasWatch && storedSweepAt === next?.getTime()) return 'skipped';

  // The backlog figures count the watch by field and procedure: stored on it, so its share can be taken out later.
  const procedureCode = typeof data.procedureCode === 'string' ? data.procedureCode : '';
  const field = procedureCode === '' ? UNKNOWN_FIELD : await fieldOf(db, procedureCode);
  const stored = watch ? { ...watch, procedureCode, field } : undefined;
  const planned = watch ? plannedTasks(watch) : [];
  const assignees = new Map<string, string[]>();
  for (const task of planned) assignees.set(task.id, await recipientsOf(db, task, ctx.recipients, ctx.reads));
  const dossierRef = snap.ref;
  const watchRef = db.collection(DEADLINE_WATCH).doc(snap.id);
  const taskRefs = planned.map((t) => db.collection(TASKS).doc(t.id));

  return db.runTransaction(async (tx): Promise<Outcome> => {
    const [fresh, storedWatch, ...tasks] = await tx.getAll(dossierRef, watchRef, ...taskRefs);
    ctx.reads.dossiers += 1;
    ctx.reads.watches += 1;
    ctx.reads.tasks += tasks.length;
    // A transition since the query set a new `sweepAt`: the next pass looks at the dossier as it is then.
    if (!fresh!.exists || !fresh!.updateTime?.isEqual(snap.updateTime!)) return 'deferred';
    let outcome: 'set' | 'deleted' | 'kept' = 'kept';
    const before = storedWatch!.exists ? (revive(storedWatch!.data()) as Partial<DeadlineWatch> & { procedureCode?: string; field?: string }) : undefined;
    // A watch written before it carried its procedure is rewritten once, so its backlog share is known.
    if (!sameFlags(before, watch) || (before && stored && before.procedureCode === undefined)) {
      if (stored) {
        tx.set(watchRef, stored);
        outcome = 'set';
      } else {
        tx.delete(watchRef);
        outcome = 'deleted';
      }
      writeBacklogDelta(db, tx, snap.id, backlogDelta(shareOf(before), shareOf(stored)));
    }
    let created = 0;
    planned.forEach((task, i) => {
      if (tasks[i]!.exists) return;
      createTask(db, tx, task, assignees.get(task.id)!, now);
      created += 1;
    });
    if (storedSweepAt !== next?.getTime()) tx.update(dossierRef, { sweepAt: next ?? FieldValue.delete() });
    return { watch: outcome, tasksCreated: created };
  });
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

async function recipientsOf(db: Firestore, task: PlannedTask, cache: Map<string, string[]>, reads: SweepReads): Promise<string[]> {
  const { watch } = task;
  const leadsOf = async (agencyId: string) => {
    const key = `lead:${agencyId}`;
    if (!cache.has(key)) {
      const snap = await db.collection('users').where('agencyId', '==', agencyId).where('role', '==', 'lead').get();
      reads.users += snap.size;
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
        reads.users += snap.size;
        cache.set('monitor', snap.docs.map((d) => d.id).sort());
      }
      return cache.get('monitor')!;
    }
  }
}

/** A task and its notification request, in the dossier's transaction (the task was read there and is absent). */
function createTask(db: Firestore, tx: FirebaseFirestore.Transaction, task: PlannedTask, assigneeUids: string[], now: Date): void {
  const { watch } = task;
  tx.create(db.collection(TASKS).doc(task.id), {
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
  tx.set(db.collection(NOTIFICATION_REQUESTS).doc(`sweep_${task.id}`), {
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
}
