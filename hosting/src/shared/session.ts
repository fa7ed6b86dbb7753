// Signed-in and idempotent calls: the API wants the Firebase ID token as a bearer token, and a client
// request id on every POST that changes something (docs/API.md).
import type { User } from 'firebase/auth';
import type { Answer, CallInput, JsonRoute, RawRoute } from '../../../functions/src/contract/index.js';
import { api, apiBlob } from './api.js';

/** A JSON route called as the signed-in user. */
export async function apiAs<R extends JsonRoute>(user: Pick<User, 'getIdToken'>, route: R, input: CallInput<R>): Promise<Answer<R>> {
  return api(route, input, await user.getIdToken());
}

/** A bytes route (slip, attachment) fetched as the signed-in user: a plain link cannot carry the token. */
export async function blobAs<R extends RawRoute>(user: User, route: R, input: CallInput<R>): Promise<Blob> {
  return apiBlob(route, input, await user.getIdToken());
}

/** A client request id for idempotent POSTs (docs/API.md): a retry reuses it. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
