// @owns emulators (starts, kills and restarts the Emulator Suite itself, under the machine-wide lock)
// Outbound sync to the national portal: 1,000 status changes (200 dossiers × submit, receive, assign,
// resolve, return) delivered by the real trigger in the functions emulator to the local stand-in.
// (a) Throughput: status changes acknowledged per second up to the kill, as a ratio of the stand-in's bare
//     request rate (the same 1,000 messages POSTed straight to it, 8 at a time), measured in the same run.
// (b) Nothing lost, nothing duplicated: when 40 % have been acknowledged the suite is stopped mid-delivery
//     (Firestore's state saved on exit, the functions killed with their in-flight work), then started again
//     from that state; the retry sweep and the reconciliation job finish the work. Every (dossier,
//     version, service) must reach the portal exactly once as a new message; a resend after the kill must
//     carry the same Idempotency-Key (the portal then recognises it as a replay).
// The transitions are made in-process by the API's own handlers against the Firestore emulator (as
// bench/codes.ts does): the bench measures delivery, not 1,000 HTTP round trips through Hosting.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActOnDossierBody } from '../functions/src/contract/index.js';
import type { PortalMessage } from '../functions/src/domain/index.js';
import type { DossierDeps } from '../functions/src/features/dossiers/dossier-deps.js';
import type { Caller } from '../functions/src/platform/auth.js';
import { detectEmulators, EMULATORS, unavailableReasons } from '../scripts/lib/emulator-env.js';
import { spawnFirebase, waitForExit, withEmulatorLock } from '../scripts/lib/firebase-cli.js';
import { startLocalStandIn, type PortalStandIn, type ReceivedMessage } from '../scripts/lib/portal-stand-in.js';
import { run } from '../scripts/lib/run.js';
import { AUTH_HOST, FIRESTORE_HOST, HOSTING_URL } from '../test/support/emulators.js';

const DOSSIERS = 200;
const STEPS = 5; // submit, receive, assign, resolve, returnResult
const CHANGES = DOSSIERS * STEPS;
const KILL_AT = 0.4;
const BARE_CONCURRENCY = 8;

