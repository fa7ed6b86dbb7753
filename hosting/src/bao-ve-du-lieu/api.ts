// Every call the data protection officer's queue makes to /api (docs/API.md, "Personal data"): the queue
// of open and replied requests, and one action on a request with its message to the requester.
import type { User } from 'firebase/auth';
import type { DataRequestAction, DataRequestActionAnswer, DataRequestQueueAnswer } from '../../../functions/src/contract/index.js';
import { apiAs } from '../shared/session.js';

export type QueuedRequest = DataRequestQueueAnswer['requests'][number];
export type { DataRequestAction, DataRequestActionAnswer };

/** GET /api/privacy/data-requests (administrators; 403 for anyone else). */
export async function loadQueue(user: User): Promise<QueuedRequest[]> {
  return (await apiAs(user, 'listDataRequests', {})).requests;
}

/**
 * POST /api/privacy/data-requests/:requestId/actions. Not idempotent by a request id: the server refuses
 * an action the request no longer allows (409 with `allowedActions`), so a repeated click cannot reply
 * twice or extend twice.
 */
export function actOn(user: User, requestId: string, type: DataRequestAction, message: string): Promise<DataRequestActionAnswer> {
  return apiAs(user, 'actOnDataRequest', { params: { requestId }, body: { type, message } });
}
