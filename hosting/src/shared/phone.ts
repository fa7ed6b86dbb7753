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