const setup = detectEmulators();
const missing = unavailableReasons(setup);
if (missing.length > 0) {
  console.error(`NOT RUN: sync — ${missing.join('; ')}`);
  process.exit(1);
}
// The Admin SDK in this process talks to the emulators this script starts.
process.env.FIRESTORE_EMULATOR_HOST = FIRESTORE_HOST;
process.env.FIREBASE_AUTH_EMULATOR_HOST = AUTH_HOST;
process.env.GCLOUD_PROJECT = 'demo-motcua';
// Loaded after the environment is set: the handlers and the seed bind to the emulators.
const { admin, runSchedule } = await import('../test/support/emulators.js');
const { loadDemoData } = await import('../seed/load.js');
const { submitDossier } = await import('../functions/src/features/dossiers/submit.handler.js');
const { actOnDossier } = await import('../functions/src/features/dossiers/act.handler.js');
const { portalHttpClient } = await import('../functions/src/features/portal-sync/portal-http.js');
const { devSecret } = await import('../scripts/lib/emulator-env.js');
// The tests' land renewal at the province service centre: the application the lifecycle tests drive there.
const { landRenewal, PROVINCE_DESK: DESK } = await import('../test/support/api.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exportDir = mkdtempSync(join(tmpdir(), 'motcua-bench-sync-'));

async function up(): Promise<boolean> {
  try {
    return (await fetch(`${HOSTING_URL}/api/health`, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

/** Starts the suite (from the saved state when `restore`), saving Firestore's state when it is stopped. */
async function startSuite(restore: boolean): Promise<ChildProcess> {
  const args = ['emulators:start', '--only', EMULATORS, '--export-on-exit', exportDir, ...(restore ? ['--import', exportDir] : [])];
  const child = spawnFirebase(args, setup, { stdio: 'pipe' });
  let log = '';
  let ready = false;
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-4000);
    if (/All emulators ready/.test(log)) ready = true;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 240_000;
  while (!(await up())) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the Emulator Suite did not start:\n${log}`);
    await sleep(500);
  }
  // The functions load after Hosting answers: wait for the trigger code to be there too.
  while (!ready) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the Emulator Suite did not get ready:\n${log}`);
    await sleep(250);
  }
  return child;
}

/** Stops the suite as a crash would meet it: mid-delivery. SIGINT so that Firestore's state is saved first. */
async function stopSuite(child: ChildProcess): Promise<void> {
  child.kill('SIGINT');
  await waitForExit(child);
  while (await up()) await sleep(250);
}

const stats = async (url: string) => (await (await fetch(`${url}/_stand-in/stats`)).json()) as { received: number; unique: number; replays: number };

const CITIZEN: Caller = { role: 'citizen', userId: 'bench-sync-citizen' };
const RECEPTIONIST: Caller = { role: 'receptionist', userId: 'bench-sync-receptionist', agencyId: DESK };
const LEAD: Caller = { role: 'lead', userId: 'bench-sync-lead', agencyId: DESK };
const STEP_ACTIONS: { as: Caller; action: ActOnDossierBody['action'] }[] = [
  { as: RECEPTIONIST, action: { type: 'receive' } },
  { as: LEAD, action: { type: 'assign', handlerId: 'handler-at-desk' } },
  { as: LEAD, action: { type: 'resolve', outcome: 'approved', summary: 'Đồng ý cấp đổi' } },
  { as: RECEPTIONIST, action: { type: 'returnResult', via: 'desk' } },
];

await run('npm', ['run', '--silent', 'build']);
let standIn: PortalStandIn | undefined;
let suite: ChildProcess | undefined;
let exitCode = 1;
// Stopped from outside (Ctrl-C, a timeout): stop the emulators this script started, never leave them running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (suite && suite.exitCode === null) suite.kill('SIGINT');
    void (suite ? waitForExit(suite) : Promise.resolve(0)).then(() => process.exit(130));
  });
}
try {
  exitCode = await withEmulatorLock(async () => {
    // The functions are pointed at the stand-in's fixed port (functions/.env.local): only one per machine.
    const stand = await startLocalStandIn({});
    standIn = stand;
    suite = await startSuite(false);
    const { db, auth } = admin();
    await loadDemoData(db, auth);
    const runId = Date.now().toString(36);

    // (a) The baseline: the stand-in's bare request rate for the same number of messages.
    const portal = portalHttpClient({ baseUrl: `${stand.url}/dvcqg`, apiKey: devSecret('PORTAL_API_KEY') });
    let bareNext = 0;
    const bareStart = performance.now();
    await Promise.all(
      Array.from({ length: BARE_CONCURRENCY }, async () => {
        while (bareNext < CHANGES) {
          const i = bareNext++;
          await portal.send({ service: 'CapNhatTienDoHoSoMC', body: { MaHoSo: `BARE-${i}`, PhienBan: 1 } } as unknown as PortalMessage, `bare-${runId}-${i}`);
        }
      }),
    );
    const bareMs = performance.now() - bareStart;
    await fetch(`${stand.url}/_stand-in/reset`, { method: 'POST', body: '{}' });

    // (b) 1,000 status changes, made as fast as the handlers go, paused while the suite is down.
    let paused = false;
    let inFlight = 0;
    const now = () => new Date();
    // The bench files as one account: the daily quotas (issue 12) would stop it after ten.
    const deps = (as: Caller): DossierDeps => ({ db, now, caller: async () => as, onlineQuota: () => ({ perAccountPerDay: 1_000_000, perAgencyPerDay: 1_000_000 }) });
    const request = (body: unknown, params: Record<string, string> = {}) => ({ method: 'POST' as const, path: '', params, query: {}, header: () => undefined, body });
    /** One call, retried with the same request id (idempotent) while the suite is down. */
    async function call<T>(fn: () => Promise<T>): Promise<T> {
      for (;;) {
        while (paused) await sleep(200);
        inFlight += 1;
        try {
          return await fn();
        } catch (err) {
          if (!paused) throw err;
        } finally {
          inFlight -= 1;
        }
      }
    }
    const codes = new Map<string, string>();
    const started = performance.now();
    let nextDossier = 0;
    const producers = Array.from({ length: 8 }, async () => {
      while (nextDossier < DOSSIERS) {
        const i = nextDossier++;
        const made = await call(() => submitDossier(request(landRenewal(`bench-sync-${runId}-${i}`)), deps(CITIZEN)));
        const dossier = (made.body as { dossier: { id: string; code: string; version: number } }).dossier;
        codes.set(dossier.id, dossier.code);
        let version = dossier.version;
        for (const [s, step] of STEP_ACTIONS.entries()) {
          const body: ActOnDossierBody = { requestId: `bench-sync-${runId}-${i}-${s}`, expectedVersion: version, action: step.action };
          const moved = await call(() => actOnDossier(request(body, { dossierId: dossier.id }), deps(step.as)));
          if (moved.status !== 200) throw new Error(`step ${step.action.type} of ${dossier.id}: ${JSON.stringify(moved.body)}`);
          version = (moved.body as { dossier: { version: number } }).dossier.version;
        }
      }
    });
    const production = Promise.all(producers).then(() => performance.now() - started);

    // Kill at 40 % acknowledged (status changes fully sent, counted by the sync cursors the worker moves).
    const acknowledged = async () => (await db.collection('portalSync').where('sentVersion', '>=', 1).get()).docs.filter((d) => codes.has(d.id)).reduce((n, d) => n + (d.get('sentVersion') as number), 0);
    let acked = 0;
    while ((acked = await acknowledged()) < KILL_AT * CHANGES) await sleep(500);
    const killMs = performance.now() - started;
    const ackedAtKill = acked;
    paused = true;
    while (inFlight > 0) await sleep(50);
    const beforeKill = await stats(stand.url);
    console.log(`killed the suite at ${acked} acknowledged status changes (${(killMs / 1000).toFixed(1)} s), the portal had ${beforeKill.unique} messages`);
    await stopSuite(suite);
    suite = await startSuite(true);
    paused = false;
    const productionMs = await production;

    // After the restart: the retry sweep delivers what was pending or held by a dead worker's lease (its
    // tick is taken past the lease), then the reconciliation job checks every dossier against its cursor.
    const deadline = Date.now() + 600_000;
    let tick = Date.now();
    while ((acked = await acknowledged()) < CHANGES) {
      if (Date.now() > deadline) break;
      tick = Math.max(tick + 60_000, Date.now() + 10 * 60_000);
      await runSchedule('retryPortalSync', new Date(tick).toISOString());
      await sleep(1000);
    }
    await runSchedule('reconcilePortalSyncHourly', new Date(tick + 3_600_000).toISOString());
    acked = await acknowledged();
    const totalMs = performance.now() - started;

    // Exactly once: every service message of every status change, as the sync requests list them.
    const requests = (await db.collection('portalSyncRequests').get()).docs.filter((d) => codes.has(d.get('dossierId') as string));
    const expected = new Set<string>();
    for (const r of requests) for (const m of r.get('messages') as { service: string }[]) expected.add(`${codes.get(r.get('dossierId') as string)}|${r.get('version') as number}|${m.service}`);
    const messages = ((await (await fetch(`${stand.url}/_stand-in/messages`)).json()) as { messages: ReceivedMessage[] }).messages;
    const fresh = new Map<string, number>();
    for (const m of messages.filter((x) => !x.replay)) fresh.set(`${m.maHoSo}|${m.version}|${m.service}`, (fresh.get(`${m.maHoSo}|${m.version}|${m.service}`) ?? 0) + 1);
    const lost = [...expected].filter((k) => !fresh.has(k)).length + (CHANGES - requests.length);
    const duplicated = [...fresh.values()].reduce((n, c) => n + (c - 1), 0) + [...fresh.keys()].filter((k) => !expected.has(k)).length;
    const replays = messages.filter((x) => x.replay).length;
    const unsent = requests.filter((r) => r.get('state') !== 'sent').length;

    const syncRate = ackedAtKill / (killMs / 1000);
    const bareRate = CHANGES / (bareMs / 1000);
    console.log(`stand-in bare rate (baseline): ${CHANGES} requests in ${(bareMs / 1000).toFixed(2)} s, ${bareRate.toFixed(0)}/s (${BARE_CONCURRENCY} at a time)`);
    console.log(`sync before the kill: ${ackedAtKill} status changes acknowledged in ${(killMs / 1000).toFixed(1)} s, ${syncRate.toFixed(1)}/s (production of all ${CHANGES}: ${(productionMs / 1000).toFixed(1)} s, including the restart)`);
    console.log(`all ${acked}/${CHANGES} acknowledged ${(totalMs / 1000).toFixed(1)} s after the start; sync requests: ${requests.length}, not sent: ${unsent}`);
    console.log(`portal: ${expected.size} expected messages, ${fresh.size} received as new, ${replays} resent after the kill with the same key (recognised as replays)`);
    const ok = lost === 0 && duplicated === 0 && unsent === 0 && acked === CHANGES;
    console.log(
      `sync: ${CHANGES} status changes at ${(syncRate / bareRate).toFixed(3)}x the stand-in's bare request rate (${syncRate.toFixed(1)}/s vs ${bareRate.toFixed(0)}/s); ${lost} lost, ${duplicated} duplicated after killing and restarting the emulators mid-run${ok ? '' : ' — FAILED'}`,
    );
    return ok ? 0 : 1;
  });
} catch (err) {
  console.error(err);
} finally {
  if (suite && suite.exitCode === null) await stopSuite(suite).catch(() => undefined);
  await standIn?.close();
  rmSync(exportDir, { recursive: true, force: true });
}
process.exit(exitCode);
