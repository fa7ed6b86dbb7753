// Security rules of the catalog and platform collections, against the real Firestore emulator:
// every role × collection × operation cell is asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, getDoc, setDoc, deleteDoc, setLogLevel } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FIRESTORE_HOST, PROJECT_ID, ROOT, requireEmulators } from '../support/emulators.js';

let env: RulesTestEnvironment;
// Denied writes are the expected outcome here; keep the SDK from logging each one.
setLogLevel('silent');

const ACTORS = {
  anonymous: undefined,
  citizen: { uid: 'citizen-a', claims: {} },
  receptionist: { uid: 'officer-r', claims: { role: 'receptionist', agencyId: '000.00.01.H99' } },
  admin: { uid: 'officer-admin', claims: { role: 'admin', agencyId: '000.00.00.H99' } },
} as const;
type Actor = keyof typeof ACTORS;

function firestoreAs(actor: Actor) {
  const who = ACTORS[actor];
  return who ? env.authenticatedContext(who.uid, who.claims).firestore() : env.unauthenticatedContext().firestore();
}

beforeAll(async () => {
  requireEmulators();
  const [host, port] = FIRESTORE_HOST.split(':') as [string, string];
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host, port: Number(port), rules: readFileSync(join(ROOT, 'firestore.rules'), 'utf8') },
  });
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await setDoc(doc(db, 'agencies/rules-test-agency'), { name: 'test' });
    await setDoc(doc(db, 'procedures/rules-test-proc'), { name: 'test' });
    await setDoc(doc(db, 'procedures/rules-test-proc/versions/1'), { name: 'test' });
    await setDoc(doc(db, 'calendars/2099'), { year: 2099 });
    await setDoc(doc(db, 'users/citizen-a'), { role: 'citizen' });
    await setDoc(doc(db, 'users/officer-r'), { role: 'receptionist' });
    await setDoc(doc(db, 'healthPings/rules-test-ping'), { note: null });
    await setDoc(doc(db, 'system/rules-test'), { x: 1 });
  });
});

afterAll(async () => {
  await env?.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    for (const path of ['agencies/rules-test-agency', 'procedures/rules-test-proc/versions/1', 'procedures/rules-test-proc', 'calendars/2099', 'users/citizen-a', 'users/officer-r', 'healthPings/rules-test-ping', 'system/rules-test']) {
      await deleteDoc(doc(db, path));
    }
  });
  await env?.cleanup();
});

const PUBLIC_CATALOG = ['agencies/rules-test-agency', 'procedures/rules-test-proc', 'procedures/rules-test-proc/versions/1', 'calendars/2099'];
const SERVER_ONLY = ['healthPings/rules-test-ping', 'system/rules-test'];

describe.each(Object.keys(ACTORS) as Actor[])('as %s', (actor) => {
  it.each(PUBLIC_CATALOG)('reads but never writes %s', async (path) => {
    const db = firestoreAs(actor);
    await assertSucceeds(getDoc(doc(db, path)));
    await assertFails(setDoc(doc(db, path), { name: 'changed' }));
    await assertFails(deleteDoc(doc(db, path)));
  });

  it.each(SERVER_ONLY)('neither reads nor writes %s', async (path) => {
    const db = firestoreAs(actor);
    await assertFails(getDoc(doc(db, path)));
    await assertFails(setDoc(doc(db, path), { x: 2 }));
  });

  it('reads only its own user profile and writes none', async () => {
    const db = firestoreAs(actor);
    const own = ACTORS[actor]?.uid;
    for (const uid of ['citizen-a', 'officer-r']) {
      if (uid === own) await assertSucceeds(getDoc(doc(db, `users/${uid}`)));
      else await assertFails(getDoc(doc(db, `users/${uid}`)));
      await assertFails(setDoc(doc(db, `users/${uid}`), { role: 'admin' }));
    }
  });
});
