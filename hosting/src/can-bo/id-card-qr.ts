// The QR code on the back of a chip citizen ID card (căn cước công dân / căn cước), as a handheld scanner
// types it into a field: seven fields separated by "|" —
//   12-digit ID | old 9-digit ID (may be empty) | full name | birth date ddmmyyyy | sex | address | issue date ddmmyyyy
// Parsed here, in pure code, to fill the walk-in form: name, ID number, birth date and address. The
// address is split the way the form asks for it: the province is the last part, the commune the last
// part naming a commune, ward or special zone (xã, phường, thị trấn, đặc khu); the rest is the street line.
// Anything that does not look like a card's QR is refused whole (undefined), never half-filled.

export type IdCardQr = {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
  sex: string;
  address: { line: string; communeName: string; provinceName: string };
  /** `YYYY-MM-DD`. */
  issuedOn: string;
};

/** `ddmmyyyy` → `YYYY-MM-DD`, only for a real calendar date. */
function isoDate(ddmmyyyy: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(ddmmyyyy);
  if (!m) return undefined;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCFullYear() !== Number(yyyy) || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return undefined;
  return `${yyyy}-${mm}-${dd}`;
}

const COMMUNE = /^(xã|phường|thị trấn|đặc khu)\s/iu;

/** Splits a card's address into street line, commune and province (see the header). */
export function splitAddress(address: string): IdCardQr['address'] | undefined {
  const parts = address.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  const provinceName = parts.at(-1)!;
  const before = parts.slice(0, -1);
  let communeAt = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (COMMUNE.test(before[i]!)) {
      communeAt = i;
      break;
    }
  }
  // Older cards name a district between commune and province: it is dropped (communes are now under the province).
  if (communeAt < 0) communeAt = before.length - 1;
  const line = before.slice(0, communeAt).join(', ');
  return { line: line || before[communeAt]!, communeName: before[communeAt]!, provinceName };
}

/** The card's fields, or undefined when the text is not a chip ID card's QR. */
export function parseIdCardQr(text: string): IdCardQr | undefined {
  const fields = text.normalize('NFC').replace(/[\r\n]+$/u, '').split('|');
  if (fields.length !== 7) return undefined;
  const [id, oldId, name, birth, sex, address, issued] = fields.map((f) => f.trim()) as [string, string, string, string, string, string, string];
  if (!/^\d{12}$/.test(id)) return undefined;
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) return undefined;
  const dateOfBirth = isoDate(birth);
  const issuedOn = isoDate(issued);
  const parts = splitAddress(address);
  if (!name || !dateOfBirth || !issuedOn || !parts) return undefined;
  return { idNumber: id, ...(oldId ? { oldIdNumber: oldId } : {}), fullName: name.replace(/\s+/gu, ' '), dateOfBirth, sex, address: parts, issuedOn };
}

/** Whether typed text is, so far, the start of a card's QR (12 digits then "|"): the scan field waits for the rest. */
export const looksLikeIdCardQr = (text: string): boolean => /^\d{12}\|/.test(text);
