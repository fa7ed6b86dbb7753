// Where statistics live: `stats/{agencyId}_{field}_{YYYY-MM}` (counters and index sums per receiving
// agency, procedure field and month in Vietnam time), `ratings/{dossierId}` (one rating per dossier) and
// `processedEvents/{consumer}_{dossierId}_{eventId}` (markers that make event consumers idempotent).
import { localDateOf } from '../domain/index.js';

export const STATS = 'stats';
export const RATINGS = 'ratings';
export const PROCESSED_EVENTS = 'processedEvents';

/** `YYYY-MM` of the instant in Vietnam: 2026-11-30T18:00Z is 1 December 01:00 there, so `2026-12`. */
export function statsMonthOf(at: Date): string {
  return localDateOf(at).slice(0, 7);
}

/** `stats/{agencyId}_{field}_{YYYY-MM}`; agency ids contain only digits, dots and letters, so `_` separates. */
export function statsDocId(agencyId: string, field: string, month: string): string {
  return `${agencyId}_${field}_${month}`;
}

