// The deadline sweep at scale (issue 19): each pass handles a dossier's transitions once, however often or
// concurrently it runs, and reads what becomes due, not the overdue backlog. The handler runs in-process with
// the stored calendar and hours (as the deployed function does, so no pass here is a full pass but the first).
// Dossiers are written as the lifecycle stores them, `sweepAt` included; ids `sweep-scale-…`; scenario dates
// in July 2026, where no other test file has dossiers due.
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAtAfter, type Dossier } from '../../functions/src/domain/index.js';
import { rebuildBacklog } from '../../functions/src/features/sweep/backlog-counts.js';
import { DEADLINE_WATCH, runDeadlineSweep, taskIdOf, type SweepDeps } from '../../functions/src/features/sweep/deadline-sweep.schedule.js';
import { workingCalendar, workingHoursOf } from '../../functions/src/store/reference-data.js';
import { loadDemoData } from '../../seed/load.js';
import { counterDocIds } from '../../functions/src/store/counter-shards.js';
import { summedCounter } from '../support/counters.js';
import { admin } from '../support/emulators.js';

const { db, auth } = admin();
const AGENCY = '000.00.93.H99'; // no such demo agency: the default working hours
const BACKLOG_AGENCY = '000.00.91.Z91'; // no demo agency, used by no other test: only the backlog test's dossiers are there
const LAND_PROCEDURE = '1.012792'; // a seed procedure of the land field
const run = Date.now().toString(36);
const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => vn(local).toISOString();
const written: string[] = [];
let deps: SweepDeps;

/** Open dossiers due at `dueLocal`, stored as a reception on 1 July leaves them. */
async function writeDossiers(db: Firestore, label: string, count: number, dueLocal: string, sweepAtLocal?: string, agencyId = AGENCY): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `sweep-scale-${run}-${label}-${String(i).padStart(4, '0')}`);
  for (let start = 0; start < ids.length; start += 400) {
    const batch = db.batch();
    for (const id of ids.slice(start, start + 400)) {
      const facts = { status: 'processing' as Dossier['status'], receivingAgencyId: agencyId, dueAt: vn(dueLocal), extensionCount: 0 };
      const sweepAt = sweepAtLocal ? vn(sweepAtLocal) : sweepAtAfter(undefined, facts, undefined, vn('2026-07-01T08:00:00'), deps.calendar);
      batch.set(db.doc(`dossiers/${id}`), { id, version: 3, agencyIds: [agencyId], procedureCode: LAND_PROCEDURE, ...facts, sweepAt });
    }
    await batch.commit();
  }
  written.push(...ids);
  return ids;
}

async function tasksOf(ids: string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < ids.length; i += 30) {
    const snap = await db.collection('tasks').where('dossierId', 'in', ids.slice(i, i + 30)).get();
    found.push(...snap.docs.map((d) => d.id));
  }
  return found.sort();
}

beforeAll(async () => {
  await loadDemoData(db, auth);
  await db.doc(`users/sweep-scale-lead`).set({ role: 'lead', agencyId: AGENCY, displayName: 'Lãnh đạo thử' });
  deps = { db, calendar: await workingCalendar(db), hoursOf: (agencyId) => workingHoursOf(db, agencyId) };
  // The first pass with this calendar may be a full one (the first of the run): done before anything is measured.
  await runDeadlineSweep(deps, at('2026-07-01T07:00:00'));
}, 120_000);

afterAll(async () => {
  for (let i = 0; i < written.length; i += 400) {
    const batch = db.batch();
    for (const id of written.slice(i, i + 400)) {
      batch.delete(db.doc(`dossiers/${id}`));
      batch.delete(db.doc(`deadlineWatch/${id}`));
    }
    await batch.commit();
  }
  await db.doc('users/sweep-scale-lead').delete();
  for (const id of counterDocIds(BACKLOG_AGENCY)) await db.doc(`backlog/${id}`).delete();
});

