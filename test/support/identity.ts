// ID tokens from the Auth emulator for any test identity: the user is created (or updated) through the
// Admin SDK with the given claims, then signs in with a custom token over the emulator's REST API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin, AUTH_HOST, ROOT } from './emulators.js';

/**
 * `onlineSubmissionsPerDay`: the account's own daily limit of online submissions, as an administrator
 * sets it for someone who files a lot (users/{uid}, domain/intake-quota). The standard test citizens file
 * for every test of a run, so they have one; an identity without it has the default limit.
 */
export type TestIdentity = { uid: string; claims?: { role: string; agencyId?: string }; onlineSubmissionsPerDay?: number };

export const IDENTITIES = {
  citizenA: { uid: 'test-citizen-a', onlineSubmissionsPerDay: 100_000 },
  citizenB: { uid: 'test-citizen-b', onlineSubmissionsPerDay: 100_000 },
  receptionistX: { uid: 'test-receptionist-x', claims: { role: 'receptionist', agencyId: '000.00.01.H99' } },
  handlerY: { uid: 'test-handler-y', claims: { role: 'handler', agencyId: '000.00.14.H99' } },
  leadX: { uid: 'test-lead-x', claims: { role: 'lead', agencyId: '000.00.01.H99' } },
  leadY: { uid: 'test-lead-y', claims: { role: 'lead', agencyId: '000.00.14.H99' } },
  admin: { uid: 'test-admin', claims: { role: 'admin', agencyId: '000.00.00.H99' } },
  monitor: { uid: 'test-monitor', claims: { role: 'monitor', agencyId: '000.00.00.H99' } },
  kioskX: { uid: 'test-kiosk-x', claims: { role: 'kiosk', agencyId: '000.00.01.H99' } },
  kioskY: { uid: 'test-kiosk-y', claims: { role: 'kiosk', agencyId: '000.00.14.H99' } },
} as const satisfies Record<string, TestIdentity>;

const cache = new Map<string, string>();

export async function idTokenFor(identity: TestIdentity): Promise<string> {
  const key = JSON.stringify(identity);
  const cached = cache.get(key);
  if (cached) return cached;
  const { auth, db } = admin();
  // Two calls for a new identity at once (Promise.all in a test) both find no user: one creates it.
  await auth.getUser(identity.uid).catch(async () =>
    auth.createUser({ uid: identity.uid }).catch((err: { code?: string }) => {
      if (err.code !== 'auth/uid-already-exists') throw err;
    }),
  );
  await auth.setCustomUserClaims(identity.uid, identity.claims ?? null);
  if (identity.onlineSubmissionsPerDay !== undefined) {
    await db.doc(`users/${identity.uid}`).set({ onlineSubmissionsPerDay: identity.onlineSubmissionsPerDay }, { merge: true });
  }
  const customToken = await auth.createCustomToken(identity.uid);
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: customToken, returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string };
  if (!body.idToken) throw new Error(`Auth emulator refused the custom token of ${identity.uid}: ${JSON.stringify(body)}`);
  cache.set(key, body.idToken);
  return body.idToken;
}

export async function authHeader(identity: TestIdentity): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await idTokenFor(identity)}` };
}

/** The lookup-token secret the functions emulator runs with (functions/.secret.local). */
export function lookupSecret(): string {
  const text = readFileSync(join(ROOT, 'functions', '.secret.local'), 'utf8');
  const value = /^LOOKUP_TOKEN_SECRET=(.+)$/m.exec(text)?.[1];
  if (!value) throw new Error('functions/.secret.local has no LOOKUP_TOKEN_SECRET');
  return value.trim();
}

/** The passphrase of the test CA's keys the functions emulator runs with (functions/.secret.local). */
export function signingPassphrase(): string {
  const text = readFileSync(join(ROOT, 'functions', '.secret.local'), 'utf8');
  const value = /^SIGNING_KEY_PASSPHRASE=(.+)$/m.exec(text)?.[1];
  if (!value) throw new Error('functions/.secret.local has no SIGNING_KEY_PASSPHRASE (npm test makes it)');
  return value.trim();
}

/**
 * A demo officer of the seed, who has a certificate from the test CA (scripts/lib/test-ca.ts). The seed
 * invites officers, so the uid is the Auth emulator's: `uid` is filled in by `resolveSeedReceptionist`
 * once the seed has run (its key is installed under that uid, seed/demo-keys.ts).
 */
export const SEED_RECEPTIONIST = { uid: '', email: 'tiepnhan.tinh@motcua.demo', claims: { role: 'receptionist', agencyId: '000.00.01.H99' } } satisfies TestIdentity & { email: string };

export async function resolveSeedReceptionist(auth: { getUserByEmail(email: string): Promise<{ uid: string }> }): Promise<void> {
  SEED_RECEPTIONIST.uid = (await auth.getUserByEmail(SEED_RECEPTIONIST.email)).uid;
}

/** SIGNING_LOCATION of the demo project (functions/.env.demo-motcua): part of the signed bytes. */
export function signingLocation(): string {
  const text = readFileSync(join(ROOT, 'functions', '.env.demo-motcua'), 'utf8');
  const value = /^SIGNING_LOCATION=(.+)$/m.exec(text)?.[1];
  if (!value) throw new Error('functions/.env.demo-motcua has no SIGNING_LOCATION');
  return value.trim();
}
