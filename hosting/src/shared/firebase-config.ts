// Where the Firebase web app finds its project: the emulators on localhost (ports from firebase.json), in
// production Hosting's reserved init.json. Apart from the Auth SDK so that both the full Auth build
// (firebase-app.ts, officers and the sign-in page) and the light one (citizen-firebase.ts) share it
// without a page ever loading both.
import firebaseJson from '../../../firebase.json';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const usesEmulators = LOCAL_HOSTS.has(location.hostname);

export const AUTH_EMULATOR_URL = `http://${location.hostname}:${firebaseJson.emulators.auth.port}`;
export const FIRESTORE_EMULATOR_PORT = firebaseJson.emulators.firestore.port;

export async function loadConfig(): Promise<Record<string, string>> {
  if (usesEmulators) {
    // A demo- project id keeps the emulators from ever reaching real Google services.
    return { apiKey: 'demo-api-key', authDomain: 'demo-motcua.firebaseapp.com', projectId: 'demo-motcua' };
  }
  const res = await fetch('/__/firebase/init.json');
  return (await res.json()) as Record<string, string>;
}
