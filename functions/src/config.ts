// Deployment configuration in one place. Secrets (added by later features) are declared here with
// defineSecret and never logged.
import { setGlobalOptions } from 'firebase-functions/v2';
import { defineSecret } from 'firebase-functions/params';

/** Singapore is the closest Cloud Functions region to Vietnam. */
export const REGION = 'asia-southeast1';

/** Legal time in Vietnam; every schedule runs on it (UTC+7, no daylight saving). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function applyGlobalOptions(): void {
  // maxInstances bounds the bill of a runaway loop; a province peaks at a few dozen requests per second.
  setGlobalOptions({ region: REGION, maxInstances: 20 });
}

/**
 * Key of the lookup tokens printed in receipts' QR codes (HMAC-SHA256, ≥ 32 bytes). In production:
 * `firebase functions:secrets:set LOOKUP_TOKEN_SECRET`; under the emulators a random one is generated in
 * functions/.secret.local. Rotating it invalidates every printed QR link.
 */
export const LOOKUP_TOKEN_SECRET = defineSecret('LOOKUP_TOKEN_SECRET');
