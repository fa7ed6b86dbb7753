// Security rules of the public catalogue (agencies, procedures and their versions, calendars) and of
// user profiles, against the real Firestore emulator: every actor × document × operation cell asserted.
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  query,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  ACTOR_NAMES,
  allowedOnly,
  expectRule,
  NOBODY,
  rulesSession,
  seed,
  teardown,
  uidOf,
  type Actor,
} from './_env.js';

const rules = rulesSession();
const { db } = rules;

const PUBLIC_CATALOG = {
  'agencies/rules-agency': { name: { vi: 'Cơ quan thử', en: 'Test agency' } },
  'procedures/rules-proc': { code: '1.000001', name: { vi: 'Thủ tục thử', en: 'Test procedure' } },
  'procedures/rules-proc/versions/1': { code: '1.000001', version: 1 },
  'calendars/rules-2099': { year: 2099 },
} as const;
type CatalogPath = keyof typeof PUBLIC_CATALOG;
const CATALOG_PATHS = Object.keys(PUBLIC_CATALOG) as CatalogPath[];
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

/** Profiles of two actors: each readable by its own user only. */
const PROFILES = {
  [`users/${uidOf('citizenA')}`]: { role: null, displayName: 'Citizen A' },
  [`users/${uidOf('receptionistX')}`]: { role: 'receptionist', agencyId: '000.00.01.H99' },
};
const PROFILE_READS: Record<string, Record<Actor, boolean>> = {
  [`users/${uidOf('citizenA')}`]: allowedOnly('citizenA'),
  [`users/${uidOf('receptionistX')}`]: allowedOnly('receptionistX'),
};
const PROFILE_PATHS = Object.keys(PROFILES);

const cells = <T>(rows: T[]) => ACTOR_NAMES.flatMap((actor) => rows.map((row) => [actor, row] as const));

beforeAll(async () => {
  const env = await rules.start();
  await seed(env, { ...PUBLIC_CATALOG, ...PROFILES });
});

afterAll(async () => {
  const wronglyCreated = [...CATALOG_PATHS, ...PROFILE_PATHS].map((p) => `${parentOf(p)}/rules-new`);
  const ownProfiles = ACTOR_NAMES.flatMap((a) => (a === 'anonymous' ? [] : [`users/${uidOf(a)}`]));
  await teardown(rules.current, [...wronglyCreated, ...Object.keys(PUBLIC_CATALOG).reverse(), ...ownProfiles]);
});

describe('public catalogue', () => {
  it.each(cells(CATALOG_PATHS))('%s get %s', async (actor, path) => {
    await expectRule(getDoc(doc(db(actor), path)), true);
  });
  it.each(cells(CATALOG_PATHS))('%s list the collection of %s', async (actor, path) => {
    await expectRule(getDocs(query(collection(db(actor), parentOf(path)), limit(5))), true);
  });
  it.each(cells(CATALOG_PATHS))('%s may not create next to %s', async (actor, path) => {
    await expectRule(setDoc(doc(db(actor), `${parentOf(path)}/rules-new`), { name: 'new' }), false);
  });
  it.each(cells(CATALOG_PATHS))('%s may not update %s', async (actor, path) => {
    await expectRule(updateDoc(doc(db(actor), path), { name: 'changed' }), false);
  });
  it.each(cells(CATALOG_PATHS))('%s may not delete %s', async (actor, path) => {
    await expectRule(deleteDoc(doc(db(actor), path)), false);
  });
});

describe('users/{uid}', () => {
  it.each(cells(PROFILE_PATHS))('%s get %s', async (actor, path) => {
    await expectRule(getDoc(doc(db(actor), path)), PROFILE_READS[path]?.[actor] ?? false);
  });
  it.each(ACTOR_NAMES)('%s may not list users', async (actor) => {
    await expectRule(getDocs(query(collection(db(actor), 'users'), limit(5))), NOBODY[actor]);
  });
  it.each(ACTOR_NAMES)('%s may not create its own profile', async (actor) => {
    const uid = actor === 'anonymous' ? 'rules-new' : uidOf(actor);
    // Seeded profiles exist; for the others this is a create. Either way: no client writes a profile.
    await expectRule(
      setDoc(doc(db(actor), `users/${uid}`), { role: 'admin', agencyId: '000.00.01.H99' }),
      false,
    );
  });
  it.each(cells(PROFILE_PATHS))('%s may not update %s (no self-promotion)', async (actor, path) => {
    await expectRule(updateDoc(doc(db(actor), path), { role: 'admin' }), false);
  });
  it.each(cells(PROFILE_PATHS))('%s may not delete %s', async (actor, path) => {
    await expectRule(deleteDoc(doc(db(actor), path)), false);
  });
});