describe('transitions under replays', () => {
  it('the same pass twice, and two passes overlapping, flag each dossier once and create each task once', async () => {
    // Thu 9 July 10:00. Due Fri 10 July: due soon. Due Wed 8 July 10:00: one working day late (levels 1 and 2).
    const dueSoon = await writeDossiers(db, 'replay-soon', 3, '2026-07-10T10:00:00');
    const late = await writeDossiers(db, 'replay-late', 3, '2026-07-08T10:00:00');
    const tick = at('2026-07-09T10:00:00');
    const [a, b] = await Promise.all([runDeadlineSweep(deps, tick), runDeadlineSweep(deps, tick)]);
    const c = await runDeadlineSweep(deps, tick);
    const expected = [...dueSoon.map((d) => taskIdOf(d, 'extension')), ...late.flatMap((d) => [taskIdOf(d, 'escalation1'), taskIdOf(d, 'escalation2')])].sort();
    expect(await tasksOf([...dueSoon, ...late])).toEqual(expected);
    // Every transition was handled by exactly one of the three passes.
    expect(a.tasksCreated + b.tasksCreated + c.tasksCreated).toBe(expected.length);
    expect(a.flagged + b.flagged + c.flagged).toBe(6);
    expect(c).toMatchObject({ read: 0, flagged: 0, tasksCreated: 0, commits: 0 });
    const requests = await db.collection('notificationRequests').where('dossierId', 'in', [...dueSoon, ...late]).get();
    expect(requests.size).toBe(expected.length);

    const watch = await db.doc(`deadlineWatch/${late[0]}`).get();
    expect(watch.data()).toMatchObject({ overdue: true, escalationLevel: 2, agencyId: AGENCY });
    // A later pass in which no flag changes writes no watch; an older, late tick changes nothing.
    await runDeadlineSweep(deps, at('2026-07-09T10:15:00'));
    await runDeadlineSweep(deps, at('2026-07-08T10:00:00'));
    expect((await db.doc(`deadlineWatch/${late[0]}`).get()).updateTime!.isEqual(watch.updateTime!)).toBe(true);
    // The next level is reached later, once: the dossier's sweepAt was set to that instant.
    const sweepAt = (await db.doc(`dossiers/${late[0]}`).get()).get('sweepAt').toDate() as Date;
    expect(sweepAt.getTime()).toBeGreaterThan(vn('2026-07-09T17:00:00').getTime());
    await Promise.all([runDeadlineSweep(deps, at('2026-07-10T17:00:00')), runDeadlineSweep(deps, at('2026-07-10T17:00:00'))]);
    expect((await tasksOf(late)).filter((t) => t.endsWith('escalation3'))).toHaveLength(3);
  });

  it('a transition that stops the clock has its watch cleared at the next pass, then the dossier is never read again', async () => {
    const [id] = await writeDossiers(db, 'closed', 1, '2026-07-13T10:00:00');
    await runDeadlineSweep(deps, at('2026-07-10T10:00:00'));
    expect((await db.doc(`deadlineWatch/${id}`).get()).get('dueSoon')).toBe(true);
    // What the lifecycle writes when it resolves a dossier that may carry flags (domain sweepAtAfter).
    const before = { status: 'processing' as const, dueAt: vn('2026-07-13T10:00:00'), extensionCount: 0, receivingAgencyId: AGENCY };
    const sweepAt = sweepAtAfter(before, { ...before, status: 'resolved' }, undefined, vn('2026-07-10T11:00:00'), deps.calendar);
    expect(sweepAt?.toISOString()).toBe(at('2026-07-10T11:00:00'));
    await db.doc(`dossiers/${id}`).update({ status: 'resolved', sweepAt });
    const pass = await runDeadlineSweep(deps, at('2026-07-10T11:15:00'));
    expect(pass.cleared).toBe(1);
    expect((await db.doc(`deadlineWatch/${id}`).get()).exists).toBe(false);
    expect((await db.doc(`dossiers/${id}`).get()).get('sweepAt')).toBeUndefined();
  });
});

