// What the dossier handlers need from the outside world, passed in so tests can pin the clock.
import type { Firestore } from 'firebase-admin/firestore';
import type { ApiRequest } from '../../platform/http-router.js';
import type { Caller } from '../../platform/auth.js';
import type { OnlineQuotaLimits } from '../../domain/index.js';

export type DossierDeps = {
  db: Firestore;
  now: () => Date;
  caller: (req: ApiRequest) => Promise<Caller>;
  /** The daily limits of online submissions (config.ts in production; walk-ins are never limited). */
  onlineQuota: () => OnlineQuotaLimits;
};
