// Thin wiring: every deployed function is one line here; the logic lives in features/.
import { onRequest } from 'firebase-functions/v2/https';
import { onDocumentCreated, onSchedule } from './platform/metered-functions.js';
import { onInit } from 'firebase-functions/v2';
import { API_SECRETS, applyGlobalOptions, FILE_ENCRYPTION_KEYS, LOOKUP_TOKEN_SECRET, NOTIFICATION_SECRETS, PORTAL_SYNC_SECRETS, publicOrigin, publicOriginProblem, REGION, RUNTIME, SIGNING_KEY_PASSPHRASE, TIME_ZONE, VNEID_CLIENT_ID, VNEID_CLIENT_SECRET, VNEID_ID_CLAIM, VNEID_ISSUER } from './config.js';
import { db } from './platform/firestore.js';
import { createRouter, type ApiRequest } from './platform/http-router.js';
import { getHealth, postPing, HEALTH_PINGS } from './features/health/health.handler.js';
import { acknowledgePing } from './features/health/ping-ack.trigger.js';
import { recordHeartbeat } from './features/health/heartbeat.schedule.js';
import { listProcedures } from './features/catalog/list-procedures.handler.js';
import { getProcedure } from './features/catalog/get-procedure.handler.js';
import { listAgencies } from './features/agencies/list-agencies.handler.js';
import { postUploads } from './features/uploads/upload.handler.js';
import { getUpload } from './features/uploads/download.handler.js';
import { EncryptingFileStore, fileStore, parseKeyring, type Keyring } from './platform/file-store/index.js';
import { lookupDossier } from './features/lookup/lookup-dossier.handler.js';
import { lookupPage } from './features/lookup/lookup-page.js';
import { procedurePage } from './features/catalog/procedure-page.js';
import { portalPage } from './features/catalog/portal-page.js';
import { ratingPage, ratingPost } from './features/ratings/rating-page.js';
import { servePages } from './platform/serve-pages.js';
import { DEFAULT_LOOKUP_LIMIT_PER_MINUTE } from './platform/rate-limit.js';
import { recordEventStats } from './features/stats/record-event-stats.js';
import { actOnDossier } from './features/dossiers/act.handler.js';
import { getDossier } from './features/dossiers/get.handler.js';
import { listMyDossiers } from './features/dossiers/mine.handler.js';
import { myDossiersPage } from './features/dossiers/my-dossiers-page.js';
import { applyPage } from './features/dossiers/apply-page.js';
import { lookupStartPage } from './features/lookup/lookup-start-page.js';
import { endSession, startSession } from './features/session/session.handler.js';
import { intakeDossier, submitDossier } from './features/dossiers/submit.handler.js';
import { dossierDeps } from './features/dossiers/wiring.js';
import { onQueuedSubmission } from './features/dossiers/allocate-codes.js';
import { provisionOfficer } from './features/officers/provision-officer.handler.js';
import { downloadSlip } from './features/slips/download-slip.handler.js';
import { generateSlip } from './features/slips/generate-slip.js';
import { getRegister } from './features/slips/register.handler.js';
import { downloadSlipDeps, registerDeps, slipDeps } from './features/slips/wiring.js';
import { runDeadlineSweep } from './features/sweep/deadline-sweep.schedule.js';
import { sweepDeps } from './features/sweep/wiring.js';
import { closeExpiredSupplements as closeExpired } from './features/supplement-expiry/close-expired.schedule.js';
import { workingCalendar } from './store/reference-data.js';
import { onNotificationRequest } from './features/notifications/notify.trigger.js';
import { deliverDueNotifications } from './features/notifications/deliver.js';
import { deliveryDeps } from './features/notifications/wiring.js';
import { putNotificationPreferences } from './features/notifications/preferences.handler.js';
import { markNotificationRead } from './features/notifications/inbox.handler.js';
import { putDossierFollow } from './features/notifications/follow.handler.js';
import { confirmContact } from './features/notifications/confirm-contact.handler.js';
import { logs } from './platform/logs.js';
import { getAuth } from 'firebase-admin/auth';
import { findCaller, getCaller } from './platform/auth.js';
import { sendPasswordSetupEmail } from './platform/auth-email.js';
import { submitRating } from './features/ratings/submit-rating.handler.js';
import { getTransparency } from './features/transparency/transparency.handler.js';
import { adminListAgencies, saveAgency } from './features/agencies/admin-agencies.handler.js';
import { mergeAgency } from './features/agencies/merge-agency.handler.js';
import { listOfficers, updateOfficer } from './features/officers/officer-admin.handler.js';
import { adminGetProcedure, createProcedureVersion } from './features/catalog/procedure-versions.handler.js';
import { adminListCalendars, calendarWarning, saveCalendar } from './features/calendars/calendars.handler.js';
import { getBranding, getBrandingLogo, saveBranding } from './features/settings/branding.handler.js';
import { listRuleSetSettings, saveRuleSetSettings } from './features/settings/rule-set-settings.handler.js';
import { listAudit } from './features/audit/audit.handler.js';
import { postPaperRating } from './features/ratings/paper-slip.handler.js';
import { recordEventRollups } from './features/rollups/record-event-rollups.js';
import { recordRatingRollups } from './features/rollups/record-rating-rollups.js';
import { snapshotBacklog } from './features/rollups/backlog.schedule.js';
import { recordFeedback, submitFeedback } from './features/feedback/submit-feedback.handler.js';
import { actOnFeedback, senderFeedbackAction } from './features/feedback/act-feedback.handler.js';
import { getFeedback, listFeedback, publicFeedbackAnswers, trackFeedback } from './features/feedback/read-feedback.handler.js';
import { runFeedbackSweep } from './features/feedback/feedback-sweep.schedule.js';
import { getDashboard } from './features/dashboard/dashboard.handler.js';
import { dashboardDossiers } from './features/dashboard/drill.handler.js';
import { exportDashboard } from './features/dashboard/export.handler.js';
import { issueResult } from './features/results/issue-result.handler.js';
import { downloadResult } from './features/results/download-result.handler.js';
import { downloadResultDeps, issueResultDeps } from './features/results/wiring.js';
import { lookupDocument, verifyDocument } from './features/verification/verify.handler.js';
import { verifyDeps } from './features/verification/wiring.js';
import { getProfile, putProfile } from './features/identity/profile.handler.js';
import { finishVneid, startVneid } from './features/identity/vneid.handler.js';
import { acknowledgeNotice, getPrivacy, putConsent } from './features/privacy/consent.handler.js';
import { exportMyData } from './features/privacy/export.handler.js';
import { actOnDataRequest, listDataRequests, postDataRequest } from './features/privacy/data-requests.handler.js';
import { purgeExpiredRecords } from './features/retention/purge.schedule.js';
import { onPortalSyncRequest } from './features/portal-sync/sync.trigger.js';
import { reconcilePortalSync, retryDueSyncs } from './features/portal-sync/sweeps.js';
import { getDossierSync, portalSyncHealth, retryDossierSync } from './features/portal-sync/sync-status.handler.js';
import { syncDeps, syncHandlerDeps } from './features/portal-sync/wiring.js';
import { portalFiling } from './features/portal-inbound/filing.handler.js';
import { filingDeps } from './features/portal-inbound/wiring.js';
import { getDossierPayment, paymentIpn, paymentReturn, startGatewayPayment } from './features/payments/payment.handler.js';
import { paymentDeps } from './features/payments/wiring.js';

