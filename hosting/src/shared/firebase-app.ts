// Firebase web app for the officer pages, the kiosk and the sign-in page (phone sign-in with reCAPTCHA,
// VNeID, email actions): the full browser build of Auth. The citizen pages use the light build
// (citizen-firebase.ts); a page loads one or the other, never both (each registers the Auth component).
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { browserLocalPersistence, browserSessionPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth, type Auth } from 'firebase/auth';
import { AUTH_EMULATOR_URL, loadConfig, usesEmulators } from './firebase-config.js';

export { usesEmulators };

let ready: Promise<{ app: FirebaseApp; auth: Auth }> | undefined;

export function firebaseApp(): Promise<{ app: FirebaseApp; auth: Auth }> {
  ready ??= loadConfig().then((config) => {
    const app = initializeApp(config);
    // getAuth() would also bring the popup/redirect helper, which on phones and tablets (the kiosk)
    // loads an iframe from the auth domain and a script from apis.google.com at start-up. Every sign-in
    // here is email and password, so without it the pages' Content-Security-Policy (firebase.json) can
    // stay at 'self' plus the Auth and Firestore endpoints.
    const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence] });
    if (usesEmulators) connectAuthEmulator(auth, AUTH_EMULATOR_URL, { disableWarnings: true });
    return { app, auth };
  });
  return ready;
}
