// Production dependencies of the dossier handlers.
import { ApiError } from '../../platform/api-error.js';
import { getCaller } from '../../platform/auth.js';
import { db } from '../../platform/firestore.js';
import type { DossierDeps } from './dossier-deps.js';

export function dossierDeps(resolveUploads?: DossierDeps['resolveUploads']): DossierDeps {
  return {
    db: db(),
    now: () => new Date(),
    caller: getCaller,
    resolveUploads:
      resolveUploads ??
      (async () => {
        throw new ApiError('invalid-argument', { vi: 'Chưa hỗ trợ đính kèm tệp.', en: 'File attachments are not available.' });
      }),
  };
}
