// Shared by every emulator and browser test: addresses of the running Emulator Suite (from
// firebase.json) and an Admin SDK bound to it. Tests run under `firebase emulators:exec` (npm test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { discoverJobs, fireJob, type FireResult, type ScheduledJob } from '../../scripts/lib/scheduler.js';

export const ROOT = join(import.meta.dirname, '../..');
export const PROJECT_ID = 'demo-motcua';
export const REGION = 'asia-southeast1';

type EmulatorConfig = Record<'auth' | 'firestore' | 'functions' | 'hosting', { host: string; port: number }>;
const config = (JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as { emulators: EmulatorConfig }).emulators;

export const HOSTING_URL = `http://${config.hosting.host}:${config.hosting.port}`;
export const FUNCTIONS_URL = `http://${config.functions.host}:${config.functions.port}/${PROJECT_ID}/${REGION}`;
export const FIRESTORE_HOST = `${config.firestore.host}:${config.firestore.port}`;
export const AUTH_HOST = `${config.auth.host}:${config.auth.port}`;

export function requireEmulators(): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('These tests need the Firebase Emulator Suite: run them with `npm test` (firebase emulators:exec).');
  }
}

let handles: { db: Firestore; auth: Auth } | undefined;

export function admin(): { db: Firestore; auth: Auth } {
  requireEmulators();
  if (handles) return handles;
  const app = getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
  const db = getFirestore(app);
  db.settings({ ignoreUndefinedProperties: true }); // as the functions do (platform/firestore.ts)
  handles = { db, auth: getAuth(app) };
  return handles;
}

/** Polls until `probe` returns a value other than undefined (the effect of a trigger, say). */
// Generous: a trigger chain on a loaded two-core machine (cold workers) can take many seconds.
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const FUNCTIONS_ORIGIN = `http://${config.functions.host}:${config.functions.port}`;

let scheduledJobs: Promise<ScheduledJob[]> | undefined;
/** Every scheduled function the functions emulator loaded, with its schedule (as the local scheduler sees them). */
export function scheduledFunctions(): Promise<ScheduledJob[]> {
  scheduledJobs ??= discoverJobs(FUNCTIONS_ORIGIN);
  return scheduledJobs;
}

/**
 * Runs one tick of a scheduled function the way Cloud Scheduler does, through the local scheduler's own
 * code (scripts/lib/scheduler.ts): an HTTP POST to the function's trigger carrying the schedule time.
 */
export async function runSchedule(name: string, scheduleTime: string): Promise<FireResult> {
  const job = (await scheduledFunctions()).find((j) => j.name === name);
  if (!job) throw new Error(`no scheduled function ${name}`);
  return fireJob({ functionsOrigin: FUNCTIONS_ORIGIN, projectId: PROJECT_ID }, job, new Date(scheduleTime));
}

export async function deleteCollection(db: Firestore, path: string): Promise<void> {
  await db.recursiveDelete(db.collection(path));
}
