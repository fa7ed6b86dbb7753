// Deployment configuration in one place. Secrets (added by later features) are declared here with
// defineSecret and never logged.
import { setGlobalOptions } from 'firebase-functions/v2';
import { defineBoolean, defineInt, defineSecret, defineString } from 'firebase-functions/params';

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
/** Login for relays that need one (empty: none). The password is a secret: `firebase functions:secrets:set SMTP_PASSWORD`. */
export const SMTP_USER = defineString('SMTP_USER', { default: '', description: 'SMTP login (empty: no login)' });
export const SMTP_PASSWORD = defineSecret('SMTP_PASSWORD');
export const MAIL_FROM = defineString('MAIL_FROM', {
  default: 'Một cửa <no-reply@motcua.invalid>',
  description: 'Sender of notification emails',
});

/**
 * Public origin of the web app (Hosting), printed on slips and encoded in their QR codes:
 * `<origin>/tra-cuu/<code>?t=<token>`, and where an officer's invitation link returns to. It has no
 * default on purpose: a deploy that forgot it used to print receipts whose QR pointed at 127.0.0.1.
 * Without a value `firebase deploy` asks for one (and fails when it cannot ask: CI), and an instance
 * started outside the emulators without a valid https origin refuses to serve (index.ts, onInit).
 * The emulators read it from functions/.env.demo-motcua; production from functions/.env.<project>.
 */
export const PUBLIC_ORIGIN = defineString('PUBLIC_ORIGIN', {
  description: 'Địa chỉ công khai của trang web (in trên phiếu, mã QR) / public web origin printed on slips',
  input: {
    text: {
      example: 'https://dichvucong.binhan.gov.vn',
      validationRegex: '^https://[A-Za-z0-9.-]+(:[0-9]+)?$',
      validationErrorMessage: 'Nhập địa chỉ https, không có đường dẫn / an https origin without a path, e.g. https://dichvucong.binhan.gov.vn',
    },
  },
});

const LOCAL_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * Why `value` cannot be the public origin, or undefined when it can. Under the emulators any http(s)
 * origin will do (the demo prints http://127.0.0.1:5000); in production it must be an https origin
 * (no path) on a host that people's phones can reach.
 */
export function publicOriginProblem(value: string, underEmulator: boolean): string | undefined {
  if (value.trim() === '') return 'PUBLIC_ORIGIN is not set';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `PUBLIC_ORIGIN "${value}" is not a URL`;
  }
  if (url.origin !== value.replace(/\/$/, '')) return `PUBLIC_ORIGIN "${value}" must be an origin only (scheme, host, port), without a path`;
  if (underEmulator) return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `PUBLIC_ORIGIN "${value}" must be http(s)`;
  if (url.protocol !== 'https:') return `PUBLIC_ORIGIN "${value}" must use https outside the emulators`;
  if (LOCAL_HOSTS.test(url.hostname)) return `PUBLIC_ORIGIN "${value}" points at this machine: receipts' QR codes would lead nowhere`;
  return undefined;
}

const underEmulator = () => process.env.FUNCTIONS_EMULATOR === 'true';

/** The public origin, checked; throws (so nothing is printed with a wrong QR) when it is unusable. */
export function publicOrigin(): string {
  const value = PUBLIC_ORIGIN.value();
  const problem = publicOriginProblem(value, underEmulator());
  if (problem) throw new Error(`${problem}. Set it in functions/.env.<project id> and deploy again.`);
  return value.replace(/\/$/, '');
}

/**
 * Text messages. `sink` writes them to Firestore `smsSink/` (the emulators, or a province without a
 * contract yet); `esms` sends through eSMS.vn with a registered brandname. Keys are secrets:
 * `firebase functions:secrets:set SMS_API_KEY` and `SMS_SECRET_KEY` (set them to `none` with `sink`).
 */
export const SMS_PROVIDER = defineString('SMS_PROVIDER', { default: 'sink', description: 'sink | esms' });
export const SMS_BRANDNAME = defineString('SMS_BRANDNAME', { default: '', description: 'Registered SMS brandname' });
export const SMS_API_BASE = defineString('SMS_API_BASE', { default: 'https://rest.esms.vn', description: 'eSMS API base URL' });
export const SMS_SANDBOX = defineBoolean('SMS_SANDBOX', { default: false, description: 'eSMS sandbox: validated, not sent' });
export const SMS_API_KEY = defineSecret('SMS_API_KEY');
export const SMS_SECRET_KEY = defineSecret('SMS_SECRET_KEY');

