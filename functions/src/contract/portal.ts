// The national portal over HTTP: each dossier's sync status and the administrator's retry, the
// province-wide sync health, and the endpoint where the portal files the dossiers submitted on it.
import type { ActionType } from '../domain/lifecycle/actions.js';
import type { DossierStatusName } from '../domain/dossier/status-info.js';

/** One queued message set of a dossier (one transition), as officers see it. */
export type SyncRequestView = {
  version: number;
  eventType: ActionType;
  /** pending: waiting (or retrying after `lastError`); sent: acknowledged by the portal; failed: given up, an administrator may retry. */
  state: 'pending' | 'sent' | 'failed';
  services: string[];
  delivered: string[];
  attempts: number;
  failure: 'temporary' | 'permanent' | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  at: string;
  /** Rebuilt by the reconciliation job (the original request was missing). */
  rebuilt: boolean;
};

/** GET /api/dossiers/:dossierId/portal-sync — officers in scope, monitors, admins. */
export type DossierSyncAnswer = {
  dossierId: string;
  code: string | null;
  version: number;
  /** The last version the portal acknowledged (0: none yet). */
  sentVersion: number;
  /** synced: every version acknowledged; pending: some on their way or retrying; failed: stopped until an administrator retries. */
  state: 'synced' | 'pending' | 'failed';
  lastSentAt: string | null;
  lastError: string | null;
  requests: SyncRequestView[];
  /** The caller may press retry (administrators). */
  canRetry: boolean;
};

/** POST /api/dossiers/:dossierId/portal-sync/retry — administrators: queue the dossier's unsent requests again, now. */
export type SyncRetryAnswer = DossierSyncAnswer & { requeued: number };

export type SyncShareMonth = { month: string; received: number; synced: number; share: number | null };

/** GET /api/portal-sync/health?months= — monitors and administrators: the province-wide picture. */
export type SyncHealthAnswer = {
  generatedAt: string;
  pending: number;
  failed: number;
  /** Requests waiting for a retry after a failed attempt. */
  retrying: number;
  oldestPending: { dossierId: string; code: string; version: number; since: string } | null;
  lastSentAt: string | null;
  /** Failed or retrying requests, the most tried first (at most 20). */
  failing: { dossierId: string; code: string; version: number; eventType: string; state: 'pending' | 'failed'; failure: 'temporary' | 'permanent' | null; lastError: string | null; attempts: number }[];
  /** Dossiers received and, of those, acknowledged by the portal (the 766 index's 1.4), per month and in all. */
  share: { months: SyncShareMonth[]; received: number; synced: number; share: number | null; points: number | null; maxPoints: number };
};
export type SyncHealthQuery = { months?: string };

/** POST /api/portal/dossiers — the national portal files a dossier submitted on it (signed; see docs/SYNC.md). */
export type PortalFilingAnswer = {
  dossierId: string;
  code: string;
  status: DossierStatusName;
  receivingAgencyId: string;
  /** Decree 118 Art. 17.2: the desk is alerted at once, escalated after `alertAt`, must decide by `decideBy`. */
  intake: { alertAt: string; decideBy: string } | null;
};
