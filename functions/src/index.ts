// Thin wiring: every deployed function is one line here; the logic lives in features/.
import { onRequest } from 'firebase-functions/v2/https';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { onInit } from 'firebase-functions/v2';
import { API_SECRETS, applyGlobalOptions, NOTIFICATION_SECRETS, PORTAL_SYNC_SECRETS, LOOKUP_TOKEN_SECRET, publicOrigin, REGION, TIME_ZONE } from './config.js';
import { db } from './platform/firestore.js';
import { createRouter } from './platform/http-router.js';
import { getHealth, postPing, HEALTH_PINGS } from './features/health/health.handler.js';
import { acknowledgePing } from './features/health/ping-ack.trigger.js';
import { recordHeartbeat } from './features/health/heartbeat.schedule.js';
import { listProcedures } from './features/catalog/list-procedures.handler.js';
import { getProcedure } from './features/catalog/get-procedure.handler.js';
import { listAgencies } from './features/agencies/list-agencies.handler.js';
import { postUploads } from './features/uploads/upload.handler.js';
import { getUpload } from './features/uploads/download.handler.js';
import { fileStore } from './platform/file-store/index.js';
import { lookupDossier } from './features/lookup/lookup-dossier.handler.js';
import { DEFAULT_LOOKUP_LIMIT_PER_MINUTE } from './platform/rate-limit.js';
import { recordEventStats } from './features/stats/record-event-stats.js';
import { actOnDossier } from './features/dossiers/act.handler.js';
import { getDossier } from './features/dossiers/get.handler.js';
import { intakeDossier, submitDossier } from './features/dossiers/submit.handler.js';
import { dossierDeps } from './features/dossiers/wiring.js';
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
import { logs } from './platform/logs.js';
import { getAuth } from 'firebase-admin/auth';
import { findCaller, getCaller } from './platform/auth.js';
import { sendPasswordSetupEmail } from './platform/auth-email.js';
import { submitRating } from './features/ratings/submit-rating.handler.js';
import { getTransparency } from './features/transparency/transparency.handler.js';
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
const uploadDeps = { db, files: fileStore(), now: () => new Date() };
const lookupDeps = () => ({ db: db(), now: () => new Date(), secret: () => LOOKUP_TOKEN_SECRET.value(), limitPerMinute: DEFAULT_LOOKUP_LIMIT_PER_MINUTE });

export const api = onRequest(
  // The retry button delivers at once, so the api function also holds the portal's credentials.
  { cors: false, secrets: [...API_SECRETS, ...PORTAL_SYNC_SECRETS] },
  createRouter({
    health: async () => getHealth(healthDeps),
    postPing: (req) => postPing(req, healthDeps),
    listProcedures: (req) => listProcedures(req, db()),
    getProcedure: (req) => getProcedure(req, { db: db(), now: () => new Date() }),
    listAgencies: (req) => listAgencies(req, db()),
    transparency: (req) => getTransparency(req, { db: db(), now: () => new Date() }),
    postUploads: (req) => postUploads(req, uploadDeps),
    getUpload: (req) => getUpload(req, uploadDeps),
    lookup: (req) => lookupDossier(req, lookupDeps()),
    postRating: (req) => submitRating(req, { ...lookupDeps(), findCaller }),
    submitDossier: (req) => submitDossier(req, dossierDeps()),
    intakeDossier: (req) => intakeDossier(req, dossierDeps()),
    getDossier: (req) => getDossier(req, dossierDeps()),
    actOnDossier: (req) => actOnDossier(req, dossierDeps()),
    downloadSlip: (req) => downloadSlip(req, downloadSlipDeps()),
    getRegister: (req) => getRegister(req, registerDeps()),
    putNotificationPreferences: (req) => putNotificationPreferences(req, { db: db(), caller: getCaller }),
    markNotificationRead: (req) => markNotificationRead(req, { db: db(), now: () => new Date(), caller: getCaller }),
    followDossier: (req) => putDossierFollow(req, { db: db(), caller: getCaller }),
    provisionOfficer: (req) =>
      provisionOfficer(req, { db: db(), auth: getAuth(), now: () => new Date(), caller: getCaller, sendInvitation: sendPasswordSetupEmail, origin: publicOrigin }),
    getDossierSync: (req) => getDossierSync(req, syncHandlerDeps()),
    retryDossierSync: (req) => retryDossierSync(req, syncHandlerDeps()),
    portalSyncHealth: (req) => portalSyncHealth(req, syncHandlerDeps()),
    portalFiling: (req) => portalFiling(req, filingDeps()),
    getDossierPayment: (req) => getDossierPayment(req, paymentDeps()),
    startGatewayPayment: (req) => startGatewayPayment(req, paymentDeps()),
    paymentIpn: (req) => paymentIpn(req, paymentDeps()),
    paymentReturn: (req) => paymentReturn(req, paymentDeps()),
  }),
);

export const onHealthPingCreated = onDocumentCreated(`${HEALTH_PINGS}/{pingId}`, async (event) => {
  await acknowledgePing(db(), event.params.pingId, event.id, event.time);
});

export const heartbeat = onSchedule({ schedule: 'every 15 minutes', timeZone: TIME_ZONE }, async (event) => {
  await recordHeartbeat(db(), event.scheduleTime);
});

export const onSlipRequestCreated = onDocumentCreated({ document: 'slipRequests/{requestId}', secrets: [LOOKUP_TOKEN_SECRET] }, async (event) => {
  await generateSlip(slipDeps(), event.params.requestId);
});

export const onDossierEventForStats = onDocumentCreated('dossiers/{dossierId}/events/{version}', async (event) => {
  await recordEventStats(db(), { dossierId: event.params.dossierId, eventId: event.params.version, event: event.data?.data() });
});

// Deadline sweep: every 15 minutes in office hours (Saturdays too, for make-up working days) and nightly.
export const deadlineSweep = onSchedule({ schedule: '*/15 7-17 * * 1-6', timeZone: TIME_ZONE }, async (event) => {
  logs.deadlineSweep(await runDeadlineSweep(await sweepDeps(), event.scheduleTime));
});
export const deadlineSweepNightly = onSchedule({ schedule: '30 0 * * *', timeZone: TIME_ZONE }, async (event) => {
  logs.deadlineSweep(await runDeadlineSweep(await sweepDeps(), event.scheduleTime));
});

// Decree 118 Art. 19.5: close dossiers whose supplement request expired (nightly, after the sweep).
export const closeExpiredSupplements = onSchedule({ schedule: '45 0 * * *', timeZone: TIME_ZONE }, async (event) => {
  logs.supplementExpirySweep(await closeExpired({ db: db(), calendar: await workingCalendar(db()) }, event.scheduleTime));
});

export const onNotificationRequestCreated = onDocumentCreated({ document: 'notificationRequests/{requestId}', secrets: NOTIFICATION_SECRETS }, async (event) => {
  await onNotificationRequest(deliveryDeps(), event.params.requestId, event.data?.data());
});

export const retryNotifications = onSchedule({ schedule: 'every 5 minutes', timeZone: TIME_ZONE, secrets: NOTIFICATION_SECRETS }, async (event) => {
  logs.notificationRetrySweep(await deliverDueNotifications({ ...deliveryDeps(), now: () => new Date(event.scheduleTime) }));
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
