// The rating page's state: the dossier of the address (/danh-gia/<code>?t=<token>), what the lookup said
// about it, the answers so far, and the outcome once there is one (thanks, or why it cannot be rated).
import type { User } from 'firebase/auth';
import { outcomeOfView, type RatingAnswers, type RatingOutcome, type Satisfaction } from '../../../functions/src/contract/views/rating-view.js';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { newRequestId } from '../shared/session.js';
import { lookUp, type LookupView } from './api.js';

export type { Satisfaction };
export type Outcome = RatingOutcome;

export const code = decodeURIComponent(location.pathname.replace(/^\/danh-gia\/?/, '').replace(/\/$/, ''));
export const token = new URLSearchParams(location.search).get('t');
/** `?da-gui=1`: the page the server sends back after the form posted itself. */
const SENT = new URLSearchParams(location.search).get('da-gui') === '1';

export const rating: {
  view?: LookupView;
  outcome?: Outcome;
  failure?: Bilingual;
  /** The signed-in owner, when the page was opened without a token. */
  owner?: User;
  /** Reused when the citizen sends again after a failure: the server answers it once. */
  requestId: string;
  answers: RatingAnswers;
} = { requestId: newRequestId(), answers: { comment: '' } };

/**
 * Looks the dossier of the address up. A dossier that is unknown, already rated or not yet returned ends
 * here (`outcome`), as does a failed lookup (`failure`); otherwise the form can be shown.
 */
export async function lookUpDossier(): Promise<void> {
  if (!code) {
    rating.outcome = 'notFound';
    return;
  }
  let view: LookupView;
  try {
    view = await lookUp(code, token);
  } catch (err) {
    if (err instanceof ApiCallError && err.status === 404) rating.outcome = 'notFound';
    else rating.failure = describeError(err);
    return;
  }
  rating.view = view;
  rating.outcome = outcomeOfView(view);
  // Sent by the form without this script (features/ratings/rating-page.ts answers with this address): thanks.
  if (rating.outcome === 'alreadyRated' && SENT) rating.outcome = 'thanks';
}

export function signedIn(user: User): void {
  rating.owner = user;
  rating.requestId = newRequestId();
}

/** The outcome a refused rating leads to, if it ends the page (already rated, not rateable, unknown dossier). */
export function refusalOutcome(err: unknown): Outcome | undefined {
  if (!(err instanceof ApiCallError)) return undefined;
  const reason = err.body?.error.reason;
  if (reason === 'alreadyRated' || reason === 'notRateable') return reason;
  return err.status === 404 ? 'notFound' : undefined;
}
