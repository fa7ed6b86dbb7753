// The share of dossiers synced to the national portal, which the national index scores (Decision 766,
// indicator 1.4, 6 points; reported). "Synced" counts a received dossier once the portal has acknowledged
// its reception (status 2) or any later state; "received" is the statistics' count of receptions. Both are
// stored per receiving agency, procedure field and month (`stats/`), so the share is a stored figure.

/** synced ÷ received, 4 decimals; null when nothing was received. Capped at 1: a dossier received in one month may be acknowledged in the next. */
export function syncShare(synced: number, received: number): number | null {
  if (received <= 0) return null;
  return Math.round(Math.min(1, synced / received) * 10_000) / 10_000;
}

/**
 * Points of an indicator as the national portal computes them (reported): full points at or above the
 * target, else rate × max ÷ target. Indicator 1.4 is worth 6 points; its target is taken as 100 % until
 * the formula document says otherwise.
 */
export function indicatorPoints(rate: number | null, max: number, target = 1): number | null {
  if (rate === null) return null;
  if (target <= 0) throw new RangeError('target must be positive');
  const points = rate >= target ? max : (rate * max) / target;
  return Math.round(points * 100) / 100;
}

export const SYNC_INDICATOR = { id: '1.4', maxPoints: 6, target: 1 } as const;
