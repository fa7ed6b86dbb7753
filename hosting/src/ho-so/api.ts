// Every call My dossiers makes to /api, and the answers it reads (docs/API.md): the dossier's personal
// part with its slips, the supplement answer, the slip PDFs, and the notification inbox and channels.
// The lists themselves come live from Firestore (store.ts).
import type { User } from 'firebase/auth';
import type { ActOnDossierBody, ComponentBody, DossierAnswer, NotificationPrefsBody, PersonalDossierView, SlipListing } from '../../../functions/src/contract/index.js';
import { apiAs, blobAs } from '../shared/session.js';

export { uploadWithProgress, type UploadAnswer } from '../shared/upload.js';

export type { DossierAnswer };
export type Component = NonNullable<PersonalDossierView['components']>[number];
export type Attachment = Component['attachments'][number];
export type Slip = SlipListing;
/** The channels a citizen hears on (PUT /api/me/notification-preferences). */
export type Prefs = NotificationPrefsBody;

export const fetchDossier = (user: User, dossierId: string): Promise<DossierAnswer> => apiAs(user, 'getDossier', { params: { dossierId } });

/** An electronic result's signed PDF (once the desk has returned it). */
export const fetchResult = (user: User, dossierId: string, resultId: string): Promise<Blob> => blobAs(user, 'downloadResult', { params: { dossierId, resultId } });
export type Result = DossierAnswer['results'][number];

/** The official slip's PDF. */
export const fetchSlip = (user: User, dossierId: string, slipId: string): Promise<Blob> => blobAs(user, 'downloadSlip', { params: { dossierId, slipId } });

/** POST …/actions `submitSupplement`: the new files per component, against the version the citizen saw. */
export const sendSupplement = (user: User, dossierId: string, o: { requestId: string; expectedVersion: number; components: ComponentBody[] }): Promise<unknown> =>
  apiAs(user, 'actOnDossier', { params: { dossierId }, body: { requestId: o.requestId, expectedVersion: o.expectedVersion, action: { type: 'submitSupplement', components: o.components } } });

/** POST …/actions with one of the citizen's own actions (ask to stop, withdraw), against the version they saw. */
export const sendAction = (user: User, dossierId: string, body: ActOnDossierBody): Promise<unknown> => apiAs(user, 'actOnDossier', { params: { dossierId }, body });

export const markRead = (user: User, notificationId: string): Promise<unknown> => apiAs(user, 'markNotificationRead', { params: { notificationId } });

export async function savePrefs(user: User, prefs: Prefs): Promise<Prefs> {
  return (await apiAs(user, 'putNotificationPreferences', { body: prefs })).notificationPrefs;
}