applyGlobalOptions();
// An instance without a usable PUBLIC_ORIGIN refuses every call rather than print localhost QR codes.
onInit(() => void publicOrigin());

const healthDeps = { db, now: () => new Date(), region: REGION, caller: getCaller };
const adminDeps = () => ({ db: db(), now: () => new Date(), caller: getCaller });
const originProblem = (value: string) => publicOriginProblem(value, process.env.FUNCTIONS_EMULATOR === 'true');
// Uploaded files are encrypted at the application level (AES-256-GCM, FILE_ENCRYPTION_KEYS; docs/SECURITY.md).
let keyring: { value: string; ring: Keyring } | undefined;
const currentKeyring = (): Keyring => {
  const value = FILE_ENCRYPTION_KEYS.value();
  if (keyring?.value !== value) keyring = { value, ring: parseKeyring(value) };
  return keyring.ring;
};
const uploadFiles = new EncryptingFileStore(fileStore(), currentKeyring);
const uploadDeps = { db, files: uploadFiles, now: () => new Date() };
const vneidDeps = () => ({
  db: db(),
  now: () => new Date(),
  config: () => ({ issuer: VNEID_ISSUER.value(), clientId: VNEID_CLIENT_ID.value(), clientSecret: () => VNEID_CLIENT_SECRET.value(), idClaim: VNEID_ID_CLAIM.value(), redirectUri: `${publicOrigin()}/dang-nhap/vneid` }),
});
const meDeps = () => ({ db: db(), auth: getAuth(), files: uploadFiles, now: () => new Date(), caller: getCaller });
const lookupDeps = () => ({ db: db(), now: () => new Date(), secret: () => LOOKUP_TOKEN_SECRET.value(), limitPerMinute: DEFAULT_LOOKUP_LIMIT_PER_MINUTE });
const feedbackDeps = () => ({ ...lookupDeps(), findCaller, origin: publicOrigin });
const ratingPageDeps = () => ({
  lookup: (req: ApiRequest) => lookupDossier(req, { ...lookupDeps(), findCaller }),
  submit: (req: ApiRequest) => submitRating(req, { ...lookupDeps(), findCaller }),
});
const dashboardDeps = () => ({ db: db(), now: () => new Date(), findCaller });

