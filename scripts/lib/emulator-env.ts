// Decides how the Firestore and Pub/Sub emulators can run on this machine and prepares the environment
// for firebase-tools. See docs/adr/0001-emulators.md for why.
//
// Firestore:
//  sdk-jar           the Google Cloud SDK's emulator jar is installed (Debian images here, no internet):
//                    generate a manifest-only launcher jar and point FIRESTORE_EMULATOR_BINARY_PATH at it
//  firebase-managed  no SDK jar: firebase-tools uses (or downloads) its own jar (laptops with internet)
//  unavailable       no Java at all: no Firestore emulator can run
// Pub/Sub (needed so that the functions emulator loads the scheduled functions, docs/adr/0002):
//  sdk               the SDK's `platform/pubsub-emulator`: a generated launcher script in .cache/emulators
//                    (PUBSUB_EMULATOR_BINARY_PATH) execs it
//  firebase-cache    firebase-tools' own copy, fetched once with `npx firebase setup:emulators:pubsub`
//  unavailable       neither (or no Java): never downloaded behind the developer's back, never skipped
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROJECT_ID = 'demo-motcua';
export const EMULATORS = 'auth,firestore,functions,hosting,pubsub';
export const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase');
export const DATA_DIR = join(ROOT, '.emulator-data');
const CACHE_DIR = join(ROOT, '.cache', 'emulators');

// Where the Google Cloud SDK usually lives: Debian's google-cloud-cli packages, the tarball install.
const SDK_ROOT_GUESSES = ['/usr/lib/google-cloud-sdk', '/usr/share/google-cloud-sdk', '/opt/google-cloud-sdk'];
const FIRESTORE_IN_SDK = 'platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const PUBSUB_IN_SDK = 'platform/pubsub-emulator/bin/cloud-pubsub-emulator';

