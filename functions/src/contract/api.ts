// What each route takes and answers, as the client sees it. The server's handlers are typed against this
// map (platform/http-router.ts), the pages and tests call through client.ts: one change here fails the
// typecheck of all three. Routes answering bytes (PDFs, uploaded files) are `raw`.
import type {
  AdminAgencyList,
  AdminCalendarList,
  AdminProcedureAnswer,
  AuditPage,
  AuditQuery,
  BrandingView,
  CalendarWarningAnswer,
  MergeAgencyAnswer,
  MergeAgencyBody,
  OfficerListQuery,
  OfficerPage,
  ProcedureVersionAnswer,
  ProcedureVersionBody,
  RuleSetSettingsList,
  SaveAgencyAnswer,
  SaveAgencyBody,
  SaveBrandingAnswer,
  SaveBrandingBody,
  SaveCalendarAnswer,
  SaveCalendarBody,
  SaveRuleSetSettingsAnswer,
  SaveRuleSetSettingsBody,
  UpdateOfficerAnswer,
  UpdateOfficerBody,
} from './admin.js';
import type { AgencyPage, ListProceduresQuery, ProcedureDetail, ProcedurePage } from './catalog.js';
import type { ConfirmContactAnswer, ConfirmContactBody } from './contacts.js';
import type { ActOnDossierBody, DossierAnswer, IntakeDossierBody, SubmissionAnswer, SubmitDossierBody, TransitionAnswer } from './dossiers.js';
import type { HealthAnswer, PingAnswer, PingBody } from './health.js';
import type { LookupQuery, LookupView } from './lookup.js';
import type { FollowAnswer, FollowBody, MyDossiersAnswer, MyDossiersQuery, NotificationPrefsAnswer, NotificationPrefsBody, NotificationReadAnswer } from './me.js';
import type { ProfileAnswer, ProfileBody, VneidFinishAnswer, VneidFinishBody, VneidStartAnswer } from './identity.js';
import type { ProvisionOfficerAnswer, ProvisionOfficerBody } from './officers.js';
import type { DashboardAnswer, DashboardDossiersAnswer, DashboardDossiersQuery, DashboardExportQuery, DashboardQuery } from './dashboard.js';
import type {
  ActOnFeedbackBody,
  FeedbackBody,
  FeedbackCaseAnswer,
  FeedbackListAnswer,
  FeedbackListQuery,
  FeedbackReceipt,
  PublicFeedbackAnswersAnswer,
  PublicFeedbackAnswersQuery,
  RecordFeedbackBody,
  SenderFeedbackBody,
  TrackFeedbackAnswer,
} from './feedback.js';
import type {
  ConsentAnswer,
  ConsentBody,
  DataRequestActionAnswer,
  DataRequestActionBody,
  DataRequestAnswer,
  DataRequestBody,
  DataRequestQueueAnswer,
  NoticeAnswer,
  NoticeBody,
  PrivacyAnswer,
} from './privacy.js';
import type { DossierPaymentAnswer, GatewayPaymentAnswer, GatewayPaymentBody, PaymentIpnAnswer, PaymentReturnAnswer } from './payments.js';
import type { DossierSyncAnswer, PortalFilingAnswer, SyncHealthAnswer, SyncHealthQuery, SyncRetryAnswer } from './portal.js';
import type { PaperRatingAnswer, PaperRatingBody, RatingAnswer, RatingBody } from './ratings.js';
import type { DocumentLookupAnswer, IssueResultAnswer, IssueResultBody, VerificationAnswer } from './results.js';
import type { RouteName } from './routes.js';
import type { EndSessionAnswer, SessionAnswer, SessionBody } from './session.js';
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
  submitDossier: Spec<SubmissionAnswer, SubmitDossierBody>;
  intakeDossier: Spec<SubmissionAnswer, IntakeDossierBody>;
  getDossier: Spec<DossierAnswer>;
  listMyDossiers: Spec<MyDossiersAnswer, never, MyDossiersQuery>;
  actOnDossier: Spec<TransitionAnswer, ActOnDossierBody>;
  downloadSlip: Spec<Raw, never, { t?: string }>;
  getRegister: Spec<Raw, never, { from: string; to: string }>;
  putNotificationPreferences: Spec<NotificationPrefsAnswer, NotificationPrefsBody>;
  markNotificationRead: Spec<NotificationReadAnswer>;
  followDossier: Spec<FollowAnswer, FollowBody>;
  confirmContact: Spec<ConfirmContactAnswer, ConfirmContactBody>;
  provisionOfficer: Spec<ProvisionOfficerAnswer, ProvisionOfficerBody>;
  getBranding: Spec<BrandingView>;
  getBrandingLogo: Spec<Raw, never, { v?: string }>;
  calendarWarning: Spec<CalendarWarningAnswer>;
  adminListAgencies: Spec<AdminAgencyList>;
  saveAgency: Spec<SaveAgencyAnswer, SaveAgencyBody>;
  mergeAgency: Spec<MergeAgencyAnswer, MergeAgencyBody>;
  listOfficers: Spec<OfficerPage, never, OfficerListQuery>;
  updateOfficer: Spec<UpdateOfficerAnswer, UpdateOfficerBody>;
  adminGetProcedure: Spec<AdminProcedureAnswer>;
  createProcedureVersion: Spec<ProcedureVersionAnswer, ProcedureVersionBody>;
  adminListCalendars: Spec<AdminCalendarList>;
  saveCalendar: Spec<SaveCalendarAnswer, SaveCalendarBody>;
  saveBranding: Spec<SaveBrandingAnswer, SaveBrandingBody>;
  listRuleSetSettings: Spec<RuleSetSettingsList>;
  saveRuleSetSettings: Spec<SaveRuleSetSettingsAnswer, SaveRuleSetSettingsBody>;
  listAudit: Spec<AuditPage, never, AuditQuery>;
  submitFeedback: Spec<FeedbackReceipt, FeedbackBody>;
  recordFeedback: Spec<FeedbackReceipt, RecordFeedbackBody>;
  listFeedback: Spec<FeedbackListAnswer, never, FeedbackListQuery>;
  getFeedback: Spec<FeedbackCaseAnswer>;
  actOnFeedback: Spec<FeedbackCaseAnswer, ActOnFeedbackBody>;
  trackFeedback: Spec<TrackFeedbackAnswer, never, { t: string }>;
  senderFeedbackAction: Spec<TrackFeedbackAnswer, SenderFeedbackBody>;
  publicFeedbackAnswers: Spec<PublicFeedbackAnswersAnswer, never, PublicFeedbackAnswersQuery>;
  getDashboard: Spec<DashboardAnswer, never, DashboardQuery>;
  dashboardDossiers: Spec<DashboardDossiersAnswer, never, DashboardDossiersQuery>;
  exportDashboard: Spec<Raw, never, DashboardExportQuery>;
  postPaperRating: Spec<PaperRatingAnswer, PaperRatingBody>;
  issueResult: Spec<IssueResultAnswer, IssueResultBody>;
  downloadResult: Spec<Raw>;
  verifyDocument: Spec<VerificationAnswer, FormData>;
  lookupDocument: Spec<DocumentLookupAnswer>;
  getProfile: Spec<ProfileAnswer>;
  putProfile: Spec<ProfileAnswer, ProfileBody>;
  startVneid: Spec<VneidStartAnswer>;
  finishVneid: Spec<VneidFinishAnswer, VneidFinishBody>;
  getPrivacy: Spec<PrivacyAnswer>;
  putConsent: Spec<ConsentAnswer, ConsentBody>;
  acknowledgeNotice: Spec<NoticeAnswer, NoticeBody>;
  exportMyData: Spec<Raw>;
  postDataRequest: Spec<DataRequestAnswer, DataRequestBody>;
  listDataRequests: Spec<DataRequestQueueAnswer, never, { status?: string }>;
  actOnDataRequest: Spec<DataRequestActionAnswer, DataRequestActionBody>;
  getDossierSync: Spec<DossierSyncAnswer>;
  retryDossierSync: Spec<SyncRetryAnswer>;
  portalSyncHealth: Spec<SyncHealthAnswer, never, SyncHealthQuery>;
  /** The body is the portal's filing (domain/portal/portal-filing.ts), signed over its raw bytes. */
  portalFiling: Spec<PortalFilingAnswer, Record<string, unknown>>;
  getDossierPayment: Spec<DossierPaymentAnswer>;
  startGatewayPayment: Spec<GatewayPaymentAnswer, GatewayPaymentBody>;
  paymentIpn: Spec<PaymentIpnAnswer, never, Record<string, string>>;
  startSession: Spec<SessionAnswer, SessionBody>;
  endSession: Spec<EndSessionAnswer>;
  paymentReturn: Spec<PaymentReturnAnswer, never, Record<string, string>>;
}>;

export type Answer<R extends RouteName> = Api[R]['answer'];
export type Body<R extends RouteName> = Api[R]['body'];
export type Query<R extends RouteName> = Api[R]['query'];
export type JsonRoute = { [R in RouteName]: Answer<R> extends Raw ? never : R }[RouteName];
export type RawRoute = Exclude<RouteName, JsonRoute>;
