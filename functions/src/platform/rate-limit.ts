// Per-client rate limit of the public lookup (and anonymous ratings): a fixed one-minute window counted in
// `rateLimits/lookup_{bucket}_{minute}`. Codes are guessable, so without a limit anyone could walk a
// day's sequence numbers; the limit makes that slow, and the basic view shows little anyway.
import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { ApiError } from './api-error.js';
import type { ApiRequest } from './http-router.js';
import { logs } from './logs.js';

export const RATE_LIMITS = 'rateLimits';
export const DEFAULT_LOOKUP_LIMIT_PER_MINUTE = 30;
const WINDOW_MS = 60_000;
const MAX_ADDRESS_LENGTH = 64; // an IPv6 address with zone fits; anything longer is not an address

/**
 * Clients are counted in this many buckets per window, so one window writes at most this many documents
 * (and at most RATE_LIMIT_BUCKETS × limit counted requests) however many addresses send requests: a flood
 * from many addresses costs a bounded number of writes instead of one new document per address (issue 12,
 * finding 6). Two clients in one bucket share its limit; with 1,024 buckets and everyday traffic that is
 * rare, and under a flood from thousands of addresses the lookup slows down rather than the bill growing.
 */
export const RATE_LIMIT_BUCKETS = 1024;

/**
 * The IPv6 network a client controls: its /64. An ISP hands every customer at least a /64, so counting
 * single IPv6 addresses would give one client 2⁶⁴ fresh buckets. IPv4-mapped addresses count as IPv4.
 */
export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const zoneless = address.replace(/%.*$/, ''); // a zone index names the client's interface, not the client
  if (!isIPv6(zoneless)) return address;
  // An embedded IPv4 tail (…:1.2.3.4) is two groups.
  const bare = zoneless.toLowerCase().replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string, d: string) =>
    [[a, b], [c, d]].map(([x, y]) => ((Number(x) << 8) | Number(y)).toString(16)).join(':'),
  );
  const [head = '', tail] = bare.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The client's address as the platform's front end saw it: the LAST entry of X-Forwarded-For, which
 * Google's front end (in front of Cloud Functions, and Firebase Hosting's rewrite) appends to whatever
 * the client sent. The first entry is the client's own choice: keyed on it, every forged value was a
 * fresh quota (issue 12, finding 6). Without the header (a direct call under the emulators) the peer
 * address counts. IPv6 addresses count by their /64 (networkOf).
 */
export function clientAddress(req: Pick<ApiRequest, 'header' | 'ip'>): string {
  const entries = (req.header('x-forwarded-for') ?? '').split(',').map((e) => e.trim());
  const last = entries.filter((e) => e !== '').at(-1) ?? '';
  const address = last !== '' ? last : (req.ip ?? '');
  return address === '' ? 'unknown' : networkOf(address.slice(0, MAX_ADDRESS_LENGTH));
}

/**
 * A pseudonymous key of the client: 64 bits of HMAC-SHA256 keyed with the lookup secret. A bare SHA-256
 * of an IPv4 address is reversed by trying all 2³² addresses; a keyed hash is not. Raw addresses are
 * never stored or logged.
 */
export function clientKey(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`motcua/rate-limit/v1:${address}`).digest('hex').slice(0, 16);
}

/**
 * The client's bucket, 0 … RATE_LIMIT_BUCKETS − 1 (uniform: the key is an HMAC from clientKey). Any
 * other key is a programming error: it would have no hex prefix and every such key would share one bucket.
 */
export function bucketOf(key: string): number {
  if (!/^[0-9a-f]{8}/.test(key)) throw new Error('rate-limit keys come from clientKey()');
  return Number.parseInt(key.slice(0, 8), 16) % RATE_LIMIT_BUCKETS;
}

export type RateWindow = { minute: number; endsAt: Date };

