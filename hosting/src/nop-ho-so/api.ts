// Every call the application wizard makes to /api, and the answers it reads (docs/API.md). The draft
// itself is in Firestore (draft-store.ts), not behind the API.
import type { User } from 'firebase/auth';
import type { ProcedureDetail, PublicDossierView, SubmitDossierBody } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';
import { untilNumbered } from '../shared/numbered.js';
import { apiAs } from '../shared/session.js';

export { uploadWithProgress } from '../shared/upload.js';

/** GET /api/procedures/:code: the procedure, its summary and the desks that receive it. */
export type Detail = ProcedureDetail;

/** The dossier in the answer to POST /api/dossiers. */
export type SubmittedDossier = PublicDossierView;

export const fetchProcedure = (code: string): Promise<Detail> => api('getProcedure', { params: { code } });

/**
 * POST /api/dossiers; the body carries a requestId, so sending it again never makes a second dossier. While
 * the code is being assigned (202) it is sent again until the numbered dossier comes back.
 */
export async function submitApplication(user: User, body: SubmitDossierBody, onPending: () => void = () => undefined): Promise<SubmittedDossier> {
  return untilNumbered(() => apiAs(user, 'submitDossier', { body }), onPending);
}
