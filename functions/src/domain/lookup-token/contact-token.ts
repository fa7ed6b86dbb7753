// Contact confirmation: the applicant types an email address or phone number, and the service used to
// message it on every step of the dossier — anyone could have the province message a stranger at its
// cost (issue 12, finding 12). Now the first message to a typed contact carries a confirmation link, and
// nothing more goes to that contact until someone holding it follows the link and confirms. The link
// carries `<kind>.<token>`: token = first 128 bits of HMAC-SHA256(secret, "motcua/contact/v1:" + dossier
// id + kind + the normalised address), base64url. It confirms that one address for that one dossier: a
// changed address, another dossier or another kind needs its own link.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { normaliseVietnamesePhone } from '../applicant/phone.js';
import { base64UrlEncode, LOOKUP_TOKEN_BYTES, LookupTokenError, MIN_LOOKUP_SECRET_BYTES } from './lookup-token.js';

export const CONTACT_KINDS = ['email', 'phone'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

const DOMAIN_PREFIX = 'motcua/contact/v1:';
const encoder = new TextEncoder();

/** One spelling per contact: emails trimmed and lower-case, Vietnamese phones in E.164 (+84…). */
export function normaliseContact(kind: ContactKind, address: string): string {
  const trimmed = address.trim();
  return kind === 'email' ? trimmed.toLowerCase() : (normaliseVietnamesePhone(trimmed) ?? trimmed.replace(/[\s.()-]/gu, ''));
}

export function signContactToken(dossierId: string, kind: ContactKind, address: string, secret: string): string {
  const key = encoder.encode(secret);
  if (key.length < MIN_LOOKUP_SECRET_BYTES) {
    throw new LookupTokenError('lookup-secret-too-short', {
      vi: `Khóa bí mật tra cứu phải dài ít nhất ${MIN_LOOKUP_SECRET_BYTES} byte`,
      en: `The lookup secret must be at least ${MIN_LOOKUP_SECRET_BYTES} bytes long`,
    });
  }
  if (dossierId.length === 0) throw new LookupTokenError('lookup-dossier-id-empty', { vi: 'Thiếu mã định danh hồ sơ', en: 'The dossier id is empty' });
  const message = `${DOMAIN_PREFIX}${dossierId}\u0000${kind}\u0000${normaliseContact(kind, address)}`;
  return base64UrlEncode(hmac(sha256, key, encoder.encode(message)).subarray(0, LOOKUP_TOKEN_BYTES));
}

/** The link parameter `<kind>.<token>` of a contact. */
export function contactParam(dossierId: string, kind: ContactKind, address: string, secret: string): string {
  return `${kind}.${signContactToken(dossierId, kind, address, secret)}`;
}

/** Constant-time check of a token against the address on record. */
export function verifyContactToken(dossierId: string, kind: ContactKind, address: string, token: string, secret: string): boolean {
  const expected = signContactToken(dossierId || '-', kind, address, secret);
  let diff = token.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (token.charCodeAt(i) || 0);
  return diff === 0 && dossierId.length > 0;
}