export function windowOf(now: Date): RateWindow {
  const minute = Math.floor(now.getTime() / WINDOW_MS);
  return { minute, endsAt: new Date((minute + 1) * WINDOW_MS) };
}

/**
 * What is counted, each apart: anonymous lookups and ratings (`lookup`), a desk kiosk's ratings proved by
 * the typed rating code (`ratingCode`, counted per kiosk account so the code cannot be guessed by trying),
 * and public document checks (`verify`).
 */
export type RateScope = 'lookup' | 'ratingCode' | 'verify';

/** The window's document of the client's bucket: `{scope}_{bucket}_{minute}`, the bucket as 4 digits. */
export function rateLimitDocId(key: string, window: RateWindow, scope: RateScope = 'lookup'): string {
  return `${scope}_${String(bucketOf(key)).padStart(4, '0')}_${window.minute}`;
}

/** Whole seconds until the window ends, at least 1 (the value of Retry-After). */
export function retryAfterSeconds(now: Date, window: RateWindow): number {
  return Math.max(1, Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000));
}

export function rateLimited(retryAfter: number): ApiError {
  return new ApiError(
    'resource-exhausted',
    {
      vi: `Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`,
      en: `Too many lookups. Please try again in ${retryAfter} seconds.`,
    },
    [],
    { retryAfterSeconds: retryAfter },
  );
}

/**
 * Desk rating codes typed on a kiosk, per kiosk account and minute — looked up or sent with a rating alike:
 * a citizen rates in a minute or two, so this never slows a desk, while trying codes (10⁸ of them)
 * becomes hopeless.
 */
export const RATING_CODE_ATTEMPTS_PER_MINUTE = 6;

/** The kiosk's bucket: keyed like a client (an HMAC, so the bucket is uniform; a raw uid has no hex prefix). */
export const kioskRatingCodeKey = (kioskUserId: string, secret: string): string => clientKey(`kiosk/${kioskUserId}`, secret);

export function tooManyRatingCodes(retryAfter: number): ApiError {
  return new ApiError(
    'resource-exhausted',
    {
      vi: `Thiết bị đã nhận quá nhiều mã đánh giá trong một phút. Vui lòng thử lại sau ${retryAfter} giây, hoặc quét mã QR trên giấy tiếp nhận.`,
      en: `Too many rating codes on this device in a minute. Please try again in ${retryAfter} seconds, or scan the QR code on the receipt.`,
    },
    [],
    { retryAfterSeconds: retryAfter },
  );
}

export type QuotaDecision = { allowed: true; count: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request of the client in the current window, or refuses it once the client's bucket has
 * used `limit` requests there. A refused request is not counted (nothing written on rejection). `expiresAt` is
 * the end of the window: a Firestore TTL policy on `rateLimits.expiresAt` deletes old windows
 * (docs/DATA_MODEL.md).
 */
export async function consumeLookupQuota(db: Firestore, key: string, now: Date, limit: number, scope: RateScope = 'lookup'): Promise<QuotaDecision> {
  const window = windowOf(now);
  const refused: QuotaDecision = { allowed: false, retryAfterSeconds: retryAfterSeconds(now, window) };
  const ref = db.collection(RATE_LIMITS).doc(rateLimitDocId(key, window, scope));
  let count: number;
  try {
    count = await db.runTransaction(async (tx) => {
      const used = ((await tx.get(ref)).get('count') as number | undefined) ?? 0;
      if (used < limit) tx.set(ref, { count: FieldValue.increment(1), scope, expiresAt: window.endsAt }, { merge: true });
      return used + 1;
    });
  } catch (err) {
    // One client hammering its own window makes the transactions contend; when the retries run out it is
    // that client's burst, so it gets a 429 rather than a 500. Other failures are real outages.
    if ((err as { code?: unknown }).code === 10 /* ABORTED */) return refused;
    throw err;
  }
  if (count > limit) {
    logs.lookupRateLimited(String(bucketOf(key)), count);
    return refused;
  }
  return { allowed: true, count };
}
