// Every call the rating page makes to /api, and the answers it reads (docs/API.md). With the receipt's
// token no sign-in is needed; the owner rating from My dossiers sends their ID token instead.
import type { User } from 'firebase/auth';
import type { LookupView, RatingBody } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';

export type { LookupView };

/** GET /api/lookup/:code: the dossier's status and whether it may be rated. */
export const lookUp = (code: string, token: string | null): Promise<LookupView> => api('lookup', { params: { code }, query: token ? { t: token } : {} });

/** POST /api/ratings; the body's requestId makes a second send of the same rating harmless. */
export async function sendRating(body: RatingBody, owner: User | undefined): Promise<void> {
  await api('postRating', { body }, owner ? await owner.getIdToken() : undefined);
}
