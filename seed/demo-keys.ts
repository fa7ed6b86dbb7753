// The demo officers' signing keys. In production the IT team installs each officer's PKCS#12 under the
// officer's Auth uid (docs/SIGNATURES.md); the demo's officers get their uids when the seed invites them,
// after the test CA (scripts/lib/test-ca.ts) has issued their keys by email. So the CA writes them under
// `signing-keys/demo-officers/<email>.p12` and the seed installs each one under its officer's uid.
// @idempotent: the same bytes are written to the same path again.
import type { Auth } from 'firebase-admin/auth';
import { LocalFileStore, localFileStoreRoot } from '../functions/src/platform/file-store/index.js';
import { keyPathOf, SIGNING_KEYS_PREFIX } from '../functions/src/platform/signing/keyring.js';

export const demoOfficerKeyPath = (email: string): string => `${SIGNING_KEYS_PREFIX}/demo-officers/${email}.p12`;

/** Installs the demo key of each officer that has one; returns how many were installed. */
export async function installDemoOfficerKeys(auth: Auth, emails: readonly string[], storeRoot = localFileStoreRoot()): Promise<number> {
  const store = new LocalFileStore(storeRoot);
  let installed = 0;
  for (const email of emails) {
    const key = await store.get(demoOfficerKeyPath(email));
    if (!key) continue; // a role that does not sign, or no test CA (signing is then off)
    const { uid } = await auth.getUserByEmail(email);
    await store.put(keyPathOf({ kind: 'officer', userId: uid }), key.bytes, 'application/x-pkcs12');
    installed += 1;
  }
  return installed;
}