export const api = onRequest(
  // The retry button delivers at once, so the api function also holds the portal's credentials.
  { cors: false, secrets: [...API_SECRETS, ...PORTAL_SYNC_SECRETS], ...RUNTIME.api },
  // Citizen pages sent with their first view drawn come first (platform/serve-pages.ts); the rest is the API.
  servePages(
    [
      { pattern: /^\/$/, render: (req) => portalPage(req, db()) },
      { pattern: /^\/thu-tuc\/(?<code>[^/]+)\/?$/, render: (req) => procedurePage(req, { db: db(), now: () => new Date() }) },
      { pattern: /^\/tra-cuu\/?$/, render: (req) => lookupStartPage(req) },
      { pattern: /^\/tra-cuu\/(?<code>[^/]+)\/?$/, render: (req) => lookupPage(req, { ...lookupDeps(), findCaller }) },
      {
        pattern: /^\/danh-gia\/(?<code>[^/]+)\/?$/,
        render: (req) => ratingPage(req, ratingPageDeps()),
        post: (req) => ratingPost(req, ratingPageDeps()),
      },
      {
        pattern: /^\/nop-ho-so\/(?<code>[^/]+)\/?$/,
        render: (req) =>
          applyPage(req, {
            db: db(),
            now: () => new Date(),
            procedure: (r) => getProcedure(r, { db: db(), now: () => new Date() }),
            agencies: (r) => listAgencies(r, db()),
            profile: (r, caller) => getProfile(r, { ...meDeps(), caller: async () => caller }),
          }),
      },
      // Only the list: /ho-so/<id> (one dossier) stays a static page (firebase.json).
      { pattern: /^\/ho-so\/?$/, render: (req) => myDossiersPage(req, { db: db() }) },
    ],
    createRouter({
    health: async () => getHealth(healthDeps),
    postPing: (req) => postPing(req, healthDeps),
    listProcedures: (req) => listProcedures(req, db()),
    getProcedure: (req) => getProcedure(req, { db: db(), now: () => new Date() }),
    listAgencies: (req) => listAgencies(req, db()),
    transparency: (req) => getTransparency(req, { db: db(), now: () => new Date() }),
    postUploads: (req) => postUploads(req, uploadDeps),
    getUpload: (req) => getUpload(req, uploadDeps),
    lookup: (req) => lookupDossier(req, { ...lookupDeps(), findCaller }),
    postRating: (req) => submitRating(req, { ...lookupDeps(), findCaller }),
    submitDossier: (req) => submitDossier(req, dossierDeps(uploadFiles)),
    intakeDossier: (req) => intakeDossier(req, dossierDeps(uploadFiles)),
    getDossier: (req) => getDossier(req, dossierDeps(uploadFiles)),
    listMyDossiers: (req) => listMyDossiers(req, { db: db(), caller: getCaller }),
    actOnDossier: (req) => actOnDossier(req, dossierDeps(uploadFiles)),
    downloadSlip: (req) => downloadSlip(req, downloadSlipDeps()),
    getRegister: (req) => getRegister(req, registerDeps()),
    putNotificationPreferences: (req) => putNotificationPreferences(req, { db: db(), caller: getCaller }),
    markNotificationRead: (req) => markNotificationRead(req, { db: db(), now: () => new Date(), caller: getCaller }),
    followDossier: (req) => putDossierFollow(req, { db: db(), caller: getCaller }),
    confirmContact: (req) => confirmContact(req, lookupDeps()),
    provisionOfficer: (req) =>
      provisionOfficer(req, { db: db(), auth: getAuth(), now: () => new Date(), caller: getCaller, sendInvitation: sendPasswordSetupEmail, origin: publicOrigin }),
    getBranding: () => getBranding({ db: db() }),
    getBrandingLogo: () => getBrandingLogo({ db: db() }),
    calendarWarning: (req) => calendarWarning(req, adminDeps()),
    adminListAgencies: (req) => adminListAgencies(req, adminDeps()),
    saveAgency: (req) => saveAgency(req, adminDeps()),
    mergeAgency: (req) => mergeAgency(req, { ...adminDeps(), calendar: () => workingCalendar(db()) }),
    listOfficers: (req) => listOfficers(req, { ...adminDeps(), auth: getAuth() }),
    updateOfficer: (req) => updateOfficer(req, { ...adminDeps(), auth: getAuth() }),
    adminGetProcedure: (req) => adminGetProcedure(req, adminDeps()),
    createProcedureVersion: (req) => createProcedureVersion(req, adminDeps()),
    adminListCalendars: (req) => adminListCalendars(req, adminDeps()),
    saveCalendar: (req) => saveCalendar(req, adminDeps()),
    saveBranding: (req) => saveBranding(req, { ...adminDeps(), originProblem }),
    listRuleSetSettings: (req) => listRuleSetSettings(req, adminDeps()),
    saveRuleSetSettings: (req) => saveRuleSetSettings(req, adminDeps()),
    listAudit: (req) => listAudit(req, adminDeps()),
    submitFeedback: (req) => submitFeedback(req, feedbackDeps()),
    recordFeedback: (req) => recordFeedback(req, feedbackDeps()),
    listFeedback: (req) => listFeedback(req, feedbackDeps()),
    getFeedback: (req) => getFeedback(req, feedbackDeps()),
    actOnFeedback: (req) => actOnFeedback(req, feedbackDeps()),
    trackFeedback: (req) => trackFeedback(req, feedbackDeps()),
    senderFeedbackAction: (req) => senderFeedbackAction(req, feedbackDeps()),
    publicFeedbackAnswers: (req) => publicFeedbackAnswers(req, { db: db() }),
    getDashboard: (req) => getDashboard(req, dashboardDeps()),
    dashboardDossiers: (req) => dashboardDossiers(req, dashboardDeps()),
    exportDashboard: (req) => exportDashboard(req, dashboardDeps()),
    postPaperRating: (req) => postPaperRating(req, dashboardDeps()),
    issueResult: (req) => issueResult(req, issueResultDeps(uploadFiles)),
    downloadResult: (req) => downloadResult(req, downloadResultDeps()),
    verifyDocument: (req) => verifyDocument(req, verifyDeps()),
    lookupDocument: (req) => lookupDocument(req, verifyDeps()),
    getProfile: (req) => getProfile(req, meDeps()),
    putProfile: (req) => putProfile(req, meDeps()),
    startVneid: (req) => startVneid(req, vneidDeps()),
    finishVneid: (req) => finishVneid(req, vneidDeps()),
    getPrivacy: (req) => getPrivacy(req, meDeps()),
    putConsent: (req) => putConsent(req, meDeps()),
    acknowledgeNotice: (req) => acknowledgeNotice(req, meDeps()),
    exportMyData: (req) => exportMyData(req, meDeps()),
    postDataRequest: (req) => postDataRequest(req, meDeps()),
    listDataRequests: (req) => listDataRequests(req, meDeps()),
    actOnDataRequest: (req) => actOnDataRequest(req, meDeps()),
    getDossierSync: (req) => getDossierSync(req, syncHandlerDeps()),
    retryDossierSync: (req) => retryDossierSync(req, syncHandlerDeps()),
    portalSyncHealth: (req) => portalSyncHealth(req, syncHandlerDeps()),
    portalFiling: (req) => portalFiling(req, filingDeps()),
    getDossierPayment: (req) => getDossierPayment(req, paymentDeps()),
    startGatewayPayment: (req) => startGatewayPayment(req, paymentDeps()),
    paymentIpn: (req) => paymentIpn(req, paymentDeps()),
    paymentReturn: (req) => paymentReturn(req, paymentDeps()),
    startSession: (req) => startSession(req, { auth: getAuth, caller: getCaller, now: () => new Date() }),
    endSession: (req) => endSession(req),
  })),
);

