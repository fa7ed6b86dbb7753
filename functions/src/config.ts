// Deployment configuration in one place. Secrets (added by later features) are declared here with
// defineSecret and never logged.
import { setGlobalOptions } from 'firebase-functions/v2';
import { defineInt, defineSecret, defineString } from 'firebase-functions/params';

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

/**
 * Outgoing mail (SMTP relay). Under the emulators functions/.env.local points these at the local catcher
 * (scripts/lib/smtp-catcher.ts, 127.0.0.1:2525); in production set them in functions/.env.<project>.
 * Port 465 means TLS from the start; other ports negotiate STARTTLS (a local catcher: plain).
 * An empty SMTP_HOST makes every email fail permanently (visible as `failure: 'permanent'`), never silently.
 */
export const SMTP_HOST = defineString('SMTP_HOST', { default: '', description: 'SMTP relay host' });
export const SMTP_PORT = defineInt('SMTP_PORT', { default: 587, description: 'SMTP relay port' });
export const MAIL_FROM = defineString('MAIL_FROM', {
  default: 'Một cửa <no-reply@motcua.invalid>',
  description: 'Sender of notification emails',
});

/**
 * Public origin of the web app (Hosting), printed on slips and encoded in their QR codes:
 * `<origin>/tra-cuu/<code>?t=<token>`. Set it per project in functions/.env.<project>.
 */
export const PUBLIC_ORIGIN = defineString('PUBLIC_ORIGIN', {
  default: 'http://127.0.0.1:5000',
  description: 'Địa chỉ công khai của trang web (in trên phiếu, mã QR) / public web origin printed on slips',
});