let sdkRootFromGcloud: string | null | undefined;
/** The SDK root as `gcloud` reports it (an install elsewhere, e.g. under the home folder); asked once. */
function gcloudSdkRoot(): string | undefined {
  if (sdkRootFromGcloud === undefined) {
    try {
      const out = execFileSync('gcloud', ['info', '--format=value(installation.sdk_root)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 });
      sdkRootFromGcloud = out.trim() || null;
    } catch {
      sdkRootFromGcloud = null; // no gcloud on PATH
    }
  }
  return sdkRootFromGcloud ?? undefined;
}

/** The first SDK root holding `relative`: the usual places first, then (slower) `gcloud info`. */
function findInSdk(relative: string): string | undefined {
  for (const root of SDK_ROOT_GUESSES) if (existsSync(join(root, relative))) return join(root, relative);
  const root = gcloudSdkRoot();
  return root && existsSync(join(root, relative)) ? join(root, relative) : undefined;
}

export type FirestoreEmulatorMode =
  | { mode: 'sdk-jar'; sdkJar: string; launcherJar: string }
  | { mode: 'firebase-managed' }
  | { mode: 'unavailable'; reason: string };

export type PubsubEmulatorMode =
  | { mode: 'sdk'; sdkScript: string; launcher: string }
  | { mode: 'firebase-cache'; binary: string }
  | { mode: 'unavailable'; reason: string };

/** How each emulator that needs more than Node runs on this machine. */
export type EmulatorSetup = { firestore: FirestoreEmulatorMode; pubsub: PubsubEmulatorMode };

const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

let javaFound: boolean | undefined;
function hasJava(): boolean {
  if (javaFound === undefined) {
    try {
      execFileSync('java', ['-version'], { stdio: 'ignore' });
      javaFound = true;
    } catch {
      javaFound = false;
    }
  }
  return javaFound;
}

/** Writes (once per SDK jar path) a jar holding only a manifest that starts the SDK's emulator. */
function ensureLauncherJar(sdkJar: string): string {
  const dir = CACHE_DIR;
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
  const override = process.env.MOTCUA_FIRESTORE_JAR;
  const sdkJar = override && existsSync(override) ? override : findInSdk(FIRESTORE_IN_SDK);
  if (sdkJar) return { mode: 'sdk-jar', sdkJar, launcherJar: ensureLauncherJar(sdkJar) };
  return { mode: 'firebase-managed' };
}

/**
 * Writes (when it changes) a shell script that execs the SDK's Pub/Sub emulator. firebase-tools chmods
 * whatever PUBSUB_EMULATOR_BINARY_PATH names, which fails on a root-owned SDK file for anyone but root,
 * so it gets a file of our own; `exec` keeps one process, so stopping the emulator stops Java.
 */
function ensurePubsubLauncher(sdkScript: string): string {
  const launcher = join(CACHE_DIR, 'pubsub-launcher.sh');
  const quoted = `'${sdkScript.replaceAll("'", `'\\''`)}'`;
  const text = `#!/bin/sh\n# Generated by scripts/lib/emulator-env.ts: the Google Cloud SDK's Pub/Sub emulator.\nexec ${quoted} "$@"\n`;
  if (existsSync(launcher) && readFileSync(launcher, 'utf8') === text) return launcher;
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(launcher, text);
  chmodSync(launcher, 0o755);
  return launcher;
}

/** firebase-tools' own copy of the Pub/Sub emulator, if `firebase setup:emulators:pubsub` fetched it. */
function firebaseCachedPubsub(): string | undefined {
  const info = join(ROOT, 'node_modules', 'firebase-tools', 'lib', 'emulator', 'downloadableEmulatorInfo.json');
  if (!existsSync(info)) return undefined;
  const relative = (JSON.parse(readFileSync(info, 'utf8')) as { pubsub?: { binaryPathRelativeToCacheDir?: string } }).pubsub?.binaryPathRelativeToCacheDir;
  const cacheDir = process.env.FIREBASE_EMULATORS_PATH ?? join(homedir(), '.cache', 'firebase', 'emulators');
  return relative && existsSync(join(cacheDir, relative)) ? join(cacheDir, relative) : undefined;
}

export function detectPubsubEmulator(): PubsubEmulatorMode {
  if (!hasJava()) return { mode: 'unavailable', reason: 'Java is not installed (the Pub/Sub emulator needs Java)' };
  // MOTCUA_PUBSUB_EMULATOR names the SDK's `cloud-pubsub-emulator` script; a wrong path is an error, not a fallback.
  const override = process.env.MOTCUA_PUBSUB_EMULATOR;
  if (override !== undefined && !existsSync(override)) {
    return { mode: 'unavailable', reason: `MOTCUA_PUBSUB_EMULATOR names ${override}, which does not exist` };
  }
  const sdkScript = override ?? findInSdk(PUBSUB_IN_SDK);
  if (sdkScript) return { mode: 'sdk', sdkScript, launcher: ensurePubsubLauncher(sdkScript) };
  const cached = firebaseCachedPubsub();
  if (cached) return { mode: 'firebase-cache', binary: cached };
  return {
    mode: 'unavailable',
    reason:
      'no Pub/Sub emulator: install the Google Cloud SDK package google-cloud-cli-pubsub-emulator, or run ' +
      '`npx firebase setup:emulators:pubsub` once with internet (see README, "Troubleshooting")',
  };
}

export function detectEmulators(): EmulatorSetup {
  return { firestore: detectFirestoreEmulator(), pubsub: detectPubsubEmulator() };
}

/** Why the Emulator Suite cannot start here (empty when it can). */
export function unavailableReasons(setup: EmulatorSetup): string[] {
  return [setup.firestore, setup.pubsub].flatMap((m) => (m.mode === 'unavailable' ? [m.reason] : []));
}

/**
 * Secrets of the functions under the emulators come from functions/.secret.local (git-ignored). A random
 * one is made on first use, so no secret is ever committed; tests read the same file.
 */
export const DEV_SECRETS_FILE = join(ROOT, 'functions', '.secret.local');
/** One secret of functions/.secret.local (made first if missing). */
export function devSecret(name: string): string {
  ensureDevSecrets();
  const value = new RegExp(`^${name}=(.+)$`, 'm').exec(readFileSync(DEV_SECRETS_FILE, 'utf8'))?.[1];
  if (!value) throw new Error(`functions/.secret.local has no ${name}`);
  return value.trim();
}

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
    // Unlocks the test CA's PKCS#12 files (scripts/lib/test-ca.ts); `none` would switch signing off.
    ['SIGNING_KEY_PASSPHRASE', () => randomBytes(24).toString('base64url')],
    // The local VNeID stand-in reads the same client secret (scripts/lib/oidc-stand-in.ts).
    ['VNEID_CLIENT_SECRET', () => randomBytes(24).toString('base64url')],
    ['FILE_ENCRYPTION_KEYS', () => `dev1:${randomBytes(32).toString('base64')}`],
    // Shared with the local stand-in of the national portal and the payment gateway (it reads this file).
    ['PORTAL_API_KEY', () => randomBytes(24).toString('base64url')],
    ['PORTAL_INBOUND_SECRET', () => randomBytes(32).toString('base64url')],
    ['PAYMENT_HASH_SECRET', () => randomBytes(24).toString('hex').toUpperCase()],
  ];
  const missing = wanted.filter(([name]) => !has(name)).map(([name, value]) => `${name}=${value()}\n`);
  if (missing.length === 0) return;
  const prefix = existing && !existing.endsWith('\n') ? '\n' : '';
  writeFileSync(DEV_SECRETS_FILE, existing + prefix + missing.join(''), { mode: 0o600 });
}

