// Telephone numbers: shown the way people dial them (kept in the contract: the server prints them in the
// first views it draws), and read as typed.
export { displayPhone, telHref } from '../../../functions/src/contract/views/phone-display.js';
/** Who is signed in, as the person knows themselves (the contract's, as the server prints it too). */
export { signedInAs } from '../../../functions/src/contract/views/phone-display.js';

/**
 * A Vietnamese mobile number as typed (`0912 345 678`, `+84 912…`) in E.164 (`+84912345678`), or undefined.
 * The server checks it again (domain/applicant/phone.ts); this only saves a round trip on an obvious typo.
 */
export function normaliseVietnameseMobile(input: string): string | undefined {
  const digits = input.replace(/[\s.()-]/g, '');
  const national = /^(?:\+84|84|0)(\d{9})$/.exec(digits)?.[1];
  return national && /^[35789]/.test(national) ? `+84${national}` : undefined;
}