/**
 * Zalo messages (ZNS) from the province's Official Account. `sink` writes them to `zaloSink/`; `zns`
 * sends them. The app secret is a secret (`ZALO_APP_SECRET`); the OA's tokens live in Firestore
 * `system/zaloOaToken` because Zalo rotates them daily (features/notifications/zalo-token.ts).
 */
export const ZALO_PROVIDER = defineString('ZALO_PROVIDER', { default: 'sink', description: 'sink | zns' });
export const ZALO_APP_ID = defineString('ZALO_APP_ID', { default: '', description: 'Zalo app id' });
export const ZALO_ZNS_TEMPLATE_ID = defineString('ZALO_ZNS_TEMPLATE_ID', { default: '', description: 'ZNS template (params ma_ho_so, noi_dung)' });
export const ZALO_API_BASE = defineString('ZALO_API_BASE', { default: 'https://business.openapi.zalo.me', description: 'ZNS API base URL' });
export const ZALO_OAUTH_BASE = defineString('ZALO_OAUTH_BASE', { default: 'https://oauth.zaloapp.com', description: 'Zalo OAuth base URL' });
export const ZALO_APP_SECRET = defineSecret('ZALO_APP_SECRET');

/** Every secret the notification functions read: bound to them in index.ts. */
export const NOTIFICATION_SECRETS = [SMTP_PASSWORD, SMS_API_KEY, SMS_SECRET_KEY, ZALO_APP_SECRET];

/**
 * The national public service portal (DVCQG), docs/SYNC.md. The endpoint is a parameter (under the emulators,
 * the local stand-in at 127.0.0.1:5090 in functions/.env.local); the province's credentials for it and the
 * key the portal signs its filings with are secrets (`firebase functions:secrets:set PORTAL_API_KEY`,
 * `PORTAL_INBOUND_SECRET`). An empty URL makes every sync request fail visibly (`failed`, "PORTAL_SYNC_URL is
 * not set"), never silently; an administrator retries them once it is set.
 */
export const PORTAL_SYNC_URL = defineString('PORTAL_SYNC_URL', { default: '', description: 'Địa chỉ dịch vụ đồng bộ của Cổng DVCQG / base URL of the national portal’s sync services' });
export const PORTAL_API_KEY = defineSecret('PORTAL_API_KEY');
export const PORTAL_INBOUND_SECRET = defineSecret('PORTAL_INBOUND_SECRET');

/**
 * Fees paid online, docs/SYNC.md "Fees". The payment gateway (VNPAY's protocol: a signed redirect and a signed
 * server-to-server notification, HMAC-SHA512): its payment page URL and the merchant's terminal code are
 * parameters, the hash secret is a secret (`PAYMENT_HASH_SECRET`). Bank transfers go to the fee account named
 * below, with a VietQR code (NAPAS) on the fee notice; a real province collects into its treasury account.
 */
export const PAYMENT_GATEWAY_URL = defineString('PAYMENT_GATEWAY_URL', { default: '', description: 'Trang thanh toán của cổng (vpcpay.html) / the gateway’s payment page URL' });
export const PAYMENT_TMN_CODE = defineString('PAYMENT_TMN_CODE', { default: '', description: 'Mã website (vnp_TmnCode) / merchant terminal code' });
export const PAYMENT_HASH_SECRET = defineSecret('PAYMENT_HASH_SECRET');
export const FEE_ACCOUNT_BIN = defineString('FEE_ACCOUNT_BIN', { default: '', description: 'Mã BIN ngân hàng nhận phí (NAPAS) / bank BIN of the fee account' });
export const FEE_ACCOUNT_NUMBER = defineString('FEE_ACCOUNT_NUMBER', { default: '', description: 'Số tài khoản nhận phí, lệ phí / fee account number' });
export const FEE_ACCOUNT_NAME = defineString('FEE_ACCOUNT_NAME', { default: '', description: 'Tên tài khoản nhận phí / fee account holder' });

/** Every secret the `api` function reads (the portal's filing key, the gateway's hash secret). */
export const API_SECRETS = [LOOKUP_TOKEN_SECRET, PORTAL_INBOUND_SECRET, PAYMENT_HASH_SECRET];
/** Every secret the portal sync's functions read. */
export const PORTAL_SYNC_SECRETS = [PORTAL_API_KEY];
