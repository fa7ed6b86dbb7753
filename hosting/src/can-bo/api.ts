// Every call the officer dashboard makes to /api, and the answers it reads (docs/API.md): the dossier
// with the actions this officer may take, the actions themselves, following a dossier, desk intake,
// and the files (attachments, slips) fetched with the officer's token. The queues, tasks and figures
// come from Firestore (store.ts).
import type { User } from 'firebase/auth';
import type { Bilingual } from '../shared/api.js';
import { fetchBlob } from '../shared/download.js';
import { callApiAs, jsonPost } from '../shared/session.js';

export type Attachment = { id: string; fileName: string; contentType: string; size: number };
export type Component = { componentId: string; originals: number; certifiedCopies: number; copies: number; attachments: Attachment[] };
export type Slip = { id: string; form: string; version: number; createdAt?: string };
/** GET /api/dossiers/:id */
export type DossierAnswer = {
  dossier: {
    id: string;
    code?: string;
    version: number;
    status: string;
    channel: string;
    resultDelivery: string;
    procedure: { code: string; version: number; name: Bilingual };
    receivingAgencyId: string;
    currentStep?: { agencyId: string; dueAt?: string; acknowledgedAt?: string; task?: string };
    applicant?: Record<string, unknown>;
    components?: Component[];
    createdAt: string;
    receivedAt?: string;
    dueAt?: string;
    dueExplanation?: Bilingual;
    originalDueAt?: string;
    extension?: { reason?: string };
    resolution?: { outcome: string; summary?: string; reason?: string };
  };
  allowedActions: string[];
  slips?: Slip[];
};
/** The dossier in the answer to an action or a desk intake. */
export type MovedDossier = { id: string; code: string; version: number; status: string };

const dossierPath = (id: string) => `/dossiers/${encodeURIComponent(id)}`;

export const fetchDossier = (user: User, id: string): Promise<DossierAnswer> => callApiAs<DossierAnswer>(user, dossierPath(id));

/** POST …/actions, against the version the officer read; `requestId` makes a retry harmless. */
export async function postAction(user: User, id: string, body: { requestId: string; expectedVersion: number; action: Record<string, unknown> }): Promise<MovedDossier> {
  return (await callApiAs<{ dossier: MovedDossier }>(user, `${dossierPath(id)}/actions`, jsonPost(body))).dossier;
}

/** PUT …/follow: each transition of a followed dossier goes to the officer's inbox. */
export const setFollow = (user: User, id: string, follow: boolean): Promise<unknown> =>
  callApiAs(user, `${dossierPath(id)}/follow`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ follow }) });

/** POST /api/desk/dossiers: a walk-in or postal application recorded by the receptionist. */
export async function recordAtDesk(user: User, body: Record<string, unknown>): Promise<MovedDossier> {
  return (await callApiAs<{ dossier: MovedDossier }>(user, '/desk/dossiers', jsonPost(body))).dossier;
}

/** An official slip's PDF; 404 until the slip trigger has made it. */
export const fetchSlip = (user: User, id: string, slipId: string): Promise<Blob> => fetchBlob(user, `${dossierPath(id)}/slips/${encodeURIComponent(slipId)}`);

/** An attachment's file. */
export const fetchUpload = (user: User, uploadId: string): Promise<Blob> => fetchBlob(user, `/uploads/${encodeURIComponent(uploadId)}`);
