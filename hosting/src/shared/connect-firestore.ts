// Firestore on a given Firebase app, pointed at the emulator when the page runs on it. It imports only
// firebase/firestore and the config (the app's type is erased), so each caller brings its own app: the
// citizen pages their light Auth build (citizen-firestore.ts), the officer pages the full one
// (firestore.ts). Importing firebase-app.ts here would put the full Auth build in the citizen bundle.
import type { FirebaseApp } from 'firebase/app';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { FIRESTORE_EMULATOR_PORT, usesEmulators } from './firebase-config.js';

/** Call once an app (the callers keep the promise): the emulator may be connected only before first use. */
export function connectFirestore(app: FirebaseApp): Firestore {
  const db = getFirestore(app);
  if (usesEmulators) connectFirestoreEmulator(db, location.hostname, FIRESTORE_EMULATOR_PORT);
  return db;
}
