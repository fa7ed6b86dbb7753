// Production dependencies of the dossier handlers.
import { ONLINE_SUBMISSIONS_PER_ACCOUNT_PER_DAY, ONLINE_SUBMISSIONS_PER_AGENCY_PER_DAY } from '../../config.js';
import { getCaller } from '../../platform/auth.js';
import { db } from '../../platform/firestore.js';
import type { DossierDeps } from './dossier-deps.js';

export function dossierDeps(): DossierDeps {
  return {
    db: db(),
    now: () => new Date(),
    caller: getCaller,
    onlineQuota: () => ({ perAccountPerDay: ONLINE_SUBMISSIONS_PER_ACCOUNT_PER_DAY.value(), perAgencyPerDay: ONLINE_SUBMISSIONS_PER_AGENCY_PER_DAY.value() }),
  };
}
