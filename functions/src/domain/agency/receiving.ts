// Where an applicant may hand in a dossier: which agencies are in operation on a date and host a one-stop
// desk at a level that handles the procedure. Works on any agency shape that carries those fields, so the
// public directory and the stored agencies use the same rule.
import { localDateOf } from '../time/local-time.js';

type Dated = { readonly effectiveFrom?: string | undefined; readonly effectiveTo?: string | undefined };
type Receiving = Dated & { readonly hasOneStopDesk: boolean; readonly level: string };

/** In operation on the Vietnam date of `now` (both ends inclusive; a missing start means always). */
export function isOpenOn(a: Dated, now: Date): boolean {
  const today = localDateOf(now);
  return (a.effectiveFrom === undefined || a.effectiveFrom <= today) && (a.effectiveTo === undefined || today <= a.effectiveTo);
}

/**
 * Agencies in operation today that host a one-stop desk at one of the levels that handle the procedure.
 */
export function receivingAgenciesFor<A extends Receiving>(agencies: readonly A[], competentLevels: readonly string[], now: Date): A[] {
  return agencies.filter((a) => a.hasOneStopDesk && competentLevels.includes(a.level) && isOpenOn(a, now));
}
