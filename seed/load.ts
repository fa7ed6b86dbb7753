// Loads the demo province into the emulators: agencies, procedures (with versions), working calendars
// and demo accounts. Refuses to touch anything but an emulator of a demo- project.
//
// @idempotent: documents are written with fixed ids and accounts are created only when missing, so a
// second run changes nothing. `system/seed` records what was loaded; npm start seeds only when absent.
import type { Auth } from 'firebase-admin/auth';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { REFERENCE_KINDS, REFERENCE_STAMPS } from '../functions/src/store/reference-stamps.js';
import { demoAgencies } from './data/agencies.js';
import { demoBranding } from './data/branding.js';
import { demoCalendars } from './data/calendars.js';
import { demoAccounts, DEMO_PASSWORD } from './data/officers.js';
import { demoProcedures } from './data/procedures.js';

export const SEED_VERSION = 2;
export const SEED_MARKER = 'system/seed';

export function assertEmulatorTarget(projectId: string): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('Seeding needs FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST: it only runs against the emulators.');
  }
  if (!projectId.startsWith('demo-')) throw new Error(`Refusing to seed project ${projectId}: only demo- projects.`);
}

export async function isSeeded(db: Firestore): Promise<boolean> {
  return (await db.doc(SEED_MARKER).get()).exists;
}

export async function loadDemoData(db: Firestore, auth: Auth, now = new Date()): Promise<{ documents: number; accountsCreated: number }> {
  const writer = db.bulkWriter();
  const writes: Promise<unknown>[] = [];
  const put = (path: string, data: object) => writes.push(writer.set(db.doc(path), data));
  for (const agency of demoAgencies) put(`agencies/${agency.id}`, agency);
  for (const calendar of demoCalendars) put(`calendars/${calendar.year}`, calendar);
  put('settings/branding', demoBranding);
  // procedures/{code} holds the version in force for the catalogue; every version stays under versions/.
  const latest = new Map<string, (typeof demoProcedures)[number]>();
  for (const procedure of demoProcedures) {
    put(`procedures/${procedure.code}/versions/${procedure.version}`, procedure);
    if ((latest.get(procedure.code)?.version ?? 0) < procedure.version) latest.set(procedure.code, procedure);
  }
  for (const [code, procedure] of latest) put(`procedures/${code}`, procedure);
  for (const account of demoAccounts) {
    put(`users/${account.uid}`, { displayName: account.displayName, email: account.email, role: account.role, agencyId: account.agencyId ?? null });
  }
  // Reference data changed under the running functions: their cached copies must not outlive it.
  writes.push(writer.set(db.doc(REFERENCE_STAMPS), Object.fromEntries(REFERENCE_KINDS.map((k) => [k, FieldValue.increment(1)])), { merge: true }));
  await writer.close();
  await Promise.all(writes); // surfaces the first failed write, if any
  const documents = writes.length;

  let accountsCreated = 0;
  for (const account of demoAccounts) {
    const exists = await auth.getUser(account.uid).then(
      () => true,
      (err: { code?: string }) => {
        if (err.code === 'auth/user-not-found') return false;
        throw err;
      },
    );
    if (!exists) {
      await auth.createUser({ uid: account.uid, email: account.email, password: DEMO_PASSWORD, displayName: account.displayName, emailVerified: true });
      accountsCreated += 1;
    }
    const claims = account.role === 'citizen' ? null : { role: account.role, agencyId: account.agencyId };
    await auth.setCustomUserClaims(account.uid, claims);
  }
  await db.doc(SEED_MARKER).set({ version: SEED_VERSION, loadedAt: now, documents });
  return { documents, accountsCreated };
}
