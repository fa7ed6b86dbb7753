// Deployment configuration in one place. Secrets (added by later features) are declared here with
// defineSecret and never logged.
import { setGlobalOptions } from 'firebase-functions/v2';

/** Singapore is the closest Cloud Functions region to Vietnam. */
export const REGION = 'asia-southeast1';

/** Legal time in Vietnam; every schedule runs on it (UTC+7, no daylight saving). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function applyGlobalOptions(): void {
  // maxInstances bounds the bill of a runaway loop; a province peaks at a few dozen requests per second.
  setGlobalOptions({ region: REGION, maxInstances: 20 });
}