describe('backlog figures', () => {
  it('follow the watches as the sweep changes them, once under replays, and a rebuild from the watches gives the same', async () => {
    const figures = async () => {
      const b = await summedCounter(db, 'backlog', BACKLOG_AGENCY);
      return { overdue: b?.overdue, dueSoon: b?.dueSoon, byField: b?.byField, byProcedure: b?.byProcedure };
    };
    const expected = (overdue: number, dueSoon: number) => ({ overdue, dueSoon, byField: { land: { overdue, dueSoon } }, byProcedure: { [LAND_PROCEDURE]: { overdue, dueSoon } } });
    // Mon 27 July 10:00: two due Tue 28 (due soon), one due Fri 24 (overdue).
    const soon = await writeDossiers(db, 'backlog-soon', 2, '2026-07-28T10:00:00', undefined, BACKLOG_AGENCY);
    await writeDossiers(db, 'backlog-late', 1, '2026-07-24T10:00:00', undefined, BACKLOG_AGENCY);
    const tick = at('2026-07-27T10:00:00');
    await Promise.all([runDeadlineSweep(deps, tick), runDeadlineSweep(deps, tick)]);
    await runDeadlineSweep(deps, tick);
    expect(await figures()).toEqual(expected(1, 2));
    // Its figures are spread over shard documents only, each naming the agency.
    const shards = (await db.getAll(...counterDocIds(BACKLOG_AGENCY).map((id) => db.doc(`backlog/${id}`)))).filter((d) => d.exists);
    expect(shards.every((d) => d.id !== BACKLOG_AGENCY && d.get('agencyId') === BACKLOG_AGENCY)).toBe(true);

    // One due-soon dossier is resolved: the next pass takes its share out.
    const before = { status: 'processing' as const, dueAt: vn('2026-07-28T10:00:00'), extensionCount: 0, receivingAgencyId: BACKLOG_AGENCY };
    const sweepAt = sweepAtAfter(before, { ...before, status: 'resolved' }, undefined, vn('2026-07-27T11:00:00'), deps.calendar);
    await db.doc(`dossiers/${soon[0]}`).update({ status: 'resolved', sweepAt });
    await runDeadlineSweep(deps, at('2026-07-27T11:15:00'));
    expect(await figures()).toEqual(expected(1, 1));
    // The due-soon one turns overdue: it moves from one figure to the other.
    await runDeadlineSweep(deps, at('2026-07-28T10:15:00'));
    expect(await figures()).toEqual(expected(2, 0));

    // What a full pass does: recount every shard from the watches. Nothing changes.
    await rebuildBacklog(db, DEADLINE_WATCH);
    expect(await figures()).toEqual(expected(2, 0));
  }, 120_000);
});

describe('cost of a pass', () => {
  it('reads the same number of documents with a 3 times larger overdue backlog: what becomes due, not the backlog', async () => {
    // A backlog already tracked: overdue since 1 July, past the last escalation level by 20 July.
    await writeDossiers(db, 'backlog-a', 25, '2026-07-01T10:00:00', '2026-07-20T08:00:00');
    await runDeadlineSweep(deps, at('2026-07-20T08:00:00'));
    // Five become due soon in the next window (Wed 22 July is the working day before Thu 23).
    await writeDossiers(db, 'due-a', 5, '2026-07-23T10:00:00');
    const first = await runDeadlineSweep(deps, at('2026-07-22T07:00:00'));

    await writeDossiers(db, 'backlog-b', 75, '2026-07-01T10:00:00', '2026-07-22T07:00:00');
    await runDeadlineSweep(deps, at('2026-07-22T07:00:00')); // the late comers are tracked (once)
    await writeDossiers(db, 'due-b', 5, '2026-07-24T10:00:00');
    const second = await runDeadlineSweep(deps, at('2026-07-23T07:00:00'));

    expect(first.read).toBe(5);
    expect(second.read).toBe(5);
    expect(second.reads).toEqual(first.reads);
    // And the backlog is not read at all by a pass where nothing becomes due.
    const quiet = await runDeadlineSweep(deps, at('2026-07-23T07:15:00'));
    expect(quiet.reads.dossiers).toBe(0);
  }, 120_000);
});
