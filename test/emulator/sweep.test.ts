// The deadline sweep through the functions emulator (the schedule POSTed with fixed schedule times) and,
// for a make-up working day the demo calendar lacks, the same handler in-process with a synthetic calendar.
// Dossier documents are written directly (ids `sweep-test-…`); scenario dates lie in 2026-04/05, long
// before any dossier other tests create, so only these dossiers are due.
import type { DocumentData } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkingCalendar, sweepAtAfter, type Dossier } from '../../functions/src/domain/index.js';
import { fixture2026, fixture2027, withDays } from '../fixtures/calendars.js';
import { runDeadlineSweep, taskIdOf } from '../../functions/src/features/sweep/deadline-sweep.schedule.js';
import { loadDemoData } from '../../seed/load.js';
import { admin, eventually, runSchedule } from '../support/emulators.js';
import { TEMPLATE_VERSION } from '../../functions/src/features/notifications/templates.js';

const { db, auth } = admin();
const AGENCY = '000.00.97.H99'; // the handling agency of the scenario (no such demo agency: default hours)
const DESK = '000.00.98.H99'; // the receiving one-stop desk
const run = Date.now().toString(36);
const id = (label: string) => `sweep-test-${run}-${label}`;
const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => vn(local).toISOString();

type Seed = { status?: string; dueAt: string; extensionCount?: number; handlerId?: string; stepDueAt?: string };
const SCENARIO: Record<string, Seed> = {
  // "Now" is Wed 29 Apr 2026 10:00. 30 Apr and 1 May are holidays, 2–3 May a weekend: the next working day is Mon 4 May.
  dueMonday: { dueAt: '2026-05-04T10:00:00' }, // due soon: 29 Apr is the working day before 4 May
  dueTuesday: { dueAt: '2026-05-05T10:00:00' }, // not yet (beyond the horizon)
  overdueHalfDay: { dueAt: '2026-04-28T16:00:00', handlerId: 'sweep-test-handler' }, // 4 working hours late
  overdueTwoDays: { dueAt: '2026-04-24T10:00:00', handlerId: 'sweep-test-handler' }, // 27 Apr is a holiday: 16 h late
  supplementAwaited: { status: 'awaitingSupplement', dueAt: '2026-04-28T10:00:00' }, // clock stopped
  returned: { status: 'returned', dueAt: '2026-04-28T10:00:00' },
  stepLate: { dueAt: '2026-05-20T10:00:00', stepDueAt: '2026-04-28T10:00:00' }, // only its inter-agency step
  alreadyExtended: { dueAt: '2026-05-04T11:00:00', extensionCount: 1 },
};
const ids = Object.keys(SCENARIO).map(id);

const demoCalendar = buildWorkingCalendar([fixture2026, fixture2027]);

/** The fields the sweep reads, as the lifecycle stores them when it last changed them on 20 April. */
function storedDossier(s: Seed) {
  const facts = {
    status: (s.status ?? 'processing') as Dossier['status'],
    receivingAgencyId: DESK,
    currentStep: { agencyId: AGENCY, since: vn('2026-04-20T08:00:00'), ...(s.stepDueAt ? { dueAt: vn(s.stepDueAt) } : {}) },
    dueAt: vn(s.dueAt),
    extensionCount: s.extensionCount ?? 0,
  };
  const sweepAt = sweepAtAfter(undefined, facts, undefined, vn('2026-04-20T08:00:00'), demoCalendar);
  return { ...facts, ...(sweepAt ? { sweepAt } : {}) };
}

async function writeScenario(): Promise<void> {
  const batch = db.batch();
  for (const [label, s] of Object.entries(SCENARIO)) {
    batch.set(db.doc(`dossiers/${id(label)}`), {
      id: id(label),
      code: `${DESK}-260420-${String(Object.keys(SCENARIO).indexOf(label) + 1).padStart(4, '0')}`,
      version: 3,
      agencyIds: [DESK, AGENCY],
      ...(s.handlerId ? { handlerId: s.handlerId } : {}),
      ...storedDossier(s),
    });
  }
  batch.set(db.doc('users/sweep-test-lead'), { role: 'lead', agencyId: AGENCY, displayName: 'Lãnh đạo thử' });
  batch.set(db.doc('users/sweep-test-desk-head'), { role: 'lead', agencyId: DESK, displayName: 'Trưởng bộ phận một cửa thử' });
  await batch.commit();
}