export const onHealthPingCreated = onDocumentCreated(`${HEALTH_PINGS}/{pingId}`, async (event) => {
  await acknowledgePing(db(), event.params.pingId, event.id, event.time);
});

// The desk's code allocator (ADR 0012): numbers a queued submission, and all queued before it, if the
// request that queued it could not wait. Retried on failure: a crash mid-batch commits nothing.
export const onCodeQueued = onDocumentCreated({ document: 'codeQueue/{dossierId}', retry: true }, async (event) => {
  logs.codesAllocated(String(event.data?.get('issuerDay')), await onQueuedSubmission({ db: db() }, event.params.dossierId, event.data?.data()));
});

export const heartbeat = onSchedule({ schedule: 'every 15 minutes', timeZone: TIME_ZONE }, async (event) => {
  await recordHeartbeat(db(), event.scheduleTime);
});

export const onSlipRequestCreated = onDocumentCreated({ document: 'slipRequests/{requestId}', secrets: [LOOKUP_TOKEN_SECRET, SIGNING_KEY_PASSPHRASE], ...RUNTIME.slips }, async (event) => {
  await generateSlip(slipDeps(), event.params.requestId);
});

export const onDossierEventForStats = onDocumentCreated('dossiers/{dossierId}/events/{version}', async (event) => {
  await recordEventStats(db(), { dossierId: event.params.dossierId, eventId: event.params.version, event: event.data?.data() });
});

