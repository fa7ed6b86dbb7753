// Every call the application wizard makes to /api, and the answers it reads (docs/API.md). The draft
// itself is in Firestore (draft-store.ts), not behind the API.
import type { User } from 'firebase/auth';
import type { Procedure } from '../../../functions/src/contract/index.js';
import type { AgencyPublic } from '../shared/agency-public.js';
import { callApi, type Bilingual } from '../shared/api.js';
import { callApiAs, jsonPost } from '../shared/session.js';

export { uploadWithProgress } from '../shared/upload.js';

/** GET /api/procedures/:code: the procedure, its summary and the desks that receive it. */
export type Detail = { procedure: Procedure; summary: { durationText: Bilingual }; receivingAgencies: AgencyPublic[] };

/** The dossier in the answer to POST /api/dossiers. */
export type SubmittedDossier = { id: string; code: string; dueAt?: string; dueExplanation?: Bilingual };

export const fetchProcedure = (code: string): Promise<Detail> => callApi<Detail>(`/procedures/${encodeURIComponent(code)}`);

/** POST /api/dossiers; the body carries a requestId, so sending it again never makes a second dossier. */
export async function submitApplication(user: User, body: unknown): Promise<SubmittedDossier> {
  return (await callApiAs<{ dossier: SubmittedDossier }>(user, '/dossiers', jsonPost(body))).dossier;
}
