// Every call the officer dashboard makes to /api, and the answers it reads (docs/API.md): the dossier
// with the actions this officer may take, the actions themselves, following a dossier, desk intake,
// the files (attachments, slips) fetched with the officer's token, the dossier's fee and its sync with the
// national portal, and (monitors, administrators) the province-wide sync health. The queues, tasks and figures
// come from Firestore (store.ts).
import type { User } from 'firebase/auth';
import type {
  ActOnDossierBody,
  DossierAnswer,
  DossierPaymentAnswer,
  DossierSyncAnswer,
  IntakeDossierBody,
  IssueResultBody,
  PersonalDossierView,
  PublicDossierView,
  ResultListing,
  SlipListing,
  SyncHealthAnswer,
  SyncRetryAnswer,
} from '../../../functions/src/contract/index.js';
import { untilNumbered } from '../shared/numbered.js';
import { apiAs, blobAs } from '../shared/session.js';

export type { DossierAnswer, DossierPaymentAnswer, DossierSyncAnswer, SyncHealthAnswer };
export type Component = NonNullable<PersonalDossierView['components']>[number];
export type Attachment = Component['attachments'][number];
export type Slip = SlipListing;
/** The dossier in the answer to an action or a desk intake. */
export type MovedDossier = PublicDossierView;

export const fetchDossier = (user: User, dossierId: string): Promise<DossierAnswer> => apiAs(user, 'getDossier', { params: { dossierId } });

/** POST …/actions, against the version the officer read; `requestId` makes a retry harmless. */
export async function postAction(user: User, dossierId: string, body: ActOnDossierBody): Promise<MovedDossier> {
  return (await apiAs(user, 'actOnDossier', { params: { dossierId }, body })).dossier;
}

/** PUT …/follow: each transition of a followed dossier goes to the officer's inbox. */
export const setFollow = (user: User, dossierId: string, follow: boolean): Promise<unknown> => apiAs(user, 'followDossier', { params: { dossierId }, body: { follow } });

/** POST /api/desk/dossiers: a walk-in or postal application recorded by the receptionist. */
export async function recordAtDesk(user: User, body: IntakeDossierBody, onPending: () => void = () => undefined): Promise<MovedDossier> {
  // While the code is being assigned (202), the same request is sent again (ADR 0012).
  return untilNumbered(() => apiAs(user, 'intakeDossier', { body }), onPending);
}

/** An official slip's PDF; 404 until the slip trigger has made it. */
export const fetchSlip = (user: User, dossierId: string, slipId: string): Promise<Blob> => blobAs(user, 'downloadSlip', { params: { dossierId, slipId } });

/** An attachment's file. */
export const fetchUpload = (user: User, uploadId: string): Promise<Blob> => blobAs(user, 'getUpload', { params: { uploadId } });

/** GET /api/calendars/warning: from 1 October, next year's working calendar missing or provisional. */
export const fetchCalendarWarning = (user: User) => apiAs(user, 'calendarWarning', {});
/** POST …/results: the electronic result, signed by the server with the agency's certificate. */
export async function issueResult(user: User, dossierId: string, body: IssueResultBody): Promise<ResultListing> {
  return (await apiAs(user, 'issueResult', { params: { dossierId }, body })).result;
}

/** An electronic result's signed PDF. */
export const fetchResult = (user: User, dossierId: string, resultId: string): Promise<Blob> => blobAs(user, 'downloadResult', { params: { dossierId, resultId } });
export type { ResultListing };

/** GET …/portal-sync: what of the dossier the national portal has acknowledged, and what waits or failed. */
export const fetchSync = (user: User, dossierId: string): Promise<DossierSyncAnswer> => apiAs(user, 'getDossierSync', { params: { dossierId } });

/** POST …/portal-sync/retry (administrators): the dossier's unsent requests queued again, now. */
export const retrySync = (user: User, dossierId: string): Promise<SyncRetryAnswer> => apiAs(user, 'retryDossierSync', { params: { dossierId } });

/** GET /api/portal-sync/health (monitors, administrators): the province-wide picture. */
export const fetchSyncHealth = (user: User): Promise<SyncHealthAnswer> => apiAs(user, 'portalSyncHealth', {});

/** GET …/payment: the fee notice and the e-receipts. */
export const fetchPayment = (user: User, dossierId: string): Promise<DossierPaymentAnswer> => apiAs(user, 'getDossierPayment', { params: { dossierId } });
