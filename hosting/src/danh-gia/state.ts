// The rating page's state: the dossier of the address (/danh-gia/<code>?t=<token>), what the lookup said
// about it, the answers so far, and the outcome once there is one (thanks, or why it cannot be rated).
import type { User } from 'firebase/auth';
import type { SATISFACTION_LEVELS } from '../../../functions/src/contract/index.js';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { newRequestId } from '../shared/session.js';
import { lookUp, type LookupView } from './api.js';

export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export type Outcome = 'thanks' | 'alreadyRated' | 'notRateable' | 'notFound';

export const code = decodeURIComponent(location.pathname.replace(/^\/danh-gia\/?/, '').replace(/\/$/, ''));
export const token = new URLSearchParams(location.search).get('t');

export const rating: {
  view?: LookupView;
  outcome?: Outcome;
  failure?: Bilingual;
  /** The signed-in owner, when the page was opened without a token. */
  owner?: User;
  /** Reused when the citizen sends again after a failure: the server answers it once. */
  requestId: string;
  answers: { satisfaction?: Satisfaction; complaint?: boolean; comment: string };
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
  const state = view.view === 'full' ? view.rating : undefined;
  if (state?.rated) rating.outcome = 'alreadyRated';
  else if (state && !state.rateable) rating.outcome = 'notRateable';
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
