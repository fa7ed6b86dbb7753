// Lookup token: the secret part of a lookup link or receipt QR. Dossier codes are guessable, so details
// are shown only to whoever holds the token (Circular 01/2018 Art. 16 lets a bare code show only progress).
// Token = first 128 bits of HMAC-SHA256(secret, "motcua/lookup/v1:" + dossierId), base64url without padding
// (22 characters). The prefix separates these MACs from any other use of the same secret.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { DomainError } from '../shared/domain-error.js';

export const LOOKUP_TOKEN_BYTES = 16;
export const LOOKUP_TOKEN_LENGTH = 22;
/** RFC 2104: a key shorter than the hash output (32 bytes) weakens the MAC. */
export const MIN_LOOKUP_SECRET_BYTES = 32;
const DOMAIN_PREFIX = 'motcua/lookup/v1:';

export type LookupTokenErrorCode = 'lookup-secret-too-short' | 'lookup-dossier-id-empty';
export class LookupTokenError extends DomainError<LookupTokenErrorCode> {}

const encoder = new TextEncoder();
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const remaining = bytes.length - i;
    out += BASE64URL[b0 >> 2];
    out += BASE64URL[((b0 & 0x03) << 4) | (b1 >> 4)];
    if (remaining > 1) out += BASE64URL[((b1 & 0x0f) << 2) | (b2 >> 6)];
    if (remaining > 2) out += BASE64URL[b2 & 0x3f];
  }
  return out;
}

function keyOf(secret: string): Uint8Array {
  const key = encoder.encode(secret);
  if (key.length < MIN_LOOKUP_SECRET_BYTES) {
    // A configuration mistake, not a user error: fail loudly instead of issuing weak tokens.
    throw new LookupTokenError('lookup-secret-too-short', {
      vi: `Khóa bí mật tra cứu phải dài ít nhất ${MIN_LOOKUP_SECRET_BYTES} byte`,
      en: `The lookup secret must be at least ${MIN_LOOKUP_SECRET_BYTES} bytes long`,
    });
  }
  return key;
}

export function signLookupToken(dossierId: string, secret: string): string {
  const key = keyOf(secret);
  if (dossierId.length === 0) {
    throw new LookupTokenError('lookup-dossier-id-empty', {
      vi: 'Thiếu mã định danh hồ sơ',
      en: 'The dossier id is empty',
    });
  }
  const mac = hmac(sha256, key, encoder.encode(DOMAIN_PREFIX + dossierId));
  return base64UrlEncode(mac.subarray(0, LOOKUP_TOKEN_BYTES));
}

/**
 * Constant-time check of a token. Wrong length, wrong alphabet, wrong id: all simply false. Throws only
 * for a misconfigured (short) secret.
 */
export function verifyLookupToken(dossierId: string, token: string, secret: string): boolean {
  keyOf(secret);
  if (dossierId.length === 0 || typeof token !== 'string') return false;
  const expected = signLookupToken(dossierId, secret);
  // Compare every character of the expected token whatever the input, so timing reveals at most the
  // (public) token length, never how many leading characters matched.
  let diff = token.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    diff |= expected.charCodeAt(i) ^ (token.charCodeAt(i) || 0);
  }
  return diff === 0;
}
