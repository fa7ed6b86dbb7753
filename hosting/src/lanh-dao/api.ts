// Every call this page makes, as the signed-in staff member, by route name through the contract.
import type { CallInput, JsonRoute, RawRoute } from '../../../functions/src/contract/index.js';
import { apiAs, blobAs, newRequestId } from '../shared/session.js';
import { session } from './state.js';

export type {
  BreakdownRow,
  DashboardAnswer,
  DashboardUnit,
  DrillFigure,
  DrillRow,
  FeedbackCaseView,
  FeedbackListItem,
  DashboardTable,
} from '../../../functions/src/contract/index.js';

function user() {
  const staff = session.staff;
  if (!staff) throw new Error('not signed in');
  return staff.user;
}

export const call = <R extends JsonRoute>(route: R, input: CallInput<R>) => apiAs(user(), route, input);
export const fetchBlob = <R extends RawRoute>(route: R, input: CallInput<R>) => blobAs(user(), route, input);
export { newRequestId };
