// Decides how the Firestore emulator can run on this machine and prepares the environment for
// firebase-tools. See docs/adr/0001-emulators.md for why.
//
//  sdk-jar           the Google Cloud SDK's emulator jar is installed (Debian images here, no internet):
//                    generate a manifest-only launcher jar and point FIRESTORE_EMULATOR_BINARY_PATH at it
//  firebase-managed  no SDK jar: firebase-tools uses (or downloads) its own jar (laptops with internet)
//  unavailable       no Java at all: no Firestore emulator can run
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROJECT_ID = 'demo-motcua';
export const EMULATORS = 'auth,firestore,functions,hosting';
export const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase');
export const DATA_DIR = join(ROOT, '.emulator-data');

const SDK_JAR_CANDIDATES = [
  process.env.MOTCUA_FIRESTORE_JAR,
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
  '/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
  '/opt/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
];
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

export type FirestoreEmulatorMode =
  | { mode: 'sdk-jar'; sdkJar: string; launcherJar: string }
  | { mode: 'firebase-managed' }
  | { mode: 'unavailable'; reason: string };

function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes (once per SDK jar path) a jar holding only a manifest that starts the SDK's emulator. */
function ensureLauncherJar(sdkJar: string): string {
  const dir = join(ROOT, '.cache', 'emulators');
  const launcher = join(dir, 'firestore-launcher.jar');
  const manifest = `Manifest-Version: 1.0\nMain-Class: ${MAIN_CLASS}\nClass-Path: ${new URL(`file://${sdkJar}`).href}\n`;
  const manifestFile = join(dir, 'MANIFEST.MF');
  if (existsSync(launcher) && existsSync(manifestFile) && readFileSync(manifestFile, 'utf8') === manifest) return launcher;
  mkdirSync(dir, { recursive: true });
  writeFileSync(manifestFile, manifest);
  execFileSync('jar', ['cfm', launcher, manifestFile], { cwd: dir, stdio: 'inherit' });
  return launcher;
}

export function detectFirestoreEmulator(): FirestoreEmulatorMode {
  if (!hasJava()) {
    return { mode: 'unavailable', reason: 'Java is not installed (the Firestore emulator needs Java 11+)' };
  }
  const sdkJar = SDK_JAR_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (sdkJar) return { mode: 'sdk-jar', sdkJar, launcherJar: ensureLauncherJar(sdkJar) };
  return { mode: 'firebase-managed' };
}

/**
 * Secrets of the functions under the emulators come from functions/.secret.local (git-ignored). A random
 * one is made on first use, so no secret is ever committed; tests read the same file.
 */
export const DEV_SECRETS_FILE = join(ROOT, 'functions', '.secret.local');
export function ensureDevSecrets(): void {
  const existing = existsSync(DEV_SECRETS_FILE) ? readFileSync(DEV_SECRETS_FILE, 'utf8') : '';
  const has = (name: string) => new RegExp(`^${name}=`, 'm').test(existing);
  // Provider keys are unused under the emulators (local sinks and catcher) but every declared secret
  // needs a value, or the functions emulator refuses to load the functions that bind it.
  const wanted: [string, () => string][] = [
    ['LOOKUP_TOKEN_SECRET', () => randomBytes(32).toString('base64url')],
    ['SMTP_PASSWORD', () => 'unused-under-emulators'],
    ['SMS_API_KEY', () => 'unused-under-emulators'],
    ['SMS_SECRET_KEY', () => 'unused-under-emulators'],
    ['ZALO_APP_SECRET', () => 'unused-under-emulators'],
  ];
  const missing = wanted.filter(([name]) => !has(name)).map(([name, value]) => `${name}=${value()}\n`);
  if (missing.length === 0) return;
  const prefix = existing && !existing.endsWith('\n') ? '\n' : '';
  writeFileSync(DEV_SECRETS_FILE, existing + prefix + missing.join(''), { mode: 0o600 });
}

/** Environment for every firebase-tools call: demo project, no metadata probes, the launcher jar. */
export function emulatorEnv(mode: FirestoreEmulatorMode): NodeJS.ProcessEnv {
  ensureDevSecrets();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    METADATA_SERVER_DETECTION: 'none',
    GCLOUD_PROJECT: PROJECT_ID,
    FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true',
  };
  if (mode.mode === 'sdk-jar') env.FIRESTORE_EMULATOR_BINARY_PATH = mode.launcherJar;
  return env;
}

export function describeMode(mode: FirestoreEmulatorMode): string {
  switch (mode.mode) {
    case 'sdk-jar':
      return `Firestore emulator: Google Cloud SDK jar ${mode.sdkJar} (via launcher ${mode.launcherJar})`;
    case 'firebase-managed':
      return 'Firestore emulator: managed by firebase-tools (downloaded on first use; needs internet once)';
    case 'unavailable':
      return `Firestore emulator: UNAVAILABLE — ${mode.reason}`;
  }
}
