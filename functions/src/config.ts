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
 * Unlocks the PKCS#12 files of the province's signing keys (file store `signing-keys/`, docs/SIGNATURES.md):
 * `firebase functions:secrets:set SIGNING_KEY_PASSPHRASE`. The value `none` switches signing off: slips are
 * then stored unsigned, and desk scans and electronic results are refused, since the law wants them signed.
 * Under the emulators the test CA's passphrase is generated in functions/.secret.local.
 */
export const SIGNING_KEY_PASSPHRASE = defineSecret('SIGNING_KEY_PASSPHRASE');
/** Where documents are signed, written into each signature (e.g. the province's name). */
export const SIGNING_LOCATION = defineString('SIGNING_LOCATION', { default: 'Việt Nam', description: 'Nơi ký ghi trong chữ ký số / place written into signatures' });

/**
 * Outgoing mail (SMTP relay). Under the emulators functions/.env.local points these at the local catcher
 * (scripts/lib/smtp-catcher.ts, 127.0.0.1:2525); in production set them in functions/.env.<project>.
 * Port 465 means TLS from the start; other ports negotiate STARTTLS (a local catcher: plain).
 * An empty SMTP_HOST makes every email fail permanently (visible as `failure: 'permanent'`), never silently.
 */
export const SMTP_HOST = defineString('SMTP_HOST', { description: 'Máy chủ gửi thư SMTP (trống: không gửi email) / SMTP relay host (empty: no email)' });
export const SMTP_PORT = defineInt('SMTP_PORT', { default: 587, description: 'SMTP relay port' });
/** Login for relays that need one (empty: none). The password is a secret: `firebase functions:secrets:set SMTP_PASSWORD`. */
export const SMTP_USER = defineString('SMTP_USER', { default: '', description: 'SMTP login (empty: no login)' });
export const SMTP_PASSWORD = defineSecret('SMTP_PASSWORD');
export const MAIL_FROM = defineString('MAIL_FROM', {
  description: 'Người gửi thư thông báo / sender of notification emails, e.g. "Một cửa tỉnh Bình An <khongtraloi@binhan.gov.vn>"',
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
 * Daily limits of online submissions (issue 12, finding 2; domain/intake-quota): per account, to any
 * desk, and per receiving desk from all accounts. Walk-ins at the desk are never limited. An
 * administrator raises one account's limit with `users/{uid}.onlineSubmissionsPerDay` (docs/OPERATIONS.md).
 */
export const ONLINE_SUBMISSIONS_PER_ACCOUNT_PER_DAY = defineInt('ONLINE_SUBMISSIONS_PER_ACCOUNT_PER_DAY', {
  default: 10,
  description: 'Số hồ sơ một tài khoản được nộp trực tuyến mỗi ngày / online submissions per account per day',
});
export const ONLINE_SUBMISSIONS_PER_AGENCY_PER_DAY = defineInt('ONLINE_SUBMISSIONS_PER_AGENCY_PER_DAY', {
  default: 1000,
  description: 'Số hồ sơ trực tuyến một bộ phận một cửa nhận mỗi ngày / online submissions per receiving desk per day',
});

/**
 * Text messages. `sink` writes them to Firestore `smsSink/` (the emulators, or a province without a
 * contract yet); `esms` sends through eSMS.vn with a registered brandname. Keys are secrets:
 * `firebase functions:secrets:set SMS_API_KEY` and `SMS_SECRET_KEY` (set them to `none` with `sink`).
 */
export const SMS_PROVIDER = defineString('SMS_PROVIDER', {
  description: 'Tin nhắn SMS: sink (chưa có hợp đồng, lưu vào smsSink/) hoặc esms / text messages: sink or esms',
  input: { select: { options: [{ value: 'sink' }, { value: 'esms' }] } },
});
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
export const ZALO_PROVIDER = defineString('ZALO_PROVIDER', {
  description: 'Tin nhắn Zalo: sink (lưu vào zaloSink/) hoặc zns / Zalo messages: sink or zns',
  input: { select: { options: [{ value: 'sink' }, { value: 'zns' }] } },
});
export const ZALO_APP_ID = defineString('ZALO_APP_ID', { default: '', description: 'Zalo app id' });
export const ZALO_ZNS_TEMPLATE_ID = defineString('ZALO_ZNS_TEMPLATE_ID', { default: '', description: 'ZNS template (params ma_ho_so, noi_dung)' });
export const ZALO_API_BASE = defineString('ZALO_API_BASE', { default: 'https://business.openapi.zalo.me', description: 'ZNS API base URL' });
export const ZALO_OAUTH_BASE = defineString('ZALO_OAUTH_BASE', { default: 'https://oauth.zaloapp.com', description: 'Zalo OAuth base URL' });
export const ZALO_APP_SECRET = defineSecret('ZALO_APP_SECRET');

/**
 * Parameters a deploy must be given, with no default that could silently do the wrong thing in
 * production: receipts' QR codes pointing at localhost, mail from an address nobody owns, text messages
 * written to a Firestore sink instead of sent. `firebase deploy` asks for a missing one (and fails when it
 * cannot ask); the functions' predeploy step (scripts/predeploy-check.ts) checks them all first, in
 * functions/.env and functions/.env.<project id>, and stops the deploy with every problem listed.
 */
export const REQUIRED_PARAMS = ['PUBLIC_ORIGIN', 'MAIL_FROM', 'SMTP_HOST', 'SMS_PROVIDER', 'ZALO_PROVIDER'] as const;

/** What is wrong with the deploy parameters of a project (its .env files merged), in both languages. */
export function deployParamProblems(env: Readonly<Record<string, string | undefined>>): { vi: string; en: string }[] {
  const problems: { vi: string; en: string }[] = [];
  const say = (vi: string, en: string) => problems.push({ vi, en });
  for (const name of REQUIRED_PARAMS) if (env[name] === undefined) say(`Thiếu ${name}`, `${name} is not set`);
  const origin = env.PUBLIC_ORIGIN;
  const originProblem = origin === undefined ? undefined : publicOriginProblem(origin, false);
  if (originProblem) say(`PUBLIC_ORIGIN không dùng được: ${originProblem}`, originProblem);
  const from = env.MAIL_FROM;
  if (from !== undefined && (!/@[A-Za-z0-9.-]+\.[A-Za-z]{2,}>?\s*$/u.test(from) || /\.invalid>?\s*$/iu.test(from))) {
    say(`MAIL_FROM "${from}" phải là địa chỉ thật của tỉnh`, `MAIL_FROM "${from}" must be an address the province owns`);
  }
  const sms = env.SMS_PROVIDER;
  if (sms !== undefined && sms !== 'sink' && sms !== 'esms') say(`SMS_PROVIDER "${sms}": sink hoặc esms`, `SMS_PROVIDER "${sms}": sink or esms`);
  if (sms === 'esms' && !env.SMS_BRANDNAME) say('SMS_PROVIDER=esms cần SMS_BRANDNAME', 'SMS_PROVIDER=esms needs SMS_BRANDNAME');
  const zalo = env.ZALO_PROVIDER;
  if (zalo !== undefined && zalo !== 'sink' && zalo !== 'zns') say(`ZALO_PROVIDER "${zalo}": sink hoặc zns`, `ZALO_PROVIDER "${zalo}": sink or zns`);
  if (zalo === 'zns' && (!env.ZALO_APP_ID || !env.ZALO_ZNS_TEMPLATE_ID)) say('ZALO_PROVIDER=zns cần ZALO_APP_ID và ZALO_ZNS_TEMPLATE_ID', 'ZALO_PROVIDER=zns needs ZALO_APP_ID and ZALO_ZNS_TEMPLATE_ID');
  return problems;
}

/**
 * Time and memory of the functions whose work needs more than the defaults (60 s, 256 MiB). Hosting
 * rewrites answer within 60 s whatever the function's timeout, so the API keeps that limit.
 */
export const RUNTIME = {
  /** The HTTP API: uploads are checked in memory (PDF structure, images), up to 10 MiB each. */
  api: { memory: '512MiB', timeoutSeconds: 60 },
  /** Deadline sweeps: the nightly one may read every due dossier of the province and write a batch per 500. */
  sweep: { memory: '512MiB', timeoutSeconds: 300 },
  /** Slips: PDF rendering with embedded fonts and a QR code. */
  slips: { memory: '1GiB', timeoutSeconds: 120 },
  /**
   * The notification retry sweep: up to 200 sends one after another. Under its 5-minute schedule, so runs
   * do not pile up; what a run leaves is sent by the next (a lease makes a cut-off send safe).
   */
  notifications: { memory: '256MiB', timeoutSeconds: 280 },
  /** Supplement expiry: closes each expired dossier in its own transaction. */
  supplementExpiry: { memory: '256MiB', timeoutSeconds: 300 },
} as const satisfies Record<string, { memory: '256MiB' | '512MiB' | '1GiB' | '2GiB'; timeoutSeconds: number }>;

/**
 * Every secret the notification functions read: bound to them in index.ts. The lookup secret signs the
 * confirmation links of applicants' contacts (features/notifications/contact-policy.ts).
 */
export const NOTIFICATION_SECRETS = [SMTP_PASSWORD, SMS_API_KEY, SMS_SECRET_KEY, ZALO_APP_SECRET, LOOKUP_TOKEN_SECRET];

/**
 * National electronic identity (VNeID) through OpenID Connect (docs/adr/0010-national-identity.md). The
 * same issuer and client are configured as the provider `oidc.vneid` in Firebase Authentication; the
 * functions use them to exchange the authorization code and check the ID token. Under the emulators a local
 * provider stands in (scripts/lib/oidc-stand-in.ts, functions/.env.local). An empty issuer turns the
 * VNeID button's endpoints into a clear "not configured" refusal.
 */
export const VNEID_ISSUER = defineString('VNEID_ISSUER', { default: '', description: 'VNeID OpenID Connect issuer (https URL)' });
export const VNEID_CLIENT_ID = defineString('VNEID_CLIENT_ID', { default: '', description: 'VNeID OpenID Connect client id' });
/** The claim of the ID token that carries the 12-digit personal identification number. */
export const VNEID_ID_CLAIM = defineString('VNEID_ID_CLAIM', { default: 'so_dinh_danh', description: 'ID-token claim with the personal ID number' });
/** `firebase functions:secrets:set VNEID_CLIENT_SECRET` (the client secret issued for this portal). */
export const VNEID_CLIENT_SECRET = defineSecret('VNEID_CLIENT_SECRET');

/**
 * Keys that encrypt uploaded files at the application level (AES-256-GCM): `keyId:base64(32 bytes)`,
 * comma-separated, the first one encrypting new files and every one still decrypting the files stored
 * under its id (rotation: put the new key first, keep the old ones until re-encrypted). docs/SECURITY.md.
 */
export const FILE_ENCRYPTION_KEYS = defineSecret('FILE_ENCRYPTION_KEYS');

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

/** Every secret the `api` function reads: lookup tokens, signing keys, upload encryption, VNeID, the portal's filing key, the gateway's hash secret. */
export const API_SECRETS = [LOOKUP_TOKEN_SECRET, SIGNING_KEY_PASSPHRASE, FILE_ENCRYPTION_KEYS, VNEID_CLIENT_SECRET, PORTAL_INBOUND_SECRET, PAYMENT_HASH_SECRET];
/** Every secret the portal sync's functions read. */
export const PORTAL_SYNC_SECRETS = [PORTAL_API_KEY];
