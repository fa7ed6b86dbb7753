// Firestore for the pages that listen live (officer queues, my dossiers, drafts). Loaded only by those
// pages: the landing page never pays for the SDK.
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import firebaseJson from '../../../firebase.json';
import { firebaseApp, usesEmulators } from './firebase-app.js';

let ready: Promise<Firestore> | undefined;

export function firestore(): Promise<Firestore> {
  ready ??= firebaseApp().then(({ app }) => {
    const db = getFirestore(app);
    if (usesEmulators) connectFirestoreEmulator(db, location.hostname, firebaseJson.emulators.firestore.port);
    return db;
  });
  return ready;
}
