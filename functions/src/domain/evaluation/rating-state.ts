// Whether a dossier can be rated now. Decree 61/2018 Art. 27–32: the applicant rates the handling of a
// dossier once the result is in hand, so only a dossier whose result was returned, and only once.
import type { DossierStatus } from '../dossier/status.js';

export type RatingState = { rateable: boolean; rated: boolean };

export function isRateableStatus(status: DossierStatus): boolean {
  return status === 'returned';
}

export function ratingState(status: DossierStatus, rated: boolean): RatingState {
  return { rateable: isRateableStatus(status) && !rated, rated };
}
