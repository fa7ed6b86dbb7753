// What each route takes and answers, as the client sees it. The server's handlers are typed against this
// map (platform/http-router.ts), the pages and tests call through client.ts: one change here fails the
// typecheck of all three. Routes answering bytes (PDFs, uploaded files) are `raw`.
import type { AgencyPage, ListProceduresQuery, ProcedureDetail, ProcedurePage } from './catalog.js';
import type { ActOnDossierBody, DossierAnswer, IntakeDossierBody, SubmitDossierBody, TransitionAnswer } from './dossiers.js';
import type { HealthAnswer, PingAnswer, PingBody } from './health.js';
import type { LookupQuery, LookupView } from './lookup.js';
import type { FollowAnswer, FollowBody, NotificationPrefsAnswer, NotificationPrefsBody, NotificationReadAnswer } from './me.js';
import type { ProvisionOfficerAnswer, ProvisionOfficerBody } from './officers.js';
import type { DossierPaymentAnswer, GatewayPaymentAnswer, GatewayPaymentBody, PaymentIpnAnswer, PaymentReturnAnswer } from './payments.js';
import type { DossierSyncAnswer, PortalFilingAnswer, SyncHealthAnswer, SyncHealthQuery, SyncRetryAnswer } from './portal.js';
import type { RatingAnswer, RatingBody } from './ratings.js';
import type { RouteName } from './routes.js';
import type { TransparencyAnswer, TransparencyQuery } from './transparency.js';
import type { UploadAnswer } from './uploads.js';

/** Bytes, not JSON: a PDF or an uploaded file. */
export type Raw = { readonly raw: true };

type Spec<Answer, Body = never, Query = Record<never, never>> = { answer: Answer; body: Body; query: Query };

/** Every route has its entry (a missing one fails here). */
type EveryRoute<T extends Record<RouteName, Spec<unknown, unknown, unknown>>> = T;

export type Api = EveryRoute<{
  health: Spec<HealthAnswer>;
  postPing: Spec<PingAnswer, PingBody>;
  listProcedures: Spec<ProcedurePage, never, ListProceduresQuery>;
  getProcedure: Spec<ProcedureDetail>;
  listAgencies: Spec<AgencyPage>;
  transparency: Spec<TransparencyAnswer, never, TransparencyQuery>;
  postUploads: Spec<UploadAnswer, FormData>;
  getUpload: Spec<Raw>;
  lookup: Spec<LookupView, never, LookupQuery>;
  postRating: Spec<RatingAnswer, RatingBody>;
  submitDossier: Spec<TransitionAnswer, SubmitDossierBody>;
  intakeDossier: Spec<TransitionAnswer, IntakeDossierBody>;
  getDossier: Spec<DossierAnswer>;
  actOnDossier: Spec<TransitionAnswer, ActOnDossierBody>;
  downloadSlip: Spec<Raw, never, { t?: string }>;
  getRegister: Spec<Raw, never, { from: string; to: string }>;
  putNotificationPreferences: Spec<NotificationPrefsAnswer, NotificationPrefsBody>;
  markNotificationRead: Spec<NotificationReadAnswer>;
  followDossier: Spec<FollowAnswer, FollowBody>;
  provisionOfficer: Spec<ProvisionOfficerAnswer, ProvisionOfficerBody>;
  getDossierSync: Spec<DossierSyncAnswer>;
  retryDossierSync: Spec<SyncRetryAnswer>;
  portalSyncHealth: Spec<SyncHealthAnswer, never, SyncHealthQuery>;
  /** The body is the portal's filing (domain/portal/portal-filing.ts), signed over its raw bytes. */
  portalFiling: Spec<PortalFilingAnswer, Record<string, unknown>>;
  getDossierPayment: Spec<DossierPaymentAnswer>;
  startGatewayPayment: Spec<GatewayPaymentAnswer, GatewayPaymentBody>;
  paymentIpn: Spec<PaymentIpnAnswer, never, Record<string, string>>;
  paymentReturn: Spec<PaymentReturnAnswer, never, Record<string, string>>;
}>;

export type Answer<R extends RouteName> = Api[R]['answer'];
export type Body<R extends RouteName> = Api[R]['body'];
export type Query<R extends RouteName> = Api[R]['query'];
export type JsonRoute = { [R in RouteName]: Answer<R> extends Raw ? never : R }[RouteName];
export type RawRoute = Exclude<RouteName, JsonRoute>;
