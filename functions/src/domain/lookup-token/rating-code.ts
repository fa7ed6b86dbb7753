// Desk rating code (mã đánh giá tại quầy): eight digits printed on the receipt (form 01) beside its QR
// code, for a citizen at the desk's rating device who cannot scan the QR. With the QR's token it is the
// proof that the person rating holds the receipt: the desk kiosk's account alone, whose password desk
// staff know, could otherwise rate every returned dossier by its guessable code before its applicant did
// (issue 12, finding 3). Code = HMAC-SHA256(secret, "motcua/rating-code/v1:" + dossierId), its first six
// bytes read as a number, modulo 10⁸ (the bias of 2⁴⁸ mod 10⁸ is below one in a million). Guessing it
// takes 10⁸ tries on average; the API counts a kiosk's attempts (features/ratings).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { LookupTokenError, MIN_LOOKUP_SECRET_BYTES } from './lookup-token.js';

export const RATING_CODE_DIGITS = 8;
const DOMAIN_PREFIX = 'motcua/rating-code/v1:';
const encoder = new TextEncoder();

export function ratingCodeOf(dossierId: string, secret: string): string {
  const key = encoder.encode(secret);
  if (key.length < MIN_LOOKUP_SECRET_BYTES) {
    throw new LookupTokenError('lookup-secret-too-short', {
      vi: `Khóa bí mật tra cứu phải dài ít nhất ${MIN_LOOKUP_SECRET_BYTES} byte`,
      en: `The lookup secret must be at least ${MIN_LOOKUP_SECRET_BYTES} bytes long`,
    });
  }
  if (dossierId.length === 0) {
    throw new LookupTokenError('lookup-dossier-id-empty', { vi: 'Thiếu mã định danh hồ sơ', en: 'The dossier id is empty' });
  }
  const mac = hmac(sha256, key, encoder.encode(DOMAIN_PREFIX + dossierId));
  let n = 0;
  for (const byte of mac.subarray(0, 6)) n = n * 256 + byte;
  return String(n % 10 ** RATING_CODE_DIGITS).padStart(RATING_CODE_DIGITS, '0');
}

/** As printed: two groups of four digits, easier to read out and type. */
export function formatRatingCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** Constant-time check of a typed code (spaces and dashes between digits are ignored). */
export function verifyRatingCode(dossierId: string, typed: string, secret: string): boolean {
  const expected = ratingCodeOf(dossierId || '-', secret);
  const digits = typeof typed === 'string' ? typed.replace(/[\s-]/g, '') : '';
  let diff = digits.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (digits.charCodeAt(i) || 0);
  return diff === 0 && dossierId.length > 0;
}