// Deadline sweep: every 15 minutes in office hours (Saturdays too, for make-up working days) and nightly.
export const deadlineSweep = onSchedule({ schedule: '*/15 7-17 * * 1-6', timeZone: TIME_ZONE, ...RUNTIME.sweep }, async (event) => {
  logs.deadlineSweep(await runDeadlineSweep(await sweepDeps(), event.scheduleTime));
});
export const deadlineSweepNightly = onSchedule({ schedule: '30 0 * * *', timeZone: TIME_ZONE, ...RUNTIME.sweep }, async (event) => {
  logs.deadlineSweep(await runDeadlineSweep(await sweepDeps(), event.scheduleTime));
});

// Decree 118 Art. 19.5: close dossiers whose supplement request expired (nightly, after the sweep).
export const closeExpiredSupplements = onSchedule({ schedule: '45 0 * * *', timeZone: TIME_ZONE, ...RUNTIME.supplementExpiry }, async (event) => {
  logs.supplementExpirySweep(await closeExpired({ db: db(), calendar: await workingCalendar(db()) }, event.scheduleTime));
});

export const onNotificationRequestCreated = onDocumentCreated({ document: 'notificationRequests/{requestId}', secrets: NOTIFICATION_SECRETS }, async (event) => {
  await onNotificationRequest(deliveryDeps(), event.params.requestId, event.data?.data());
});

