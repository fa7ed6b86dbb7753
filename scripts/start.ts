// `npm start`: build, start the Emulator Suite with the demo province and the local scheduler, print
// where to look.
//   --fresh         forget saved emulator data and start from the demo data alone
//   --clock <n>     run the scheduled jobs' clock n times faster (60: an hour a minute), see docs/OPERATIONS.md
//   --ui            also start the Emulator UI (needs internet once to download it; not available here)
// Data is imported from and exported to .emulator-data/ (git-ignored), so a restart keeps it.
// Ctrl-C stops everything: the scheduler first, then firebase-tools exports the data and stops its Java
// and Node children.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { DATA_DIR, EMULATORS, FIREBASE_BIN, PROJECT_ID, ROOT, describeSetup, detectEmulators, emulatorEnv, unavailableReasons } from './lib/emulator-env.js';
import { run } from './lib/run.js';
import { formatTick, startScheduler, type RunningScheduler } from './lib/scheduler.js';
import { startSmtpCatcher } from './lib/smtp-catcher.js';
import { ensureTestCa } from './lib/test-ca.js';
import { startOidcStandIn } from './lib/oidc-stand-in.js';
import { startLocalStandIn } from './lib/portal-stand-in.js';
import { REGION, TIME_ZONE } from '../functions/src/config.js';
import { createDemoDossiers, type DemoDossier } from '../seed/demo-dossiers.js';
import { demoAccounts, DEMO_PASSWORD } from '../seed/data/officers.js';
import { isSeeded, loadDemoData } from '../seed/load.js';

type Emu = Record<'auth' | 'firestore' | 'functions' | 'hosting' | 'hub' | 'pubsub', { host: string; port: number }>;
const firebaseJson = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: Emu & Record<string, unknown> };
const emu = firebaseJson.emulators;
const Options = z.object({
  fresh: z.boolean().default(false),
  ui: z.boolean().default(false),
  // Up to a working day (10 h) a minute; beyond that the jobs cannot keep up with their own ticks.
  clock: z.coerce.number().min(1).max(600).default(1),
});
const parsedArgs = (() => {
  try {
    return Options.safeParse(parseArgs({ options: { fresh: { type: 'boolean' }, ui: { type: 'boolean' }, clock: { type: 'string' } } }).values);
  } catch (err) {
    return { success: false as const, error: err };
  }
})();
if (!parsedArgs.success) {
  console.error('Usage: npm start [-- --fresh] [--clock <1–600>] [--ui]   (e.g. npm start -- --clock 60: an hour of the jobs’ clock a minute)');
  process.exit(2);
}
const options = parsedArgs.data;
const startedAt = Date.now();

function configFile(): string {
  if (!options.ui) return join(ROOT, 'firebase.json');
  const withUi = { ...firebaseJson, emulators: { ...emu, ui: { enabled: true } } };
  const file = join(ROOT, 'firebase.ui.local.json');
  writeFileSync(file, JSON.stringify(withUi, null, 2));
  return file;
}

async function waitUntilUp(child: ChildProcess, url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the emulators stopped while starting (exit ${child.exitCode})`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the emulators did not answer at ${url} within ${timeoutMs / 1000} s`);
}

if (options.fresh) {
  rmSync(DATA_DIR, { recursive: true, force: true });
  console.log('--fresh: saved emulator data removed.');
}

// The local test CA signs the demo province's slips, scans and results (docs/SIGNATURES.md); made once.
await ensureTestCa();
const setup = detectEmulators();
console.log(describeSetup(setup));
const missing = unavailableReasons(setup);
if (missing.length > 0) {
  console.error(`Cannot start: ${missing.join('; ')}. See README, "Troubleshooting".`);
  process.exit(1);
}

// Every email the functions send lands here (functions/.env.local points SMTP at it).
const mail = await startSmtpCatcher({ dir: join(DATA_DIR, 'mail') });
// The stand-in for VNeID (sign in with a demo person's ID number; seed/data/vneid-identities.ts).
const vneid = await startOidcStandIn({ hostingPort: emu.hosting.port });
// The national portal and the payment gateway, played locally (functions/.env.local points at it).
const portal = await startLocalStandIn({ dir: join(DATA_DIR, 'portal') });

console.log('Building functions and web apps…');
if ((await run('npm', ['run', '--silent', 'build'])) !== 0) process.exit(1);

const firebaseArgs = ['emulators:start', '--only', EMULATORS, '--project', PROJECT_ID, '--config', configFile(), '--export-on-exit', DATA_DIR];
if (existsSync(join(DATA_DIR, 'firebase-export-metadata.json'))) firebaseArgs.push('--import', DATA_DIR);

