// Production dependencies of the dossier handlers.
import { ONLINE_SUBMISSIONS_PER_ACCOUNT_PER_DAY, ONLINE_SUBMISSIONS_PER_AGENCY_PER_DAY, SIGNING_KEY_PASSPHRASE, SIGNING_LOCATION } from '../../config.js';
import { getCaller } from '../../platform/auth.js';
import { fileStore, type FileStore } from '../../platform/file-store/index.js';
import { db } from '../../platform/firestore.js';
import { deploymentSigner } from '../../platform/signing/index.js';
import type { DossierDeps } from './dossier-deps.js';

/**
 * `uploads`: the encrypting store of uploaded files (index.ts): desk scans are read from it, signed, and
 * written back through it. The signing keys are in the plain store.
 */
export function dossierDeps(uploads: FileStore): DossierDeps {
  const files = fileStore();
  return {
    db: db(),
    now: () => new Date(),
    caller: getCaller,
    onlineQuota: () => ({ perAccountPerDay: ONLINE_SUBMISSIONS_PER_ACCOUNT_PER_DAY.value(), perAgencyPerDay: ONLINE_SUBMISSIONS_PER_AGENCY_PER_DAY.value() }),
    deskScans: { files: uploads, signer: deploymentSigner(files, SIGNING_KEY_PASSPHRASE.value(), SIGNING_LOCATION.value()) },
  };
}