async function watches(): Promise<Map<string, DocumentData>> {
  const snaps = await db.getAll(...ids.map((i) => db.doc(`deadlineWatch/${i}`)));
  return new Map(snaps.filter((s) => s.exists).map((s) => [s.id, s.data()!]));
}

async function taskIds(): Promise<string[]> {
  const snap = await db.collection('tasks').where('dossierId', 'in', ids).get();
  return snap.docs.map((d) => d.id).sort();
}

async function sweep(local: string): Promise<void> {
  const res = await runSchedule('deadlineSweep', at(local));
  expect(res.status, res.body).toBe(200);
}

beforeAll(async () => {
  await loadDemoData(db, auth);
  await writeScenario();
});

afterAll(async () => {
  const batch = db.batch();
  for (const i of ids) batch.delete(db.doc(`dossiers/${i}`));
  await batch.commit();
  await runSchedule('deadlineSweep', at('2026-04-29T10:00:00')); // clears the watches of the deleted dossiers
});

describe('deadline sweep', () => {
  it('flags exactly the right dossiers across a weekend and holidays', async () => {
    await sweep('2026-04-29T10:00:00');
    const w = await watches();
    expect([...w.keys()].sort()).toEqual(['dueMonday', 'overdueHalfDay', 'overdueTwoDays', 'stepLate', 'alreadyExtended'].map(id).sort());
    expect(w.get(id('dueMonday'))).toMatchObject({ dueSoon: true, overdue: false, escalationLevel: 0, agencyId: AGENCY });
    expect(w.get(id('overdueHalfDay'))).toMatchObject({ dueSoon: false, overdue: true, overdueWorkingDays: 0.5, escalationLevel: 1 });
    expect(w.get(id('overdueTwoDays'))).toMatchObject({ overdue: true, overdueWorkingDays: 2, escalationLevel: 3 });
    expect(w.get(id('stepLate'))).toMatchObject({ dueSoon: false, overdue: false, step: { agencyId: AGENCY, overdue: true } });
    expect((w.get(id('dueMonday'))!.checkedAt as { toDate(): Date }).toDate().toISOString()).toBe(at('2026-04-29T10:00:00'));
  });

  it('creates the day-before task and the escalation tasks once, whatever the number of sweeps', async () => {
    await sweep('2026-04-29T10:00:00');
    const first = await taskIds();
    expect(first).toEqual(
      [
        taskIdOf(id('dueMonday'), 'extension'),
        taskIdOf(id('overdueHalfDay'), 'escalation1'),
        taskIdOf(id('overdueTwoDays'), 'escalation1'),
        taskIdOf(id('overdueTwoDays'), 'escalation2'),
        taskIdOf(id('overdueTwoDays'), 'escalation3'),
      ].sort(),
    );
    const apology = await db.doc(`tasks/${taskIdOf(id('dueMonday'), 'extension')}`).get();
    expect(apology.data()).toMatchObject({ kind: 'issueApology', dossierId: id('dueMonday'), agencyId: AGENCY, state: 'open', assigneeUids: ['sweep-test-lead'] });
    expect((await db.doc(`tasks/${taskIdOf(id('overdueTwoDays'), 'escalation1')}`).get()).get('assigneeUids')).toEqual(['sweep-test-handler']);
    expect((await db.doc(`tasks/${taskIdOf(id('overdueTwoDays'), 'escalation3')}`).get()).get('assigneeUids')).toEqual(['sweep-test-desk-head']);

    const before = await watches();
    // Later the same morning no level is crossed (the half-day one reaches 1 working day at 14:00).
    for (const local of ['2026-04-29T10:00:00', '2026-04-29T10:00:00', '2026-04-29T10:30:00', '2026-04-29T11:15:00']) await sweep(local);
    expect(await taskIds()).toEqual(first);
    const again = await db.doc(`tasks/${taskIdOf(id('dueMonday'), 'extension')}`).get();
    expect(again.updateTime?.isEqual(apology.updateTime!)).toBe(true);
    const requests = await db.collection('notificationRequests').where('dossierId', 'in', ids).get();
    expect(requests.docs.map((d) => d.id).sort()).toEqual(first.map((t) => `sweep_${t}`).sort());

    // The same schedule time writes the same values.
    await sweep('2026-04-29T10:00:00');
    expect(await watches()).toEqual(before);
  });

  it('tells the agency lead in the in-app inbox', async () => {
    const inbox = await eventually(async () => {
      const snap = await db.collection('notifications').where('recipientUid', '==', 'sweep-test-lead').where('dossierId', '==', id('dueMonday')).get();
      return snap.empty ? undefined : snap.docs.map((d) => d.data());
    }, 'the lead’s notification');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ channel: 'inApp', eventType: 'dueSoon', state: 'sent', readAt: null, templateVersion: TEMPLATE_VERSION });
    expect(inbox[0]!.body.vi).toContain('04/05/2026');
  });

  it('reaches the next escalation level later, once', async () => {
    // Mon 4 May 10:00: 5 h on 24 Apr + 28 and 29 Apr + 3 h = 24 working hours = 3 working days late.
    await sweep('2026-05-04T10:00:00');
    const w = await watches();
    expect(w.get(id('overdueTwoDays'))).toMatchObject({ overdueWorkingDays: 3, escalationLevel: 4 });
    expect(w.get(id('overdueHalfDay'))).toMatchObject({ overdueWorkingDays: 1.5, escalationLevel: 2 });
    expect(w.get(id('dueMonday'))).toMatchObject({ dueSoon: true, overdue: false }); // due at this very minute
    const tasks = await taskIds();
    expect(tasks).toContain(taskIdOf(id('overdueTwoDays'), 'escalation4'));
    expect(tasks).toContain(taskIdOf(id('overdueHalfDay'), 'escalation2'));
    expect(tasks).not.toContain(taskIdOf(id('overdueHalfDay'), 'escalation3'));
    await sweep('2026-05-04T14:00:00'); // the two due on Monday morning are now late too
    const later = await taskIds();
    expect(later).toEqual([...tasks, taskIdOf(id('dueMonday'), 'escalation1'), taskIdOf(id('alreadyExtended'), 'escalation1')].sort());
    await sweep('2026-05-04T14:00:00');
    await sweep('2026-05-04T10:00:00'); // a late, older delivery
    expect(await taskIds()).toEqual(later);
    const monitors = (await db.doc(`tasks/${taskIdOf(id('overdueTwoDays'), 'escalation4')}`).get()).get('assigneeUids') as string[];
    expect(monitors).toContain((await auth.getUserByEmail('giamsat@motcua.demo')).uid); // the demo province's monitor
  });

  it('counts a make-up Saturday as a working day and clears what is no longer due', async () => {
    // Same instant, but Saturday 2 May worked: the day before Monday 4 May is then 2 May, not 29 Apr.
    const calendar = buildWorkingCalendar([withDays(fixture2026, { makeUp: ['2026-05-02'] }), fixture2027]);
    const result = await runDeadlineSweep({ db, calendar, hoursOf: async () => undefined }, at('2026-04-29T10:00:00'));
    expect(result.cleared).toBeGreaterThanOrEqual(1);
    const w = await watches();
    expect(w.has(id('dueMonday'))).toBe(false);
    expect(w.get(id('overdueTwoDays'))).toMatchObject({ overdueWorkingDays: 2, escalationLevel: 3 });
    // With the stored calendar (no make-up day) it is due soon again.
    await sweep('2026-04-29T10:00:00');
    expect((await watches()).get(id('dueMonday'))).toMatchObject({ dueSoon: true });
  });
});
