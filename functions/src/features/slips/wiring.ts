// Production dependencies of the slip worker and endpoints.
import { FEE_ACCOUNT_BIN, FEE_ACCOUNT_NAME, FEE_ACCOUNT_NUMBER, LOOKUP_TOKEN_SECRET, publicOrigin, SIGNING_KEY_PASSPHRASE, SIGNING_LOCATION } from '../../config.js';
import { findCaller, getCaller } from '../../platform/auth.js';
import { fileStore } from '../../platform/file-store/index.js';
import { db } from '../../platform/firestore.js';
import { deploymentSigner } from '../../platform/signing/index.js';
import type { DownloadSlipDeps } from './download-slip.handler.js';
import type { GenerateSlipDeps } from './generate-slip.js';
import type { RegisterDeps } from './register.handler.js';
import { agencySlipSigner } from './slip-signer.js';

export function slipDeps(): GenerateSlipDeps {
  const files = fileStore();
  return {
    db: db(),
    files,
    now: () => new Date(),
    secret: () => LOOKUP_TOKEN_SECRET.value(),
    origin: publicOrigin,
    signer: agencySlipSigner(deploymentSigner(files, SIGNING_KEY_PASSPHRASE.value(), SIGNING_LOCATION.value())),
    // Unset parameters are empty strings: the receipt then prints no code (slip-sources checks the account).
    feeAccount: () => ({ bin: FEE_ACCOUNT_BIN.value(), accountNumber: FEE_ACCOUNT_NUMBER.value(), accountName: FEE_ACCOUNT_NAME.value() }),
  };
}

export function downloadSlipDeps(): DownloadSlipDeps {
  return { db: db(), files: fileStore(), secret: () => LOOKUP_TOKEN_SECRET.value(), findCaller };
}

export function registerDeps(): RegisterDeps {
  return { db: db(), now: () => new Date(), caller: getCaller };
}
