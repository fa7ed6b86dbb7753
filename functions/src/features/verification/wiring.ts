// Production dependencies of the public verification. Verifying needs no key, only the list of trusted
// CAs, which lies beside the keys (platform/signing/keyring.ts); the passphrase merely names the keyring.
import { LOOKUP_TOKEN_SECRET, SIGNING_KEY_PASSPHRASE } from '../../config.js';
import { fileStore } from '../../platform/file-store/index.js';
import { db } from '../../platform/firestore.js';
import { deploymentKeyring } from '../../platform/signing/index.js';
import { VERIFY_LIMIT_PER_MINUTE, type VerifyDeps } from './verify.handler.js';

export function verifyDeps(): VerifyDeps {
  const keyring = deploymentKeyring(fileStore(), SIGNING_KEY_PASSPHRASE.value());
  return { db: db(), now: () => new Date(), secret: () => LOOKUP_TOKEN_SECRET.value(), limitPerMinute: VERIFY_LIMIT_PER_MINUTE, trustedCas: () => keyring.trustedCas() };
}
