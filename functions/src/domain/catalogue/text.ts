// Text helpers for reading the cells of a catalogue export: the same word may arrive with or without
// marks, composed or decomposed, in any case and spacing, so cells are compared folded.

/** NFC, single spaces, trimmed: how every cell is read before anything else. */
export function cleanCell(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/[\u00a0\t ]+/gu, ' ').replace(/ *\r?\n */gu, '\n').trim();
}

// Folding runs on every cell of a 2,000-row file many times over, so letters with marks are looked up in
// a table built once (each precomposed Latin letter → its base letter, lower case) instead of decomposing
// every string; combining marks (a decomposed input) are dropped.
const FOLDED = new Map<string, string>();
for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
  for (let code = from; code <= to; code++) {
    const char = String.fromCharCode(code);
    const base = char.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    if (base !== char) FOLDED.set(char, base);
  }
}
FOLDED.set('đ', 'd');
FOLDED.set('Đ', 'd');

/** Lower case, without Vietnamese marks (đ → d), single spaces: for comparing words people type. */
export function fold(value: string): string {
  let out = '';
  let space = false;
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // a combining mark of decomposed text
    if (char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\u00a0') {
      space = out !== '';
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += code < 0x80 ? char.toLowerCase() : (FOLDED.get(char) ?? char.toLowerCase());
  }
  return out;
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
