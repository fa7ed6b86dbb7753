// Every call My dossiers makes to /api, and the answers it reads (docs/API.md): the dossier's personal
// part with its slips, the supplement answer, the slip PDFs, the notification inbox and channels, and the
// fee: its notice and receipts, paying through the gateway, and the result the gateway sends back.
// The list's first page comes from the API (the page is usable without the Firestore SDK); the live
// listeners (store.ts) take over once it is shown.
import type { User } from 'firebase/auth';
import type { ActOnDossierBody, ComponentBody, DossierAnswer, MyDossiersAnswer, DossierPaymentAnswer, FeeNoticeView, NotificationPrefsBody, PaymentReturnAnswer, PersonalDossierView, SlipListing } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';
import { apiAs, blobAs } from '../shared/session.js';

export { uploadWithProgress, type UploadAnswer } from '../shared/upload.js';

export type { DossierAnswer, DossierPaymentAnswer, FeeNoticeView, PaymentReturnAnswer };
export type Component = NonNullable<PersonalDossierView['components']>[number];
export type Attachment = Component['attachments'][number];
export type Slip = SlipListing;
/** The channels a citizen hears on (PUT /api/me/notification-preferences). */
export type Prefs = NotificationPrefsBody;

/** The procedure's fees as the public catalogue lists them (GET /api/procedures/:code). */
export async function fetchProcedureFees(code: string): Promise<{ amountVnd: number; description: { vi: string; en: string } }[]> {
  return (await api('getProcedure', { params: { code } })).procedure.fees;
}

export const fetchDossier = (user: User, dossierId: string): Promise<DossierAnswer> => apiAs(user, 'getDossier', { params: { dossierId } });

/** GET /api/me/dossiers: the first page of the citizen's own dossiers, newest first (the list at first paint). */
export const fetchMyDossiers = (user: Pick<User, 'getIdToken'>): Promise<MyDossiersAnswer> => apiAs(user, 'listMyDossiers', { query: {} });

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

/** GET …/payment: the fee notice (with its VietQR code) and the e-receipts. */
export const fetchPayment = (user: User, dossierId: string): Promise<DossierPaymentAnswer> => apiAs(user, 'getDossierPayment', { params: { dossierId } });

/** POST …/payment/gateway: the gateway's signed address to pay the open notice at. */
export async function gatewayUrl(user: User, dossierId: string, reference: string): Promise<string> {
  return (await apiAs(user, 'startGatewayPayment', { params: { dossierId }, body: { reference } })).redirectUrl;
}

/** GET /api/payments/vnpay/return: what the gateway sent the browser back with, verified by the server (display only). */
export const checkGatewayReturn = (query: Record<string, string>): Promise<PaymentReturnAnswer> => api('paymentReturn', { query });
