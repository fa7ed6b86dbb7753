// Files the API serves only to a signed-in caller (attachments, official slips): fetched with the bearer
// token as a blob, since a plain link cannot carry the token, then saved or opened from an object URL.
import type { User } from 'firebase/auth';
import { ApiCallError, type ApiErrorBody } from './api.js';

/** GET /api<path> with the user's token; a refusal throws an ApiCallError carrying the server's message. */
export async function fetchBlob(user: User, path: string): Promise<Blob> {
  const token = await user.getIdToken();
  const res = await fetch(`/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const text = await res.text();
    let body: ApiErrorBody | undefined;
    try {
      body = text ? (JSON.parse(text) as ApiErrorBody) : undefined;
    } catch {
      body = undefined;
    }
    throw new ApiCallError(res.status, body);
  }
  return res.blob();
}

/** Saves a blob under a file name (the browser's download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
