// Every call My dossiers makes to /api, and the answers it reads (docs/API.md): the dossier's personal
// part with its slips, the supplement answer, the slip PDFs, and the notification inbox and channels.
// The lists themselves come live from Firestore (store.ts).
import type { User } from 'firebase/auth';
import { fetchBlob } from '../shared/download.js';
import { callApiAs, jsonPost } from '../shared/session.js';

export { uploadWithProgress, type UploadAnswer } from '../shared/upload.js';

export type Attachment = { id: string; fileName: string; contentType: string; size: number; sha256: string };
export type Component = { componentId: string; originals: number; certifiedCopies: number; copies: number; attachments: Attachment[] };
export type Slip = { id: string; form: string; version: number; createdAt: string };
/** GET /api/dossiers/:id, as far as this page reads it. */
export type DossierAnswer = { dossier: { components?: Component[]; version: number }; allowedActions?: string[]; slips?: Slip[] };
/** The channels a citizen hears on (PUT /api/me/notification-preferences). */
export type Prefs = { inApp?: boolean; email?: boolean; sms?: boolean; zalo?: boolean };

const dossierPath = (id: string) => `/dossiers/${encodeURIComponent(id)}`;

export const fetchDossier = (user: User, id: string): Promise<DossierAnswer> => callApiAs<DossierAnswer>(user, dossierPath(id));

/** The official slip's PDF. */
export const fetchSlip = (user: User, id: string, slipId: string): Promise<Blob> => fetchBlob(user, `${dossierPath(id)}/slips/${encodeURIComponent(slipId)}`);

/** POST …/actions `submitSupplement`: the new files per component, against the version the citizen saw. */
export const sendSupplement = (user: User, id: string, o: { requestId: string; expectedVersion: number; components: { componentId: string; uploadIds: string[] }[] }): Promise<unknown> =>
  callApiAs(user, `${dossierPath(id)}/actions`, jsonPost({ requestId: o.requestId, expectedVersion: o.expectedVersion, action: { type: 'submitSupplement', components: o.components } }));

export const markRead = (user: User, notificationId: string): Promise<unknown> => callApiAs(user, `/me/notifications/${encodeURIComponent(notificationId)}/read`, jsonPost({}));

export async function savePrefs(user: User, prefs: Prefs): Promise<Prefs> {
  return (await callApiAs<{ notificationPrefs: Prefs }>(user, '/me/notification-preferences', { ...jsonPost(prefs), method: 'PUT' })).notificationPrefs;
}
