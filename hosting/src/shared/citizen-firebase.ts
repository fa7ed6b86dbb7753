// Firebase web app for the citizen pages (apply, my dossiers, rating as owner, personal data). They need
// Auth only for email/password sign-in, the session and ID tokens, so they load Auth's light build,
// `firebase/auth/web-extension`: the same Auth without the code that loads reCAPTCHA and Google's popup
// scripts. Two reasons it matters on a cheap phone (issue 20, bench/citizen-page.ts): that build is
// smaller, and — more — a module shared by every page is bundled once with what ANY page uses from it,
// so through firebase-app.ts the citizen pages carried the phone sign-in and VNeID code of the sign-in
// page (45 KB gzip instead of ≈ 27 KB). The session is the same one: both builds keep the signed-in user
// in the same IndexedDB store, so a sign-in on /dang-nhap/ is seen here.
// This build has no localStorage/sessionStorage persistence: where IndexedDB is unavailable the session
// lasts as long as the page (a rare browser setting; the sign-in form then shows again).
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, indexedDBLocalPersistence, initializeAuth, type Auth } from 'firebase/auth/web-extension';
import { AUTH_EMULATOR_URL, loadConfig, usesEmulators } from './firebase-config.js';

export { usesEmulators };

let ready: Promise<{ app: FirebaseApp; auth: Auth }> | undefined;

export function citizenFirebase(): Promise<{ app: FirebaseApp; auth: Auth }> {
  ready ??= loadConfig().then((config) => {
    const app = initializeApp(config);
    const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence] });
    if (usesEmulators) connectAuthEmulator(auth, AUTH_EMULATOR_URL, { disableWarnings: true });
    return { app, auth };
  });
  return ready;
}
