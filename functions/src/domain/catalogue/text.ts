// Text helpers for reading the cells of a catalogue export: the same word may arrive with or without
// marks, composed or decomposed, in any case and spacing, so cells are compared folded.

/** NFC, single spaces, trimmed: how every cell is read before anything else. */
export function cleanCell(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/[\u00a0\t ]+/gu, ' ').replace(/ *\r?\n */gu, '\n').trim();
}

/** Lower case, without Vietnamese marks (đ → d), single spaces: for comparing words people type. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

// Bullets and numbering that start the lines of a list cell: "-", "+", "•", "*", "1.", "1)", "a)", "b.".
const BULLET = /^(?:[-+•*–—·]+|\d{1,2}[.)]|[a-zđ][.)])\s+/iu;

/** The non-empty lines of a multi-line cell, without their bullets or numbering. */
export function listLines(cell: string): string[] {
  return cleanCell(cell)
    .split('\n')
    .map((line) => line.replace(BULLET, '').trim())
    .filter((line) => line !== '');
}

/** Items of a short list: split on new lines, semicolons and commas ("Cấp Tỉnh, Cấp Xã"). */
export function listItems(cell: string): string[] {
  return cleanCell(cell)
    .split(/[\n;,]/u)
    .map((item) => item.replace(BULLET, '').trim())
    .filter((item) => item !== '');
}

/**
 * A lower-case identifier made from a Vietnamese name ("Tờ khai đăng ký khai sinh" →
 * "to-khai-dang-ky-khai-sinh"), as component and step ids must be: letters, digits, hyphens, a letter
 * first, at most `max` characters, cut at a word boundary.
 */
export function slug(value: string, max = 48): string {
  const words = fold(value).replace(/[^a-z0-9]+/gu, ' ').trim().split(' ').filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out === '' ? word : `${out}-${word}`;
    if (next.length > max) break;
    out = next;
  }
  if (out === '') out = (words[0] ?? 'x').slice(0, max);
  return /^[a-z]/u.test(out) ? out : `x-${out}`.slice(0, max);
}

/** `2025-07-01`, `01/07/2025` or `1/7/2025` → `2025-07-01`; undefined for anything else. */
export function parseLocalDate(cell: string): string | undefined {
  const text = cleanCell(cell);
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
