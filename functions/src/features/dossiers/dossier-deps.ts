// What the dossier handlers need from the outside world, passed in so tests can pin the clock.
import type { Firestore } from 'firebase-admin/firestore';
import type { ApiRequest } from '../../platform/http-router.js';
import type { Caller } from '../../platform/auth.js';
import type { OnlineQuotaLimits } from '../../domain/index.js';
import type { DeskScanDeps } from '../../store/desk-scans.js';
import type { CodeTrace } from './allocate-codes.js';

export type DossierDeps = {
  db: Firestore;
  now: () => Date;
  caller: (req: ApiRequest) => Promise<Caller>;
  /** The daily limits of online submissions (config.ts in production; walk-ins are never limited). */
  onlineQuota: () => OnlineQuotaLimits;
  /** Signs the desk officer's scans before they are attached (Decree 118 Art. 17.1); absent: not signed. */
  deskScans?: Omit<DeskScanDeps, 'db' | 'now'>;
  /**
   * How long a submission waits for its code before answering 202 (submit.handler.ts CODE_WAIT_MS); 0: it
   * never waits, and the queue trigger alone numbers it.
   */
  codeWaitMs?: number;
  /** Told where a submission's time to code goes (allocate-codes.ts CodeTrace; the desk-burst bench). */
  codeTrace?: (event: CodeTrace) => void;
};
