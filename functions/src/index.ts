// Thin wiring: every deployed function is one line here; the logic lives in features/.
import { onRequest } from 'firebase-functions/v2/https';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { applyGlobalOptions, REGION, TIME_ZONE } from './config.js';
import { db } from './platform/firestore.js';
import { createRouter } from './platform/http-router.js';
import { getHealth, postPing, HEALTH_PINGS } from './features/health/health.handler.js';
import { acknowledgePing } from './features/health/ping-ack.trigger.js';
import { recordHeartbeat } from './features/health/heartbeat.schedule.js';
import { listProcedures } from './features/catalog/list-procedures.handler.js';

applyGlobalOptions();

const healthDeps = { db, now: () => new Date(), region: REGION };

export const api = onRequest(
  { cors: false },
  createRouter([
    { method: 'GET', path: '/health', handle: async () => getHealth(healthDeps) },
    { method: 'POST', path: '/health/pings', handle: (req) => postPing(req, healthDeps) },
    { method: 'GET', path: '/procedures', handle: (req) => listProcedures(req, db()) },
  ]),
);

export const onHealthPingCreated = onDocumentCreated(`${HEALTH_PINGS}/{pingId}`, async (event) => {
  await acknowledgePing(db(), event.params.pingId, event.id, event.time);
});

export const heartbeat = onSchedule({ schedule: 'every 15 minutes', timeZone: TIME_ZONE }, async (event) => {
  await recordHeartbeat(db(), event.scheduleTime);
});
