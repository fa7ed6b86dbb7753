// Scheduled jobs through the deployed wiring: the Pub/Sub emulator runs, so the functions emulator loads
// every onSchedule function of functions/src/index.ts, and the local scheduler of `npm start`
// (scripts/lib/scheduler.ts) fires them by itself on their cron schedules in Vietnam time, as Cloud
// Scheduler does in production: a POST to the function with the tick in X-CloudScheduler-ScheduleTime. The
// tests start its virtual clock a moment before the ticks they want and let it run fast; nothing calls a
// handler. Scenario dates lie in June 2026, where no other test file has due dossiers. Ids: `jobs-test-…`.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DocumentData } from 'firebase-admin/firestore';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler, type FireResult } from '../../scripts/lib/scheduler.js';
import { taskIdOf } from '../../functions/src/features/sweep/deadline-sweep.schedule.js';
import { buildWorkingCalendar, sweepAtAfter, type Dossier } from '../../functions/src/domain/index.js';
import { demoCalendars } from '../../seed/data/calendars.js';
import { loadDemoData } from '../../seed/load.js';
import {
  admin,
  eventually,
  FUNCTIONS_ORIGIN,
  PROJECT_ID,
  ROOT,
  scheduledFunctions,
} from '../support/emulators.js';

const { db, auth } = admin();
const run = Date.now().toString(36);
const id = (label: string) => `jobs-test-${run}-${label}`;
const vn = (local: string) => new Date(`${local}+07:00`);
const AGENCY = '000.00.94.H99'; // no such demo agency: the default working hours
const dossiers: string[] = [];
const notifications: string[] = [];

/**
 * A received dossier as the lifecycle stores it, with only the fields the sweep reads, `sweepAt` included (the
 * lifecycle sets it at reception: the sweep reads a dossier only once its `sweepAt` has come).
 */
async function writeDossier(label: string, dueLocal: string): Promise<string> {
  const dossierId = id(label);
  dossiers.push(dossierId);
  const stored = { status: 'processing' as const, receivingAgencyId: AGENCY, dueAt: vn(dueLocal), extensionCount: 0 };
  const sweepAt = sweepAtAfter(undefined, stored as Pick<Dossier, 'status' | 'receivingAgencyId' | 'dueAt' | 'extensionCount'>, undefined, vn('2026-06-10T08:00:00'), buildWorkingCalendar(demoCalendars));
  await db.doc(`dossiers/${dossierId}`).set({
    id: dossierId,
    code: `${AGENCY}-260610-${String(dossiers.length).padStart(4, '0')}`,
    version: 3,
    agencyIds: [AGENCY],
    ...stored,
    sweepAt,
  });
  return dossierId;
}

const watchOf = async (dossierId: string): Promise<DocumentData | undefined> =>
  (await db.doc(`deadlineWatch/${dossierId}`).get()).data();
const taskExists = async (taskId: string) => (await db.doc(`tasks/${taskId}`).get()).exists;
const instant = (value: unknown) => (value as { toDate(): Date }).toDate().toISOString();

/** Runs the local scheduler for `only`, its clock `factor` times fast from `startLocal`, until `enough` ticks. */
async function runScheduler(
  only: string[],
  startLocal: string,
  factor: number,
  enough: number,
): Promise<FireResult[]> {
  const ticks: FireResult[] = [];
  const scheduler = await startScheduler({
    functionsOrigin: FUNCTIONS_ORIGIN,
    projectId: PROJECT_ID,
    factor,
    startAt: vn(startLocal),
    only,
    log: () => undefined,
    onTick: (result) => ticks.push(result),
  });
  try {
    await eventually(
      async () => (ticks.length >= enough ? true : undefined),
      `${enough} ticks of ${only.join(', ')}`,
      60_000,
    );
  } finally {
    await scheduler.stop();
  }
  return ticks;
}

beforeAll(async () => {
  await loadDemoData(db, auth);
});

afterAll(async () => {
  const batch = db.batch();
  for (const d of dossiers) batch.delete(db.doc(`dossiers/${d}`));
  for (const n of notifications) batch.delete(db.doc(`notifications/${n}`));
  await batch.commit();
});

