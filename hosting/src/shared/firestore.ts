// Firestore for the officer pages that listen live (queues, tasks, a dossier), on the full Auth build.
// The citizen pages have their own (citizen-firestore.ts), loaded after they are usable.
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { firebaseApp } from './firebase-app.js';
import { FIRESTORE_EMULATOR_PORT, usesEmulators } from './firebase-config.js';

let ready: Promise<Firestore> | undefined;

export function firestore(): Promise<Firestore> {
  ready ??= firebaseApp().then(({ app }) => {
    const db = getFirestore(app);
    if (usesEmulators) connectFirestoreEmulator(db, location.hostname, FIRESTORE_EMULATOR_PORT);
    return db;
  });
  return ready;
}
