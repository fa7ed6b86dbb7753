// Production dependencies of the portal's filings: the shared secret it signs with (read per call).
import { PORTAL_INBOUND_SECRET } from '../../config.js';
import { db } from '../../platform/firestore.js';
import type { FilingDeps } from './filing.handler.js';

export function filingDeps(): FilingDeps {
  return { db: db(), now: () => new Date(), secret: () => PORTAL_INBOUND_SECRET.value() };
}
