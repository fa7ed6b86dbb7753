// Production dependencies of the slip worker and endpoints.
import { LOOKUP_TOKEN_SECRET, publicOrigin } from '../../config.js';
import { findCaller, getCaller } from '../../platform/auth.js';
import { fileStore } from '../../platform/file-store/index.js';
import { db } from '../../platform/firestore.js';
import type { DownloadSlipDeps } from './download-slip.handler.js';
import type { GenerateSlipDeps } from './generate-slip.js';
import type { RegisterDeps } from './register.handler.js';
import { noSignature } from './slip-signer.js';

export function slipDeps(): GenerateSlipDeps {
  return {
    db: db(),
    files: fileStore(),
    now: () => new Date(),
    secret: () => LOOKUP_TOKEN_SECRET.value(),
    origin: publicOrigin,
    signer: noSignature,
  };
}

export function downloadSlipDeps(): DownloadSlipDeps {
  return { db: db(), files: fileStore(), secret: () => LOOKUP_TOKEN_SECRET.value(), findCaller };
}

export function registerDeps(): RegisterDeps {
  return { db: db(), now: () => new Date(), caller: getCaller };
}
