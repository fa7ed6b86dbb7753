// The retention schedule (thời hạn lưu trữ) per stored collection: how long a record is kept after the
// instant in its `field`, before the nightly job (features/retention) erases it. Dossiers, their events,
// slips and attached files follow archiving law and are not here; the access log of sensitive files is
// kept 5 years as proof of protection. docs/DATA_MODEL.md ("Retention") is the same table in words.
// Zod-free: the privacy notice quotes it.

export type RetentionRule = {
  /** Collection name, or `group:<name>` for a collection group (every subcollection of that name). */
  collection: string;
  /** The instant the period counts from. */
  field: string;
  days: number;
  /** Extra equality filter: only records with this value are covered (e.g. uploads never attached). */
  where?: { field: string; equals: null | string | boolean };
  why: string;
};

export const RETENTION_SCHEDULE: readonly RetentionRule[] = [
  { collection: 'drafts', field: 'updatedAt', days: 90, why: 'unfinished applications the citizen left' },
  { collection: 'uploads', field: 'createdAt', days: 7, where: { field: 'dossierId', equals: null }, why: 'files never attached to a dossier (their bytes too; frees the pending quota)' },
  { collection: 'notifications', field: 'createdAt', days: 365, why: 'delivery ledger and in-app inbox' },
  { collection: 'rateLimits', field: 'expiresAt', days: 1, why: 'request counters of the public lookup' },
  { collection: 'group:requests', field: 'at', days: 30, why: 'idempotency records of dossier actions (a client retries within minutes)' },
  { collection: 'processedEvents', field: 'processedAt', days: 90, why: 'trigger idempotency markers (events are redelivered within days)' },
  { collection: 'oidcStates', field: 'expiresAt', days: 0, why: 'one-time VNeID sign-in states (10 minutes)' },
  { collection: 'healthPings', field: 'createdAt', days: 7, why: 'walking-skeleton pings' },
  { collection: 'smsSink', field: 'at', days: 30, why: 'local SMS sink (emulators, or a province without a provider yet)' },
  { collection: 'zaloSink', field: 'at', days: 30, why: 'local Zalo sink' },
  { collection: 'accessLogs', field: 'at', days: 5 * 365, why: 'who opened which sensitive file (proof of protection)' },
];

const DAY_MS = 86_400_000;

/** Records whose `field` is before this instant are past their period. */
export function retentionCutoff(rule: RetentionRule, now: Date): Date {
  return new Date(now.getTime() - rule.days * DAY_MS);
}
