// Firestore for the citizen pages, on the light Auth build (citizen-firebase.ts). Always imported with a
// dynamic import() after the page is usable: the SDK is ≈ 134 KB gzip, more than twice everything a
// citizen page needs to show itself (issue 20).
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { citizenFirebase } from './citizen-firebase.js';
import { FIRESTORE_EMULATOR_PORT, usesEmulators } from './firebase-config.js';

let ready: Promise<Firestore> | undefined;

export function firestore(): Promise<Firestore> {
  ready ??= citizenFirebase().then(({ app }) => {
    const db = getFirestore(app);
    if (usesEmulators) connectFirestoreEmulator(db, location.hostname, FIRESTORE_EMULATOR_PORT);
    return db;
  });
  return ready;
}
