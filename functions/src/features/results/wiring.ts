// Production dependencies of the electronic results.
import { publicOrigin, SIGNING_KEY_PASSPHRASE, SIGNING_LOCATION } from '../../config.js';
import { getCaller } from '../../platform/auth.js';
import { fileStore, type FileStore } from '../../platform/file-store/index.js';
import { db } from '../../platform/firestore.js';
import { deploymentSigner } from '../../platform/signing/index.js';
import type { DownloadResultDeps } from './download-result.handler.js';
import type { IssueResultDeps } from './issue-result.handler.js';

/** `uploads`: the encrypting store of uploaded files (index.ts), from which an officer's PDF is read. */
export function issueResultDeps(uploads: FileStore): IssueResultDeps {
  const files = fileStore();
  return {
    db: db(),
    files,
    uploads,
    now: () => new Date(),
    caller: getCaller,
    signer: deploymentSigner(files, SIGNING_KEY_PASSPHRASE.value(), SIGNING_LOCATION.value()),
    origin: publicOrigin,
  };
}

export function downloadResultDeps(): DownloadResultDeps {
  return { db: db(), files: fileStore(), caller: getCaller };
}
