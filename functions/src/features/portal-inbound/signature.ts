// How the national portal proves a filing is its own: an HMAC-SHA256 over the request's timestamp and raw
// body with the secret the province and the portal share (PORTAL_INBOUND_SECRET), sent as
//   X-Portal-Timestamp: <Unix seconds>      X-Portal-Signature: <hex of HMAC-SHA256(secret, "<ts>.<raw body>")>
// A timestamp more than five minutes away from ours is refused, so a captured request cannot be replayed
// later; within the window a replay files nothing new (the dossier already exists).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 300;

export function portalSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export type SignatureProblem = 'missing' | 'stale' | 'mismatch';

/** Why the request is not the portal's, or undefined when it is. */
export function signatureProblem(secret: string, headers: { timestamp: string | undefined; signature: string | undefined }, rawBody: Buffer | undefined, now: Date): SignatureProblem | undefined {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || rawBody === undefined) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale';
  if (!/^[0-9a-f]{64}$/i.test(signature)) return 'mismatch';
  const expected = Buffer.from(portalSignature(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? undefined : 'mismatch';
}