describe('the wiring', () => {
  it('loads every scheduled function of functions/src/index.ts, in Vietnam time, each with its Pub/Sub topic', async () => {
    // What the source declares, read from it so that a new scheduled function is checked here too.
    const source = readFileSync(join(ROOT, 'functions', 'src', 'index.ts'), 'utf8');
    const declared = [
      ...source.matchAll(/export const (\w+) = onSchedule\(\{\s*schedule: '([^']+)',\s*timeZone: TIME_ZONE/g),
    ].map((m) => [m[1], m[2]]);
    expect(declared.length).toBeGreaterThanOrEqual(4);
    const loaded = await scheduledFunctions();
    expect(loaded.map((j) => [j.name, j.schedule])).toEqual(
      declared.sort(([a], [b]) => a!.localeCompare(b!)),
    );
    expect(new Set(loaded.map((j) => j.timeZone))).toEqual(new Set(['Asia/Ho_Chi_Minh']));

    // The Pub/Sub emulator is up (emulators:exec names it) and the functions emulator made each job's topic.
    const host = process.env.PUBSUB_EMULATOR_HOST;
    expect(host, 'PUBSUB_EMULATOR_HOST: the Pub/Sub emulator is not running').toBeTruthy();
    const topics = (await (await fetch(`http://${host}/v1/projects/${PROJECT_ID}/topics`)).json()) as {
      topics: { name: string }[];
    };
    for (const job of loaded)
      expect(topics.topics.map((t) => t.name)).toContain(
        `projects/${PROJECT_ID}/topics/firebase-schedule-${job.name}`,
      );
  });
});

describe('the deadline sweep, fired by the scheduler', () => {
  it('flags a dossier due soon and creates the day-before task, then marks it overdue, by itself', async () => {
    const dossierId = await writeDossier('turning', '2026-06-16T10:05:00'); // Tue 16 June 2026, 10:05
    // From 09:59:59 at ×60: the 10:00 tick at once, the 10:15 tick 15 s later (room for a cold worker).
    const ticks: FireResult[] = [];
    const scheduler = await startScheduler({
      functionsOrigin: FUNCTIONS_ORIGIN,
      projectId: PROJECT_ID,
      factor: 60,
      startAt: vn('2026-06-16T09:59:59'),
      only: ['deadlineSweep'],
      log: () => undefined,
      onTick: (result) => ticks.push(result),
    });
    try {
      await eventually(async () => (ticks.length >= 1 ? true : undefined), 'the 10:00 sweep');
      expect(ticks[0]).toMatchObject({
        job: 'deadlineSweep',
        scheduleTime: vn('2026-06-16T10:00:00').toISOString(),
        status: 200,
      });
      const dueSoon = await watchOf(dossierId);
      expect(dueSoon).toMatchObject({ dueSoon: true, overdue: false, escalationLevel: 0 });
      expect(await taskExists(taskIdOf(dossierId, 'extension'))).toBe(true); // the apology with a new date, due the day before
      expect(await taskExists(taskIdOf(dossierId, 'escalation1'))).toBe(false);

      await eventually(async () => (ticks.length >= 2 ? true : undefined), 'the 10:15 sweep');
    } finally {
      await scheduler.stop();
    }
    expect(ticks.map((t) => [t.scheduleTime, t.status])).toEqual([
      [vn('2026-06-16T10:00:00').toISOString(), 200],
      [vn('2026-06-16T10:15:00').toISOString(), 200],
    ]);
    const overdue = await watchOf(dossierId);
    expect(overdue).toMatchObject({ dueSoon: false, overdue: true, escalationLevel: 1 });
    expect(instant(overdue!.checkedAt)).toBe(vn('2026-06-16T10:15:00').toISOString());
    expect(await taskExists(taskIdOf(dossierId, 'escalation1'))).toBe(true);
    const task = (await db.doc(`tasks/${taskIdOf(dossierId, 'extension')}`).get()).data();
    expect(task).toMatchObject({ kind: 'issueApology', dossierId, state: 'open' });
    expect(instant(task!.createdAt)).toBe(vn('2026-06-16T10:00:00').toISOString());
  });

  it('runs nightly at 00:30 Vietnam time (17:30 UTC the day before)', async () => {
    const dossierId = await writeDossier('nightly', '2026-06-18T10:00:00'); // Thu 18 June: due soon from Wed 17
    const ticks = await runScheduler(['deadlineSweepNightly'], '2026-06-17T00:29:58', 60, 1);
    expect(ticks[0]).toMatchObject({
      job: 'deadlineSweepNightly',
      scheduleTime: '2026-06-16T17:30:00.000Z',
      status: 200,
    });
    const watch = await watchOf(dossierId);
    expect(watch).toMatchObject({ dueSoon: true, overdue: false });
    expect(instant(watch!.checkedAt)).toBe('2026-06-16T17:30:00.000Z');
    expect(await taskExists(taskIdOf(dossierId, 'extension'))).toBe(true);
  });
});

describe('notification recovery, fired by the scheduler', () => {
  /** A notification left in `sending` by a worker: its lease runs until `leaseUntil`. */
  async function sendingEmail(label: string, to: string, leaseUntilLocal: string): Promise<string> {
    const notificationId = id(label);
    notifications.push(notificationId);
    await db.doc(`notifications/${notificationId}`).set({
      dossierId: id('mail'),
      requestId: 'jobs-test',
      eventType: 'receive',
      channel: 'email',
      recipientUid: null,
      to,
      templateVersion: 1,
      subject: { vi: 'Hồ sơ đã được tiếp nhận', en: 'Dossier received' },
      body: { vi: `Nội dung ${label}`, en: `Body ${label}` },
      createdAt: vn('2026-06-16T10:00:00'),
      state: 'sending',
      leaseId: `worker-of-${label}`,
      attempts: 1,
      nextAttemptAt: vn(leaseUntilLocal), // while sending: the lease expiry
      sentAt: null,
      readAt: null,
      failure: null,
      lastError: null,
    });
    return notificationId;
  }

  async function mailsTo(address: string): Promise<string[]> {
    const dir = process.env.MAIL_CATCHER_DIR;
    expect(dir, 'MAIL_CATCHER_DIR: run through `npm test -- --emulator`').toBeTruthy();
    const ids: string[] = [];
    for (const file of readdirSync(dir!)) {
      const mail = await simpleParser(readFileSync(join(dir!, file)));
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(',') : (mail.to?.text ?? '');
      if (to.includes(address)) ids.push(mail.messageId ?? '');
    }
    return ids;
  }

  it('delivers a notification stuck in `sending` after its worker died exactly once, and leaves a live lease alone', async () => {
    const stuckTo = `stuck.${run}@example.vn`;
    const liveTo = `live.${run}@example.vn`;
    const stuck = await sendingEmail('stuck', stuckTo, '2026-06-16T10:01:00'); // the dead worker's lease ran out at 10:01
    const live = await sendingEmail('live', liveTo, '2026-06-16T11:00:00'); // a worker still holds this one
    // Ticks at 10:05, 10:10 and 10:15 (every 5 minutes), from 10:04:58 at ×60.
    const ticks = await runScheduler(['retryNotifications'], '2026-06-16T10:04:58', 60, 3);
    // Every 5 minutes from 10:05 (a tick may be skipped while a cold worker finishes the one before).
    expect(ticks[0]).toMatchObject({ scheduleTime: vn('2026-06-16T10:05:00').toISOString(), status: 200 });
    for (const t of ticks) expect([t.status, new Date(t.scheduleTime).getUTCMinutes() % 5]).toEqual([200, 0]);

    const recovered = (await db.doc(`notifications/${stuck}`).get()).data()!;
    expect(recovered).toMatchObject({ state: 'sent', attempts: 2, nextAttemptAt: null, failure: null });
    expect(recovered.leaseId).not.toBe('worker-of-stuck');
    expect(instant(recovered.sentAt)).toBe(vn('2026-06-16T10:05:00').toISOString()); // "now" is the tick
    expect(await mailsTo(stuckTo)).toEqual([`<${stuck}@motcua>`]);

    expect((await db.doc(`notifications/${live}`).get()).data()).toMatchObject({
      state: 'sending',
      leaseId: 'worker-of-live',
      attempts: 1,
    });
    expect(await mailsTo(liveTo)).toEqual([]);
  });
});

describe('npm run job', () => {
  const job = (...args: string[]) =>
    promisify(execFile)('npx', ['tsx', 'scripts/job.ts', ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout,
        err: e.stderr,
      }),
    );

  it('fires one job now, or at the tick asked for, through the same wiring', async () => {
    const dossierId = await writeDossier('by-hand', '2026-06-22T10:00:00'); // Mon 22 June: due soon from Fri 19, the working day before
    const answer = await job('deadlineSweep', '--at', '2026-06-19T16:20:00+07:00');
    expect(answer.code, answer.err).toBe(0);
    expect(answer.out).toContain(
      'deadlineSweep at 19/06 16:20 (Asia/Ho_Chi_Minh, 2026-06-19T09:20:00.000Z) → ok 200',
    );
    expect(instant((await watchOf(dossierId))!.checkedAt)).toBe('2026-06-19T09:20:00.000Z');
  });

  it('names the scheduled functions when asked for one that does not exist, and refuses a bad instant', async () => {
    const unknown = await job('sweepEverything');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      'No scheduled function "sweepEverything". Scheduled functions: backlogSnapshot (10,25,40,55 7-17 * * 1-6), closeExpiredSupplements (45 0 * * *), deadlineSweep (*/15 7-17 * * 1-6)',
    );
    const badTime = await job('deadlineSweep', '--at', 'tomorrow');
    expect(badTime.code).toBe(2);
    expect(badTime.err).toContain('Usage: npm run job -- <scheduled function>');
  });
});
