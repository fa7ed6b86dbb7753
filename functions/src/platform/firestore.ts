// One Admin SDK app per process. Under the emulators the SDK reads FIRESTORE_EMULATOR_HOST and
// FIREBASE_AUTH_EMULATOR_HOST from the environment, so the same code runs locally and in production.
import { getApps, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { countFirestore } from './op-counter.js';

// The functions emulator may register apps of its own, so look for the default app by name.
function defaultApp(): App {
  return getApps().find((app) => app.name === '[DEFAULT]') ?? initializeApp();
}

let configured: Firestore | undefined;

export function db(): Firestore {
  if (configured) return configured;
  configured = getFirestore(defaultApp());
  // Domain objects use optional fields; an absent value is simply not stored.
  configured.settings({ ignoreUndefinedProperties: true });
  // Metered only in the cost bench's emulator run (MOTCUA_OP_COUNTS; docs/COST.md), untouched otherwise.
  configured = countFirestore(configured);
  return configured;
}