export const retryNotifications = onSchedule({ schedule: 'every 5 minutes', timeZone: TIME_ZONE, secrets: NOTIFICATION_SECRETS, ...RUNTIME.notifications }, async (event) => {
  logs.notificationRetrySweep(await deliverDueNotifications({ ...deliveryDeps(), now: () => new Date(event.scheduleTime) }));
});

export const onDossierEventForRollups = onDocumentCreated('dossiers/{dossierId}/events/{version}', async (event) => {
  await recordEventRollups(db(), { dossierId: event.params.dossierId, eventId: event.params.version, event: event.data?.data() });
});

export const onRatingForRollups = onDocumentCreated('ratings/{dossierId}', async (event) => {
  await recordRatingRollups(db(), event.params.dossierId, event.data?.data());
});

// Feedback deadlines (refuse 2, ask 5, answer 15, publish 2 working days): escalated in office hours and nightly.
export const feedbackSweep = onSchedule({ schedule: '5,20,35,50 7-17 * * 1-6', timeZone: TIME_ZONE }, async (event) => {
  logs.feedbackSweep(await runFeedbackSweep({ db: db(), calendar: await workingCalendar(db()) }, event.scheduleTime));
});

// Overdue and due-soon dossiers per agency, field and procedure, from the sweep's flags, for the dashboard.
export const backlogSnapshot = onSchedule({ schedule: '10,25,40,55 7-17 * * 1-6', timeZone: TIME_ZONE }, async (event) => {
  logs.backlogSnapshot(await snapshotBacklog(db(), event.scheduleTime));
});

// Retention schedule (domain/privacy/retention.ts): nightly, after the sweeps.
export const purgeExpired = onSchedule({ schedule: '15 1 * * *', timeZone: TIME_ZONE }, async (event) => {
  logs.retentionPurge(await purgeExpiredRecords({ db: db(), files: fileStore() }, event.scheduleTime));
});

// The national portal's outbox: a new request wakes its dossier's queue (in order, with a lease).
export const onPortalSyncRequestCreated = onDocumentCreated({ document: 'portalSyncRequests/{requestId}', secrets: PORTAL_SYNC_SECRETS }, async (event) => {
  await onPortalSyncRequest(syncDeps(), event.params.requestId, event.data?.data());
});

// Retries whose backoff ended, lost triggers, dossiers whose worker died: every 5 minutes.
export const retryPortalSync = onSchedule({ schedule: 'every 5 minutes', timeZone: TIME_ZONE, secrets: PORTAL_SYNC_SECRETS }, async (event) => {
  logs.portalSyncSweep(await retryDueSyncs(syncDeps(() => new Date(event.scheduleTime))));
});

// What the portal acknowledged against the dossiers: missing requests rebuilt, an outage's give-ups re-queued.
export const reconcilePortalSyncHourly = onSchedule({ schedule: '5 * * * *', timeZone: TIME_ZONE, secrets: PORTAL_SYNC_SECRETS }, async (event) => {
  const tick = new Date(event.scheduleTime);
  logs.portalSyncReconciled(await reconcilePortalSync(syncDeps(() => tick), tick));
});
