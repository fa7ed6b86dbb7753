// Telephone numbers as the agencies publish them (E.164, `+842983800100`) shown the way people dial them.

/** "+842983800100" → "0298 3800 100"; "+84912345678" → "0912 345 678"; anything else as it is. */
export function displayPhone(phone: string): string {
  const national = phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
  if (national.length === 11) return `${national.slice(0, 4)} ${national.slice(4, 8)} ${national.slice(8)}`;
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  return national;
}

/** A `tel:` link: digits and the leading + only. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * A Vietnamese mobile number as typed (`0912 345 678`, `+84 912…`) in E.164 (`+84912345678`), or undefined.
 * The server checks it again (domain/applicant/phone.ts); this only saves a round trip on an obvious typo.
 */
export function normaliseVietnameseMobile(input: string): string | undefined {
  const digits = input.replace(/[\s.()-]/g, '');
  const national = /^(?:\+84|84|0)(\d{9})$/.exec(digits)?.[1];
  return national && /^[35789]/.test(national) ? `+84${national}` : undefined;
}
