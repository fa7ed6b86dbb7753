// Signed-in and idempotent calls: the API wants the Firebase ID token as a bearer token, and a client
// request id on every POST that changes something (docs/API.md).
import type { User } from 'firebase/auth';
import { callApi } from './api.js';

export async function callApiAs<T>(user: User, path: string, init: RequestInit = {}): Promise<T> {
  const token = await user.getIdToken();
  return callApi<T>(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
}

export function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A client request id for idempotent POSTs (docs/API.md): a retry reuses it. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
