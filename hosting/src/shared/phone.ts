// Telephone numbers: shown the way people dial them (kept in the contract: the server prints them in the
// first views it draws), and read as typed.
import { displayPhone } from '../../../functions/src/contract/views/phone-display.js';

export { displayPhone, telHref } from '../../../functions/src/contract/views/phone-display.js';

/**
 * A Vietnamese mobile number as typed (`0912 345 678`, `+84 912…`) in E.164 (`+84912345678`), or undefined.
 * The server checks it again (domain/applicant/phone.ts); this only saves a round trip on an obvious typo.
 */
export function normaliseVietnameseMobile(input: string): string | undefined {
  const digits = input.replace(/[\s.()-]/g, '');
  const national = /^(?:\+84|84|0)(\d{9})$/.exec(digits)?.[1];
  return national && /^[35789]/.test(national) ? `+84${national}` : undefined;
}

/**
 * Who is signed in, as the person knows themselves: their email, or their phone number written the
 * Vietnamese way (a phone-number account has no email; Firebase keeps the number as +84…).
 */
export function signedInAs(user: { email: string | null; phoneNumber: string | null; uid: string }): string {
  if (user.email) return user.email;
  return user.phoneNumber ? displayPhone(user.phoneNumber) : user.uid;
}
