// Every call the rating page makes to /api, and the answers it reads (docs/API.md). With the receipt's
// token no sign-in is needed; the owner rating from My dossiers sends their ID token instead.
import type { User } from 'firebase/auth';
import { callApi } from '../shared/api.js';
import type { LookupView } from '../shared/lookup-view.js';

export type { LookupView };

/** GET /api/lookup/:code: the dossier's status and whether it may be rated. */
export const lookUp = (code: string, token: string | null): Promise<LookupView> =>
  callApi<LookupView>(`/lookup/${encodeURIComponent(code)}${token ? `?t=${encodeURIComponent(token)}` : ''}`);

/** POST /api/ratings; the body's requestId makes a second send of the same rating harmless. */
export async function sendRating(body: Record<string, unknown>, owner: User | undefined): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (owner) headers.authorization = `Bearer ${await owner.getIdToken()}`;
  await callApi('/ratings', { method: 'POST', headers, body: JSON.stringify(body) });
}
