// Firebase web app for the pages that need sign-in. On localhost it talks to the emulators (ports from
// firebase.json); in production it reads the project's config from Hosting's reserved init.json.
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { browserLocalPersistence, browserSessionPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth, type Auth } from 'firebase/auth';
import firebaseJson from '../../../firebase.json';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const usesEmulators = LOCAL_HOSTS.has(location.hostname);

let ready: Promise<{ app: FirebaseApp; auth: Auth }> | undefined;

async function loadConfig(): Promise<Record<string, string>> {
  if (usesEmulators) {
    // A demo- project id keeps the emulators from ever reaching real Google services.
    return { apiKey: 'demo-api-key', authDomain: 'demo-motcua.firebaseapp.com', projectId: 'demo-motcua' };
  }
  const res = await fetch('/__/firebase/init.json');
  return (await res.json()) as Record<string, string>;
}

export function firebaseApp(): Promise<{ app: FirebaseApp; auth: Auth }> {
  ready ??= loadConfig().then((config) => {
    const app = initializeApp(config);
    // getAuth() would also bring the popup/redirect helper, which on phones and tablets (the kiosk)
    // loads an iframe from the auth domain and a script from apis.google.com at start-up. Every sign-in
    // here is email and password, so without it the pages' Content-Security-Policy (firebase.json) can
    // stay at 'self' plus the Auth and Firestore endpoints.
    const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence] });
    if (usesEmulators) {
      connectAuthEmulator(auth, `http://${location.hostname}:${firebaseJson.emulators.auth.port}`, { disableWarnings: true });
    }
    return { app, auth };
  });
  return ready;
}
