// Shared by the security-rules tests (test/emulator/rules/*.rules.test.ts): one rules-unit-testing
// environment per file, bound to the running Firestore emulator and loaded with firestore.rules; the
// actors of the permission matrix; seeding with the rules disabled; the coverage report.
//
// The emulator is shared with every other emulator test of the run: never clearFirestore(). Every
// document and user id created here starts with `rules-`, and each file deletes what it seeded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
  type TokenOptions,
} from '@firebase/rules-unit-testing';
import { deleteDoc, doc, setDoc, setLogLevel, type DocumentData, type Firestore } from 'firebase/firestore';
import { FIRESTORE_HOST, PROJECT_ID, ROOT } from '../../support/emulators.js';

// Denials are the expected outcome of half the cells; keep the SDK from logging each one.
setLogLevel('silent');

/** Agency X receives; agency Y handles after a transfer; agency Z is unrelated to both. */
export const AGENCY_X = '000.00.01.H99';
export const AGENCY_Y = '000.00.14.H99';
export const AGENCY_Z = '000.00.20.H99';

type ActorToken = { uid: string; claims: TokenOptions };

/** The rows of every matrix. `undefined` is the anonymous visitor. */
export const ACTORS = {
  anonymous: undefined,
  citizenA: { uid: 'rules-citizen-a', claims: {} },
  citizenB: { uid: 'rules-citizen-b', claims: {} },
  receptionistX: { uid: 'rules-receptionist-x', claims: { role: 'receptionist', agencyId: AGENCY_X } },
  handlerY: { uid: 'rules-handler-y', claims: { role: 'handler', agencyId: AGENCY_Y } },
  leadX: { uid: 'rules-lead-x', claims: { role: 'lead', agencyId: AGENCY_X } },
  admin: { uid: 'rules-admin', claims: { role: 'admin', agencyId: '000.00.00.H99' } },
  monitor: { uid: 'rules-monitor', claims: { role: 'monitor', agencyId: '000.00.00.H99' } },
  // The desk rating device of agency X: neither citizen nor officer, so only what everyone gets.
  kioskX: { uid: 'rules-kiosk-x', claims: { role: 'kiosk', agencyId: AGENCY_X } },
} as const satisfies Record<string, ActorToken | undefined>;
export type Actor = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as Actor[];

export function uidOf(actor: Exclude<Actor, 'anonymous'>): string {
  return ACTORS[actor].uid;
}

/** `expected` per actor, as the list of actors allowed (everyone else must be refused). */
export function allowedOnly(...allowed: Actor[]): Record<Actor, boolean> {
  return Object.fromEntries(ACTOR_NAMES.map((a) => [a, allowed.includes(a)])) as Record<Actor, boolean>;
}
export const NOBODY = allowedOnly();
export const EVERYONE = allowedOnly(...ACTOR_NAMES);

const RULES = readFileSync(join(ROOT, 'firestore.rules'), 'utf8');
const COVERAGE_JSON_URL = `http://${FIRESTORE_HOST}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage`;

/** The rules the emulator runs now (the coverage report carries their source). */
async function loadedRules(): Promise<string | undefined> {
  const res = await fetch(COVERAGE_JSON_URL);
  if (!res.ok) return undefined;
  const body = (await res.json()) as { rules?: { files?: { content?: string }[] } };
  return body.rules?.files?.[0]?.content;
}

/**
 * A rules-unit-testing environment on the running emulator, which must run firestore.rules.
 * `firebase emulators:exec` already loaded them from firebase.json; they are loaded again only if they
 * differ, because loading rules resets the emulator's coverage counts and the report must cover the run.
 */
export async function rulesEnv(): Promise<RulesTestEnvironment> {
  const [host, port] = FIRESTORE_HOST.split(':') as [string, string];
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    throw new Error(
      'The rules tests need the Firestore emulator: run them with `npm test` (firebase emulators:exec).',
    );
  }
  const current = await loadedRules();
  return initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host, port: Number(port), ...(current === RULES ? {} : { rules: RULES }) },
  });
}

const clients = new WeakMap<RulesTestEnvironment, Map<Actor, Firestore>>();

/** A client Firestore signed in as `actor` (custom claims in the token), or signed out; one per actor. */
export function firestoreAs(env: RulesTestEnvironment, actor: Actor): Firestore {
  let byActor = clients.get(env);
  if (!byActor) clients.set(env, (byActor = new Map()));
  const cached = byActor.get(actor);
  if (cached) return cached;
  const who: ActorToken | undefined = ACTORS[actor];
  const ctx = who ? env.authenticatedContext(who.uid, who.claims) : env.unauthenticatedContext();
  // The context hands out the compat instance; the modular functions unwrap it (getModularInstance).
  const db = ctx.firestore() as unknown as Firestore;
  byActor.set(actor, db);
  return db;
}

/**
 * One test file's rules environment: `await rules.start()` in beforeAll, `rules.db(actor)` in tests,
 * `rules.env()` to seed, `rules.current` for teardown (undefined when start failed).
 */
export function rulesSession() {
  const session = {
    current: undefined as RulesTestEnvironment | undefined,
    async start(): Promise<RulesTestEnvironment> {
      session.current = await rulesEnv();
      return session.current;
    },
    env(): RulesTestEnvironment {
      if (!session.current) throw new Error('rules environment not started');
      return session.current;
    },
    db: (actor: Actor): Firestore => firestoreAs(session.env(), actor),
  };
  return session;
}

/** Asserts that the operation is allowed or refused by the rules, and returns nothing either way. */
export async function expectRule(operation: Promise<unknown>, allowed: boolean): Promise<void> {
  if (allowed) await assertSucceeds(operation);
  else await assertFails(operation);
}

/** Writes fixture documents as the server would (rules disabled). */
export async function seed(env: RulesTestEnvironment, docs: Record<string, DocumentData>): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await Promise.all(Object.entries(docs).map(([path, data]) => setDoc(doc(db, path), data)));
  });
}

/** Deletes documents (fixtures and anything a test may have created), rules disabled. */
export async function remove(env: RulesTestEnvironment, paths: Iterable<string>): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await Promise.all([...paths].map((path) => deleteDoc(doc(db, path))));
  });
}

export const COVERAGE_URL = `http://${FIRESTORE_HOST}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage.html`;
export const COVERAGE_FILE = join(ROOT, 'test-results', 'firestore-rules-coverage.html');

/**
 * Saves the emulator's rules-coverage report (every rules evaluation since the emulator started).
 * Each rules file saves it when it ends, so whichever runs last leaves the complete report.
 */
export async function saveCoverage(): Promise<string> {
  const res = await fetch(COVERAGE_URL);
  if (!res.ok) throw new Error(`rules coverage report: HTTP ${res.status}`);
  const html = await res.text();
  if (!html.includes('const data')) throw new Error('rules coverage report: unexpected content');
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(COVERAGE_FILE, html);
  return html;
}

/** Ends a rules file: deletes its documents, saves the coverage report, closes the environment. */
export async function teardown(
  env: RulesTestEnvironment | undefined,
  paths: Iterable<string>,
): Promise<void> {
  if (!env) return;
  await remove(env, paths);
  await saveCoverage();
  await env.cleanup();
}
