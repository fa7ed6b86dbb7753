// Production dependencies of the dossier handlers.
import { SIGNING_KEY_PASSPHRASE, SIGNING_LOCATION } from '../../config.js';
import { getCaller } from '../../platform/auth.js';
import { fileStore } from '../../platform/file-store/index.js';
import { db } from '../../platform/firestore.js';
import { deploymentSigner } from '../../platform/signing/index.js';
import type { DossierDeps } from './dossier-deps.js';

export function dossierDeps(): DossierDeps {
  const files = fileStore();
  return {
    db: db(),
    now: () => new Date(),
    caller: getCaller,
    deskScans: { files, signer: deploymentSigner(files, SIGNING_KEY_PASSPHRASE.value(), SIGNING_LOCATION.value()) },
  };
}