// Its own process group, so that a terminal's Ctrl-C reaches firebase-tools once (from us): a second
// SIGINT would make it quit at once without exporting the data.
const firebase = spawn(FIREBASE_BIN, firebaseArgs, { cwd: ROOT, env: emulatorEnv(setup), stdio: 'inherit', detached: true });
let scheduler: RunningScheduler | undefined;
let unwatch: (() => void) | undefined;
let stopping = false;
let startFailed = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the scheduler, saving data to .emulator-data and stopping the emulators…`);
  unwatch?.();
  // A tick under way is let finish (a few seconds at most), so no job is cut off by the shutdown.
  const schedulerStopped = scheduler ? Promise.race([scheduler.stop(), new Promise((r) => setTimeout(r, 10_000))]) : Promise.resolve();
  void schedulerStopped.then(() => firebase.kill('SIGINT'));
  setTimeout(() => {
    console.error('The emulators did not stop within 60 s; killing them.');
    try {
      process.kill(-firebase.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 60_000).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
firebase.on('exit', (code) => void Promise.all([mail.close(), vneid.close(), portal.close()]).finally(() => process.exit(startFailed ? 1 : stopping ? 0 : (code ?? 1))));

try {
  const hosting = `http://${emu.hosting.host}:${emu.hosting.port}`;
  // Ask the functions emulator directly: it answers once the functions are loaded, and polling it
  // does not fill the Hosting log.
  await waitUntilUp(firebase, `http://${emu.functions.host}:${emu.functions.port}/${PROJECT_ID}/${REGION}/api/health`);
  process.env.FIRESTORE_EMULATOR_HOST = `${emu.firestore.host}:${emu.firestore.port}`;
  process.env.FIREBASE_AUTH_EMULATOR_HOST = `${emu.auth.host}:${emu.auth.port}`;
  const app = getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
  const db = getFirestore(app);
  if (await isSeeded(db)) {
    console.log('Demo data: kept from the previous run (.emulator-data).');
  } else {
    const loaded = await loadDemoData(db, getAuth(app));
    console.log(`Demo data: loaded ${loaded.documents} documents and ${loaded.accountsCreated} accounts.`);
  }
  // Idempotent (fixed request ids): on kept data this finds the dossier made by the first start.
  const demo: DemoDossier[] = await createDemoDossiers(hosting, `${emu.auth.host}:${emu.auth.port}`);
  if (stopping) throw new Error('stopped while starting');
  scheduler = await startScheduler({
    functionsOrigin: `http://${emu.functions.host}:${emu.functions.port}`,
    projectId: PROJECT_ID,
    factor: options.clock,
  });
  // The demo dossier's flags as the sweep writes them, so the log shows it turning due soon, then overdue.
  const unsubscribes = demo.map((d) => {
    let last = '';
    return db.doc(`deadlineWatch/${d.id}`).onSnapshot(
      (snap) => {
        const w = snap.data();
        // Printed when the flags change (every sweep rewrites the overdue days), not at every sweep.
        const state = !w ? 'not flagged' : w.overdue ? `QUÁ HẠN / OVERDUE, escalation level ${w.escalationLevel}` : w.dueSoon ? 'sắp đến hạn / due soon' : 'not flagged';
        if (state === last) return;
        last = state;
        const checked = w ? ` (sweep of ${formatTick((w.checkedAt as { toDate(): Date }).toDate(), TIME_ZONE)}${w.overdue ? `, ${w.overdueWorkingDays} working days late` : ''})` : '';
        console.log(`[demo] ${d.code}: ${state}${checked}`);
      },
      () => undefined, // the emulator is going away
    );
  });
  unwatch = () => unsubscribes.forEach((u) => u());
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const jobs = scheduler.jobs.map((j) => `    ${j.name.padEnd(22)} ${j.schedule.padEnd(18)} next ${formatTick(scheduler!.next()[j.name]!, j.timeZone)}`).join('\n');
  const clock = options.clock === 1 ? 'real time' : `clock ×${options.clock}: a real minute is ${options.clock} scheduled minutes`;
  const demoLines = demo.map((d) => `\n  Hồ sơ mẫu / Demo dossier:              ${d.code}, due ${formatTick(new Date(d.dueAt), TIME_ZONE)} (${d.what})`).join('');
  const logins = demoAccounts.map((a) => `    ${a.email.padEnd(28)} ${a.role.padEnd(13)} ${a.agencyId ?? ''}`).join('\n');
  console.log(`
┌──────────────────────────────────────────────────────────────────────────────┐
  motcua đang chạy / is running (${seconds} s)

  Cổng công dân / Citizen portal:        ${hosting}/
  Trang cán bộ / Officer dashboard:      ${hosting}/can-bo/
  Hồ sơ của tôi / My dossiers:           ${hosting}/ho-so/
  Đánh giá tại quầy / Desk kiosk:        ${hosting}/kiosk/
  Công khai / Transparency:              ${hosting}/minh-bach/
  Quản trị / Admin console:              ${hosting}/quan-tri/
  Phản ánh, kiến nghị / Feedback:        ${hosting}/phan-anh/
  Bảng điều hành / Leaders' dashboard:   ${hosting}/lanh-dao/
  API:                                   ${hosting}/api/health
  Thư đi / Outgoing mail (.eml):         ${mail.dir} (SMTP 127.0.0.1:${mail.port})
  Cổng DVCQG giả lập / Portal stand-in:  ${portal.url} (what it received: .emulator-data/portal/received.jsonl; docs/SYNC.md)
  Đồng bộ DVCQG / Portal sync health:    ${hosting}/can-bo/ (quantri@ / giamsat@motcua.demo)
  Emulators: Firestore ${emu.firestore.host}:${emu.firestore.port} · Auth ${emu.auth.host}:${emu.auth.port} · Functions ${emu.functions.host}:${emu.functions.port} · Pub/Sub ${emu.pubsub.host}:${emu.pubsub.port}${demoLines}

  Lịch chạy / Scheduler (giờ Việt Nam / ${TIME_ZONE}, ${clock}):
${jobs}
    Chạy ngay / run one now: npm run job -- deadlineSweep   ·   docs/OPERATIONS.md

  Tài khoản demo / Demo logins (mật khẩu / password: ${DEMO_PASSWORD})
${logins}

  Ctrl-C để dừng (dữ liệu được lưu) / Ctrl-C to stop (data is kept)
└──────────────────────────────────────────────────────────────────────────────┘`);
} catch (err) {
  console.error(`Start failed: ${err instanceof Error ? err.message : String(err)}`);
  startFailed = !stopping; // a Ctrl-C while starting is not a failure
  stop('SIGTERM');
}
