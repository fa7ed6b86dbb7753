// Firebase web app for the pages that need sign-in. On localhost it talks to the emulators (ports from
// firebase.json); in production it reads the project's config from Hosting's reserved init.json.
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth';
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
    const auth = getAuth(app);
    if (usesEmulators) {
      connectAuthEmulator(auth, `http://${location.hostname}:${firebaseJson.emulators.auth.port}`, { disableWarnings: true });
    }
    return { app, auth };
  });
  return ready;
}
