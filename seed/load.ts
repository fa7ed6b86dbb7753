// Loads the demo province into the emulators through the same imports a real province uses
// (`npm run admin -- import-…`): agencies, procedures and officers from the CSV files in seed/, officers
// by invitation. Then, for the demo only, it stands in for each invited officer following the emailed
// link (a known password, the address verified) and creates the demo citizen. The working calendars are
// written as they are (the calendars are data an administrator keeps in the console).
// Refuses to touch anything but an emulator of a demo- project.
//
// @idempotent: the imports write nothing for unchanged rows and invite nobody already invited; the
// calendars are set to the same content; `system/seed` records what was loaded (npm start loads when it
// is missing or older than SEED_VERSION).
import { readFileSync } from 'node:fs';
import type { Auth } from 'firebase-admin/auth';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { importAgencies } from '../functions/src/features/agencies/import-agencies.js';
import { importProcedures } from '../functions/src/features/catalog/import-procedures.js';
import { importOfficers } from '../functions/src/features/officers/import-officers.js';
import { sendPasswordSetupEmail } from '../functions/src/platform/auth-email.js';
import type { ImportResult } from '../functions/src/store/imports.js';
import { assertAccepted, SEED_FILES } from './catalogue.js';
import { REFERENCE_KINDS, REFERENCE_STAMPS } from '../functions/src/store/reference-stamps.js';
import { demoBranding } from './data/branding.js';
import { demoCalendars } from './data/calendars.js';
import { installDemoOfficerKeys } from './demo-keys.js';
import { DEMO_CITIZEN, DEMO_PASSWORD, demoOfficers } from './data/officers.js';

export const SEED_VERSION = 3;
export const SEED_MARKER = 'system/seed';
/** Where the demo's invitation links lead back to: the Hosting emulator. */
export const DEMO_ORIGIN = 'http://127.0.0.1:5000';
const BY = 'seed';

export function assertEmulatorTarget(projectId: string): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('Seeding needs FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST: it only runs against the emulators.');
  }
  if (!projectId.startsWith('demo-')) throw new Error(`Refusing to seed project ${projectId}: only demo- projects.`);
}

/** Whether the demo data of this SEED_VERSION (or later) is loaded. */
export async function isSeeded(db: Firestore): Promise<boolean> {
  const marker = await db.doc(SEED_MARKER).get();
  return marker.exists && Number(marker.get('version')) >= SEED_VERSION;
}

function accepted(file: string, result: ImportResult): ImportResult {
  assertAccepted(file, result.rows);
  return result;
}

export async function loadDemoData(db: Firestore, auth: Auth, now = new Date()): Promise<{ documents: number; accountsCreated: number }> {
  const deps = { db, now: () => now, by: BY };
  const options = (file: string) => ({ dryRun: false, fileName: file.slice(file.lastIndexOf('seed/')) });
  const agencies = accepted(SEED_FILES.agencies, await importAgencies(readFileSync(SEED_FILES.agencies), options(SEED_FILES.agencies), deps));
  const procedures = accepted(SEED_FILES.procedures, await importProcedures(readFileSync(SEED_FILES.procedures), options(SEED_FILES.procedures), deps));
  const officers = accepted(
    SEED_FILES.officers,
    await importOfficers(readFileSync(SEED_FILES.officers), options(SEED_FILES.officers), { ...deps, auth, sendInvitation: sendPasswordSetupEmail, origin: () => DEMO_ORIGIN }),
  );

  const batch = db.batch();
  for (const calendar of demoCalendars) batch.set(db.doc(`calendars/${calendar.year}`), calendar);
  batch.set(db.doc('settings/branding'), demoBranding);
  // Reference data changed under the running functions: their cached copies must not outlive it.
  batch.set(db.doc(REFERENCE_STAMPS), Object.fromEntries(REFERENCE_KINDS.map((k) => [k, FieldValue.increment(1)])), { merge: true });
  await batch.commit();

  // The demo's stand-in for each officer opening the invitation and choosing a password.
  for (const officer of demoOfficers) {
    const user = await auth.getUserByEmail(officer.email);
    if (!user.emailVerified) await auth.updateUser(user.uid, { password: DEMO_PASSWORD, emailVerified: true });
  }
  // The demo's stand-in for the IT team installing each signing officer's key under their uid.
  await installDemoOfficerKeys(auth, demoOfficers.map((o) => o.email));
  let citizenCreated = 0;
  const citizen = await auth.getUser(DEMO_CITIZEN.uid).catch((err: { code?: string }) => {
    if (err.code === 'auth/user-not-found') return undefined;
    throw err;
  });
  if (!citizen) {
    await auth.createUser({ uid: DEMO_CITIZEN.uid, email: DEMO_CITIZEN.email, password: DEMO_PASSWORD, displayName: DEMO_CITIZEN.displayName, emailVerified: true });
    citizenCreated = 1;
  }
  await auth.setCustomUserClaims(DEMO_CITIZEN.uid, null);
  await db.doc(`users/${DEMO_CITIZEN.uid}`).set({ displayName: DEMO_CITIZEN.displayName, email: DEMO_CITIZEN.email, role: 'citizen', agencyId: null }, { merge: true });

  const documents = agencies.documents + procedures.documents + officers.documents + demoCalendars.length + 2;
  await db.doc(SEED_MARKER).set({ version: SEED_VERSION, loadedAt: now, documents });
  return { documents, accountsCreated: officers.counts.new + citizenCreated };
}
