// Telephone numbers as the agencies publish them (E.164, `+842983800100`) shown the way people dial them, and
// who is signed in as the person knows themselves:
// shared by the pages and the server's first views (node.ts).

/**
 * One way to print a Vietnamese number everywhere: "+842983800100" → "0298 3800 100"; "+84912345678",
 * "84912345678" or "0912.345.678" → "0912 345 678"; anything else as it is.
 */
export function displayPhone(phone: string): string {
  const compact = phone.replace(/[\s.()-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return phone;
  const national = compact.startsWith('+84')
    ? `0${compact.slice(3)}`
    : /^84\d{9,10}$/.test(compact)
      ? `0${compact.slice(2)}`
      : compact;
  if (national.length === 11) return `${national.slice(0, 4)} ${national.slice(4, 8)} ${national.slice(8)}`;
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  return national;
}

/** A `tel:` link: digits and the leading + only. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** How the page names who is signed in: the email, else the phone number as dialled, else the uid. */
export function signedInAs(user: { email?: string | null; phoneNumber?: string | null; uid: string }): string {
  if (user.email) return user.email;
  return user.phoneNumber ? displayPhone(user.phoneNumber) : user.uid;
}
