// The calls this page makes: send feedback (anonymous, or as the signed-in citizen), follow one's own case
// with the token of its link, add information or rate the answer, and read the published answers.
import type { CallInput, JsonRoute } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';

export type { FeedbackTrackView, PublicFeedbackAnswer, FeedbackReceipt } from '../../../functions/src/contract/index.js';

export const call = <R extends JsonRoute>(route: R, input: CallInput<R>, token?: string) => api(route, input, token);
