// Production dependencies of the portal sync: the HTTP adapter with the endpoint parameter and the
// credentials secret (read per call: params are not available at module load), the wall clock, Math.random.
import { PORTAL_API_KEY, PORTAL_SYNC_URL } from '../../config.js';
import { getCaller } from '../../platform/auth.js';
import { db } from '../../platform/firestore.js';
import type { SyncDeps } from './deliver.js';
import { portalHttpClient } from './portal-http.js';
import type { PortalClient } from './portal-port.js';
import type { SyncHandlerDeps } from './sync-status.handler.js';

const portal: PortalClient = {
  send: (message, key) => portalHttpClient({ baseUrl: PORTAL_SYNC_URL.value(), apiKey: PORTAL_API_KEY.value() }).send(message, key),
};

export function syncDeps(now: () => Date = () => new Date()): SyncDeps {
  return { db: db(), now, portal, random: Math.random };
}

export function syncHandlerDeps(): SyncHandlerDeps {
  return { ...syncDeps(), caller: getCaller };
}
