// `npm run seed` (against running emulators): loads the demo data, or reloads it with --force.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { assertEmulatorTarget, isSeeded, loadDemoData } from './load.js';

const projectId = process.env.GCLOUD_PROJECT ?? 'demo-motcua';
process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';
assertEmulatorTarget(projectId);
const app = getApps()[0] ?? initializeApp({ projectId });
const db = getFirestore(app);
if ((await isSeeded(db)) && !process.argv.includes('--force')) {
  console.log('Demo data already loaded (use --force to load it again).');
} else {
  const result = await loadDemoData(db, getAuth(app));
  console.log(`Demo data loaded: ${result.documents} documents, ${result.accountsCreated} new accounts.`);
}
process.exit(0);
