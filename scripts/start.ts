// `npm start`: build, start the Emulator Suite with the demo province, print where to look.
//   --fresh  forget saved emulator data and start from the demo data alone
//   --ui     also start the Emulator UI (needs internet once to download it; not available here)
// Data is imported from and exported to .emulator-data/ (git-ignored), so a restart keeps it.
// Ctrl-C stops everything: firebase-tools exports the data and stops its Java and Node children.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { DATA_DIR, EMULATORS, FIREBASE_BIN, PROJECT_ID, ROOT, describeMode, detectFirestoreEmulator, emulatorEnv } from './lib/emulator-env.js';
import { run } from './lib/run.js';
import { startSmtpCatcher } from './lib/smtp-catcher.js';
import { REGION } from '../functions/src/config.js';
import { demoAccounts, DEMO_PASSWORD } from '../seed/data/officers.js';
import { isSeeded, loadDemoData } from '../seed/load.js';

type Emu = Record<'auth' | 'firestore' | 'functions' | 'hosting' | 'hub', { host: string; port: number }>;
const firebaseJson = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: Emu & Record<string, unknown> };
const emu = firebaseJson.emulators;
const args = new Set(process.argv.slice(2));
const startedAt = Date.now();

function configFile(): string {
  if (!args.has('--ui')) return join(ROOT, 'firebase.json');
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

if (args.has('--fresh')) {
  rmSync(DATA_DIR, { recursive: true, force: true });
  console.log('--fresh: saved emulator data removed.');
}

const mode = detectFirestoreEmulator();
console.log(describeMode(mode));
if (mode.mode === 'unavailable') {
  console.error(`Cannot start: ${mode.reason}. See README, "Troubleshooting".`);
  process.exit(1);
}

// Every email the functions send lands here (functions/.env.local points SMTP at it).
const mail = await startSmtpCatcher({ dir: join(DATA_DIR, 'mail') });

console.log('Building functions and web apps…');
if ((await run('npm', ['run', '--silent', 'build'])) !== 0) process.exit(1);

const firebaseArgs = ['emulators:start', '--only', EMULATORS, '--project', PROJECT_ID, '--config', configFile(), '--export-on-exit', DATA_DIR];
if (existsSync(join(DATA_DIR, 'firebase-export-metadata.json'))) firebaseArgs.push('--import', DATA_DIR);

// Its own process group, so that a terminal's Ctrl-C reaches firebase-tools once (from us): a second
// SIGINT would make it quit at once without exporting the data.
const firebase = spawn(FIREBASE_BIN, firebaseArgs, { cwd: ROOT, env: emulatorEnv(mode), stdio: 'inherit', detached: true });
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: saving data to .emulator-data and stopping the emulators…`);
  firebase.kill('SIGINT');
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
firebase.on('exit', (code) => void mail.close().finally(() => process.exit(stopping ? 0 : (code ?? 1))));

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
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const logins = demoAccounts.map((a) => `    ${a.email.padEnd(28)} ${a.role.padEnd(13)} ${a.agencyId ?? ''}`).join('\n');
  console.log(`
┌──────────────────────────────────────────────────────────────────────────────┐
  motcua đang chạy / is running (${seconds} s)

  Cổng công dân / Citizen portal:        ${hosting}/
  Trang cán bộ / Officer dashboard:      ${hosting}/can-bo/
  Hồ sơ của tôi / My dossiers:           ${hosting}/ho-so/
  Đánh giá tại quầy / Desk kiosk:        ${hosting}/kiosk/
  Công khai / Transparency:              ${hosting}/minh-bach/
  API:                                   ${hosting}/api/health
  Thư đi / Outgoing mail (.eml):         ${mail.dir} (SMTP 127.0.0.1:${mail.port})
  Emulators: Firestore ${emu.firestore.host}:${emu.firestore.port} · Auth ${emu.auth.host}:${emu.auth.port} · Functions ${emu.functions.host}:${emu.functions.port}

  Tài khoản demo / Demo logins (mật khẩu / password: ${DEMO_PASSWORD})
${logins}

  Ctrl-C để dừng (dữ liệu được lưu) / Ctrl-C to stop (data is kept)
└──────────────────────────────────────────────────────────────────────────────┘`);
} catch (err) {
  console.error(`Start failed: ${err instanceof Error ? err.message : String(err)}`);
  stop('SIGTERM');
}
