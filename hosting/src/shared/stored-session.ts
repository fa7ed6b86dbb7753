// The citizen the Auth SDK keeps signed in, read from its own IndexedDB record before the SDK is ready.
// Why: at every start the SDK checks the stored account with Auth's server (accounts:lookup) before it
// reports the user, and the pages asked the API only after that answer: one more round trip (≈ 0.5 s on
// slow 3G, issue 20, bench/citizen-page.ts) between the scripts and the list or the wizard. The stored ID
// token is the one the SDK itself would send, so the first requests start with it right away, and their
// answers are used only once the SDK reports the same uid (askEarly); a sign-out, another account or a
// failure falls back to the ordinary call as the reported user. The server checks the token as always.
// This reads the SDK's storage format (database `firebaseLocalStorageDb`, store `firebaseLocalStorage`,
// key `firebase:authUser:<apiKey>:[DEFAULT]`, the user's JSON under `value`): anything else found there
// means "no stored citizen" and the page simply waits for the SDK, as it did before.
import type { User } from 'firebase/auth';
import { loadConfig } from './firebase-config.js';

/** What the first requests of a page need of the citizen: who, and a token to call as them. */
export type Citizen = Pick<User, 'uid' | 'displayName' | 'email' | 'phoneNumber' | 'getIdToken'>;

const DB_NAME = 'firebaseLocalStorageDb';
const STORE = 'firebaseLocalStorage';
/** A token this close to its expiry is left to the SDK, which refreshes it. */
const FRESH_FOR_MS = 60_000;

let stored: Promise<Citizen | undefined> | undefined;

/** The stored citizen with a fresh ID token, or undefined (none, expired, unreadable). Read once a page. */
export function storedCitizen(): Promise<Citizen | undefined> {
  stored ??= read().catch(() => undefined);
  return stored;
}

async function read(): Promise<Citizen | undefined> {
  const { apiKey } = await loadConfig();
  const record = await new Promise<unknown>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME);
    // No database yet (never signed in here): do not create it; the SDK creates it with its store.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => reject(open.error ?? new Error('indexedDB open failed'));
    open.onblocked = () => reject(new Error('indexedDB blocked'));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(STORE)) {
        db.close();
        resolve(undefined);
        return;
      }
      const get = db.transaction(STORE, 'readonly').objectStore(STORE).get(`firebase:authUser:${apiKey}:[DEFAULT]`);
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => {
        db.close();
        reject(get.error ?? new Error('indexedDB read failed'));
      };
    };
  });
  return citizenOf(record);
}

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function citizenOf(record: unknown): Citizen | undefined {
  const user = (record as { value?: Record<string, unknown> } | undefined)?.value;
  const tokens = user?.stsTokenManager as { accessToken?: unknown; expirationTime?: unknown } | undefined;
  const uid = text(user?.uid);
  const token = text(tokens?.accessToken);
  const expires = tokens?.expirationTime;
  if (!uid || !token || typeof expires !== 'number' || expires - Date.now() < FRESH_FOR_MS) return undefined;
  return { uid, displayName: text(user?.displayName), email: text(user?.email), phoneNumber: text(user?.phoneNumber), getIdToken: () => Promise.resolve(token) };
}

/**
 * Starts `ask` now as the stored citizen, if there is one; the returned function hands that answer to its
 * first call for the same uid, and otherwise (no stored citizen, another user, a later call, a failure)
 * asks as the user it is given.
 */
export function askEarly<T>(ask: (citizen: Citizen) => Promise<T>): (user: User) => Promise<T> {
  let early: Promise<{ uid: string; answer: Promise<T> } | undefined> | undefined = storedCitizen().then((citizen) => {
    if (!citizen) return undefined;
    const answer = ask(citizen);
    answer.catch(() => undefined); // handled when taken; a page that never takes it must not see it rejected
    return { uid: citizen.uid, answer };
  });
  return async (user) => {
    const taken = early;
    early = undefined;
    const started = await taken;
    if (started?.uid === user.uid) {
      try {
        return await started.answer;
      } catch {
        // An expired or revoked token, a network failure: asked again as the user the SDK reported.
      }
    }
    return ask(user);
  };
}
