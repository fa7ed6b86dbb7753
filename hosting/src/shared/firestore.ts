// Firestore for the officer pages that listen live (queues, tasks, a dossier), on the full Auth build.
// The citizen pages have their own (citizen-firestore.ts), loaded after they are usable.
import type { Firestore } from 'firebase/firestore';
import { connectFirestore } from './connect-firestore.js';
import { firebaseApp } from './firebase-app.js';

let ready: Promise<Firestore> | undefined;

export function firestore(): Promise<Firestore> {
  ready ??= firebaseApp().then(({ app }) => connectFirestore(app));
  return ready;
}
