// Where the Firebase web app finds its project: the emulators on localhost (ports from firebase.json), in
// production Hosting's reserved init.json. Apart from the Auth SDK so that both the full Auth build
// (firebase-app.ts, officers and the sign-in page) and the light one (citizen-firebase.ts) share it
// without a page ever loading both.
// Only `emulators` is imported by name, so the build keeps that part of firebase.json and not its
// headers and rewrites (which made this module 8.5 KB).
import { emulators } from '../../../firebase.json';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const usesEmulators = LOCAL_HOSTS.has(location.hostname);

export const AUTH_EMULATOR_URL = `http://${location.hostname}:${emulators.auth.port}`;
export const FIRESTORE_EMULATOR_PORT = emulators.firestore.port;

/**
 * In production the config is Hosting's reserved /__/firebase/init.json (so one build serves any project
 * it is deployed to), and Auth cannot start before it: asked only when a page first needs Firebase, it
 * was one more round trip after the HTML, the scripts and their start-up (≈ 400 ms and more on slow 3G,
 * issue 20). The citizen pages that sign in (apply, my dossiers) ask for it in their HTML with
 * `<link rel="preload" as="fetch" crossorigin>` beside their scripts, so it travels with them; this fetch
 * has the same URL and mode, so the browser hands it the preloaded answer instead of asking again. It is
 * started when this module is evaluated, before any page code waits on it.
 */
const productionConfig: Promise<Record<string, string>> | undefined = usesEmulators
  ? undefined
  : fetch('/__/firebase/init.json').then((res) => res.json() as Promise<Record<string, string>>);
// Nothing awaits it on a page that never starts Firebase: a failed fetch must not be an unhandled rejection there.
productionConfig?.catch(() => undefined);

export async function loadConfig(): Promise<Record<string, string>> {
  // A demo- project id keeps the emulators from ever reaching real Google services.
  if (!productionConfig) return { apiKey: 'demo-api-key', authDomain: 'demo-motcua.firebaseapp.com', projectId: 'demo-motcua' };
  return productionConfig;
}
