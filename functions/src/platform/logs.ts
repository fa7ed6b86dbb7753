// Log vocabulary: business code calls these, never builds log strings itself. Fields are structured so
// Cloud Logging can filter on them; personal data never goes into a log line.
import { logger } from 'firebase-functions/v2';

export const logs = {
  requestRejected: (route: string, code: string, status: number) => logger.info('request rejected', { route, code, status }),
  unexpectedError: (route: string, err: unknown) =>
    logger.error('unexpected error', { route, error: err instanceof Error ? err.stack : String(err) }),
  pingAcknowledged: (pingId: string, eventId: string) => logger.info('health ping acknowledged', { pingId, eventId }),
  duplicateEvent: (what: string, eventId: string) => logger.info('duplicate event ignored', { what, eventId }),
  codeAllocationDeferred: (dossierId: string, error: string) => logger.warn('code allocation deferred to the queue trigger', { dossierId, error }),
  codesAllocated: (issuerDay: string, result: object) => logger.info('codes allocated', { issuerDay, ...result }),
  heartbeat: (scheduleTime: string, recorded: boolean) => logger.info('heartbeat', { scheduleTime, recorded }),
  statsCounted: (dossierId: string, eventId: string, statsId: string) => logger.info('stats counted', { dossierId, eventId, statsId }),
  statsEventIgnored: (dossierId: string, eventId: string, why: string) => logger.warn('stats event ignored', { dossierId, eventId, why }),
  /**
   * One line per sweep. `lagSeconds` is how long after its tick the sweep's flags were written: the alert
   * "sweep lag" (ops/monitoring, docs/OPERATIONS.md) watches it through a log-based metric.
   */
  deadlineSweep: (result: { scheduleTime: string }) =>
    logger.info('deadline sweep', { ...result, lagSeconds: Math.round((Date.now() - Date.parse(result.scheduleTime)) / 1000) }),
  supplementExpirySweep: (result: object) => logger.info('supplement expiry sweep', result),
  retentionPurge: (result: object) => logger.info('retention purge', result),
  notificationsFannedOut: (requestId: string, created: number, existing: number, commits: number) =>
    logger.info('notifications fanned out', { requestId, created, existing, commits }),
  notificationRequestRejected: (requestId: string, error: string) => logger.error('notification request rejected', { requestId, error }),
  notificationDelivery: (notificationId: string, outcome: string) => logger.info('notification delivery', { notificationId, outcome }),
  notificationRetrySweep: (result: object) => logger.info('notification retry sweep', result),
  lookupRateLimited: (bucket: string, count: number) => logger.info('lookup rate limited', { bucket, count }),
  storedDocumentSkipped: (path: string, why: string) => logger.warn('stored document skipped', { path, why }),
  ratingRecorded: (dossierId: string, agencyId: string, channel: string) => logger.info('rating recorded', { dossierId, agencyId, channel }),
  portalSyncFactsMissing: (dossierId: string, err: unknown) =>
    logger.warn('portal sync facts missing', { dossierId, error: err instanceof Error ? err.message : String(err) }),
  portalSyncDelivery: (dossierId: string, result: object) => logger.info('portal sync delivery', { dossierId, ...result }),
  portalSyncSweep: (result: object) => logger.info('portal sync retry sweep', result),
  portalSyncReconciled: (result: object) => logger.info('portal sync reconciliation', result),
  portalFilingReceived: (dossierId: string, code: string, agencyId: string) => logger.info('portal filing received', { dossierId, code, agencyId }),
  portalFilingRefused: (reason: string) => logger.info('portal filing refused', { reason }),
  paymentNotification: (reference: string, rspCode: string, method: string) => logger.info('payment notification', { reference, rspCode, method }),
  evaluationCounted: (dossierId: string, eventId: string, indices: string) => logger.info('evaluation counted', { dossierId, eventId, indices }),
  rollupsCounted: (source: string, id: string, agencyId: string) => logger.info('rollups counted', { source, id, agencyId }),
  rollupsIgnored: (source: string, id: string, why: string) => logger.warn('rollups event ignored', { source, id, why }),
  feedbackStep: (feedbackId: string, step: string, agencyId: string) => logger.info('feedback step', { feedbackId, step, agencyId }),
  feedbackSweep: (result: object) => logger.info('feedback sweep', result),
  backlogSnapshot: (result: object) => logger.info('backlog snapshot', result),
};
