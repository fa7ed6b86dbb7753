// Per-client rate limit of the public lookup: a fixed one-minute window counted in
// `rateLimits/lookup_{client}_{minute}`. Codes are guessable, so without a limit anyone could walk a
// day's sequence numbers; the limit makes that slow, and the basic view shows little anyway.
import { createHmac } from 'node:crypto';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { ApiError } from './api-error.js';
import type { ApiRequest } from './http-router.js';
import { logs } from './logs.js';

export const RATE_LIMITS = 'rateLimits';
export const DEFAULT_LOOKUP_LIMIT_PER_MINUTE = 30;
const WINDOW_MS = 60_000;
const MAX_ADDRESS_LENGTH = 64; // an IPv6 address with zone fits; anything longer is not an address

/**
 * The client's address: the first entry of X-Forwarded-For (Hosting and Google's front end put the
 * client there), else the peer address. A client can forge that header; forging only moves it into
 * another bucket of its own making, which is the weakness of every IP-based limit without a CAPTCHA.
 */
export function clientAddress(req: Pick<ApiRequest, 'header' | 'ip'>): string {
  const first = req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
  const address = first !== '' ? first : (req.ip ?? '');
  return address === '' ? 'unknown' : address.slice(0, MAX_ADDRESS_LENGTH);
}

/**
 * A pseudonymous key of the client: 64 bits of HMAC-SHA256 keyed with the lookup secret. A bare SHA-256
 * of an IPv4 address is reversed by trying all 2³² addresses; a keyed hash is not. Raw addresses are
 * never stored or logged.
 */
export function clientKey(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`motcua/rate-limit/v1:${address}`).digest('hex').slice(0, 16);
}

export type RateWindow = { minute: number; endsAt: Date };

export function windowOf(now: Date): RateWindow {
  const minute = Math.floor(now.getTime() / WINDOW_MS);
  return { minute, endsAt: new Date((minute + 1) * WINDOW_MS) };
}

/** The counters of one kind of public request, kept apart: `lookup` (lookups and ratings), `verify` (document checks). */
export type QuotaScope = 'lookup' | 'verify';

export function rateLimitDocId(key: string, window: RateWindow, scope: QuotaScope = 'lookup'): string {
  return `${scope}_${key}_${window.minute}`;
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

export type QuotaDecision = { allowed: true; count: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request of the client in the current window, or refuses it once the client has used
 * `limit` requests there. A refused request is not counted (nothing written on rejection). `expiresAt` is
 * the end of the window: a Firestore TTL policy on `rateLimits.expiresAt` deletes old windows
 * (docs/DATA_MODEL.md).
 */
export async function consumeLookupQuota(db: Firestore, key: string, now: Date, limit: number, scope: QuotaScope = 'lookup'): Promise<QuotaDecision> {
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
    logs.lookupRateLimited(key, count);
    return refused;
  }
  return { allowed: true, count };
}
