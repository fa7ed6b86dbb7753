// Firestore for the citizen pages, on the light Auth build (citizen-firebase.ts). Always imported with a
// dynamic import() after the page is usable: the SDK is ≈ 134 KB gzip, more than twice everything a
// citizen page needs to show itself (issue 20).
import type { Firestore } from 'firebase/firestore';
import { citizenFirebase } from './citizen-firebase.js';
import { connectFirestore } from './connect-firestore.js';

let ready: Promise<Firestore> | undefined;

export function firestore(): Promise<Firestore> {
  ready ??= citizenFirebase().then(({ app }) => connectFirestore(app));
  return ready;
}
