// Pure delivery rules of the portal sync: the lease, the retry backoff, when to give up.
export const SYNC_POLICY = {
  /** A worker that dies mid-delivery frees its dossier after this long; the retry sweep then takes it over. */
  leaseMs: 60_000,
  /**
   * Temporary failures: wait base × 2^(attempt−1) plus up to 50 % jitter, capped; `failed` after maxAttempts
   * (about 4 hours). The retry sweep runs every 5 minutes, so a retry goes at the first tick after its time.
   */
  backoffBaseMs: 60_000,
  backoffCapMs: 3_600_000,
  maxAttempts: 8,
  /** Requests read per query while draining one dossier, and the most one drain delivers before yielding. */
  batch: 20,
  maxPerDrain: 500,
} as const;

/** Delay before attempt `attempts + 1`, with jitter from `random` (0 ≤ r < 1) so a recovering portal is not hit all at once. */
export function syncBackoffMs(attempts: number, random: number): number {
  const base = Math.min(SYNC_POLICY.backoffCapMs, SYNC_POLICY.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.5 * random));
}

/** Whether a failure ends the request's automatic retries. */
export function givesUp(kind: 'temporary' | 'permanent', attempts: number): boolean {
  return kind === 'permanent' || attempts >= SYNC_POLICY.maxAttempts;
}
