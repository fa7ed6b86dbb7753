// Pure delivery rules: SMS quiet hours and retry backoff.
import { dayNumberOfInstant, instantAt, timeOfDayMs } from '../../domain/time/local-time.js';

export const DELIVERY_POLICY = {
  /** No SMS between 21:00 and 07:00 Vietnam time: it waits until 07:00. */
  quietFrom: 21 * 3_600_000,
  quietUntil: 7 * 3_600_000,
  /** Temporary failures: wait base × 2^(attempt−1), plus up to 50% jitter, capped; give up after maxAttempts. */
  backoffBaseMs: 60_000,
  backoffCapMs: 3_600_000,
  maxAttempts: 5,
  /** How long a delivery may hold its lease before another worker may take over. */
  leaseMs: 120_000,
} as const;

/** When an SMS queued at `at` may be sent: `at` itself, or 07:00 after a night. */
export function afterQuietHours(at: Date): Date {
  const ms = at.getTime();
  const time = timeOfDayMs(ms);
  const day = dayNumberOfInstant(ms);
  if (time >= DELIVERY_POLICY.quietFrom) return new Date(instantAt(day + 1, DELIVERY_POLICY.quietUntil));
  if (time < DELIVERY_POLICY.quietUntil) return new Date(instantAt(day, DELIVERY_POLICY.quietUntil));
  return at;
}

/** Delay before attempt `attempts + 1`, with jitter from `random` (0 ≤ r < 1) so retries do not bunch. */
export function backoffMs(attempts: number, random: number): number {
  const base = Math.min(DELIVERY_POLICY.backoffCapMs, DELIVERY_POLICY.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.5 * random));
}