/** Environment for every firebase-tools call: demo project, no metadata probes, the launchers. */
export function emulatorEnv(setup: EmulatorSetup): NodeJS.ProcessEnv {
  ensureDevSecrets();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    METADATA_SERVER_DETECTION: 'none',
    GCLOUD_PROJECT: PROJECT_ID,
    FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true',
  };
  if (setup.firestore.mode === 'sdk-jar') env.FIRESTORE_EMULATOR_BINARY_PATH = setup.firestore.launcherJar;
  if (setup.pubsub.mode === 'sdk') env.PUBSUB_EMULATOR_BINARY_PATH = setup.pubsub.launcher;
  return env;
}

export function describeSetup(setup: EmulatorSetup): string {
  return `${describeFirestore(setup.firestore)}\n${describePubsub(setup.pubsub)}`;
}

function describePubsub(mode: PubsubEmulatorMode): string {
  switch (mode.mode) {
    case 'sdk':
      return `Pub/Sub emulator: Google Cloud SDK ${mode.sdkScript} (via launcher ${mode.launcher})`;
    case 'firebase-cache':
      return `Pub/Sub emulator: firebase-tools' copy ${mode.binary}`;
    case 'unavailable':
      return `Pub/Sub emulator: UNAVAILABLE — ${mode.reason}`;
  }
}

function describeFirestore(mode: FirestoreEmulatorMode): string {
  switch (mode.mode) {
    case 'sdk-jar':
      return `Firestore emulator: Google Cloud SDK jar ${mode.sdkJar} (via launcher ${mode.launcherJar})`;
    case 'firebase-managed':
      return 'Firestore emulator: managed by firebase-tools (downloaded on first use; needs internet once)';
    case 'unavailable':
      return `Firestore emulator: UNAVAILABLE — ${mode.reason}`;
  }
}

/** The functions emulator's address, from firebase.json (as every script and test reads the ports). */
export function functionsOrigin(): string {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: { functions: { host: string; port: number } } };
  return `http://${config.emulators.functions.host}:${config.emulators.functions.port}`;
}

/** The Hosting emulator's port, from firebase.json (where the VNeID stand-in sends people back). */
export function hostingPort(): number {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: { hosting: { port: number } } };
  return config.emulators.hosting.port;
}
