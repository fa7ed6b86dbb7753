// How the national catalogue writes legal times and fees, read into the values the deadline engine and
// the fee totals use. The catalogue (Cổng Dịch vụ công quốc gia) publishes them as Vietnamese sentences:
// "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Không quá 10 ngày", "Trong ngày làm việc", "50.000
// đồng/hồ sơ", "Lệ phí: 100.000 đồng; Phí thẩm định: 300.000 đồng", "Không". A sentence this code cannot
// read with certainty is refused with the reason, never guessed: a wrong legal time is a wrong deadline.
// The rules are listed in docs/IMPORT.md.
import type { Bilingual } from '../shared/bilingual.js';
import { Duration, type DurationUnit } from '../time/schemas.js';
import type { Fee } from '../procedure/procedure.js';
import { cleanCell, fold } from './text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const refuse = (vi: string, en: string): { ok: false; reason: Bilingual } => ({ ok: false, reason: { vi, en } });

// ---- numbers ---------------------------------------------------------------------------------------

const UNITS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
// "tư" and "lăm" are 4 and 5 only after "mươi": alone, folded, they are "từ" (from) and "làm" (work).
const ALONE = '(?:mot|hai|ba|bon|nam|sau|bay|tam|chin)';
const AFTER_TENS = '(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)';
const TENS = '(?:hai|ba|bon|nam|sau|bay|tam|chin)';
/** Numbers in words, folded: "mot" … "chin", "muoi", "muoi lam", "hai muoi", "hai muoi mot", "nua" (half). */
const NUMBER_WORDS = `(?:(?:${TENS} )?muoi(?: ${AFTER_TENS})?|${ALONE}|nua)`;
/** Digits: "15", "03", "0,5", "1.5", "1/2". */
const NUMBER_DIGITS = String.raw`\d+(?:[.,]\d+)?(?:\/\d+)?`;

function wordsValue(words: string): number {
  if (words === 'nua') return 0.5;
  const parts = words.split(' ');
  const at = parts.indexOf('muoi');
  if (at < 0) return UNITS[parts[0]!] ?? NaN;
  const tens = at === 0 ? 1 : (UNITS[parts[0]!] ?? NaN);
  const ones = parts[at + 1] === undefined ? 0 : (UNITS[parts[at + 1]!] ?? NaN);
  return tens * 10 + ones;
}

function digitsValue(digits: string): number {
  const fraction = /^(\d+)\/(\d+)$/u.exec(digits);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  return Number(digits.replace(',', '.'));
}

// ---- legal time ------------------------------------------------------------------------------------

// A duration is a number (digits, or words) right before its unit, perhaps with the number repeated in
// words between them: "01 (một) ngày làm việc". Folded text, so "ngày làm việc" is "ngay lam viec".
const DURATION = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/])(${NUMBER_DIGITS}|${NUMBER_WORDS})\s*(?:\([^)]*\)\s*)?` +
    String.raw`(ngay lam viec|ngay|gio lam viec|gio|thang|tuan|nam)(?![\p{L}])`,
  'gu',
);
// "sau 15 giờ", "trước 15 giờ 30", "lúc 8 giờ": times of day in the wording, not durations.
const TIME_OF_DAY = /\b(?:sau|truoc|luc|den|tu) (\d{1,2}) gio(?: \d{1,2})?(?: phut)?/gu;
// "Trong ngày", "ngay trong ngày làm việc": the same working day, at most one working day.
const SAME_DAY = /(?:^|[^\p{L}])trong (?:cung )?ngay(?: lam viec)?(?![\p{L}])/u;

const UNIT_OF: Record<string, DurationUnit | 'wallHours' | 'months' | 'weeks' | 'years'> = {
  'ngay lam viec': 'workingDays',
  ngay: 'calendarDays',
  'gio lam viec': 'workingHours',
  gio: 'wallHours',
  thang: 'months',
  tuan: 'weeks',
  nam: 'years',
};

const describe = (d: Duration): string => `${String(d.value).replace('.', ',')} ${d.unit}`;

/**
 * The legal processing time of a procedure from its catalogue wording. "ngày làm việc" → working days;
 * "ngày" alone → calendar days (the Civil Code's days, as the Law on Judicial Records counts them);
 * "giờ làm việc" → working hours; "trong ngày (làm việc)" → one working day. Refused: no duration,
 * several different durations (a case-by-case time must be settled by a person), clock hours, weeks,
 * months and years (not a unit of the deadline engine), and values the engine does not accept.
 */
export function parseLegalTime(cell: string): Parsed<Duration> {
  const text = fold(cleanCell(cell).replace(/\n/gu, ' '));
  if (text === '' || /^(?:khong|khong co|khong quy dinh)\.?$/u.test(text)) {
    return refuse('Không có thời hạn giải quyết', 'no legal processing time');
  }
  const found: Duration[] = [];
  const withoutTimes = text.replace(TIME_OF_DAY, ' ');
  for (const match of withoutTimes.matchAll(DURATION)) {
    const [, number, unitWord] = match;
    const value = /\d/u.test(number!) ? digitsValue(number!) : wordsValue(number!);
    const unit = UNIT_OF[unitWord!]!;
    if (unit === 'wallHours') {
      return refuse(
        `"${match[0]}": giờ theo đồng hồ chưa được hỗ trợ, hãy ghi "giờ làm việc" hoặc số ngày`,
        `"${match[0]}": clock hours are not supported; write working hours ("giờ làm việc") or days`,
      );
    }
    if (unit === 'months' || unit === 'weeks' || unit === 'years') {
      return refuse(
        `"${match[0]}": thời hạn tính bằng tuần, tháng, năm chưa được hỗ trợ, hãy quy ra ngày`,
        `"${match[0]}": weeks, months and years are not supported; convert to days`,
      );
    }
    found.push({ value, unit });
  }
  // Counted with the others, so "trong ngày … hoặc 03 ngày làm việc" is refused as two legal times.
  if (SAME_DAY.test(withoutTimes)) found.push({ value: 1, unit: 'workingDays' });
  if (found.length === 0) {
    return refuse(`Không đọc được thời hạn trong "${cleanCell(cell)}"`, `no duration found in "${cleanCell(cell)}"`);
  }
  const distinct = [...new Map(found.map((d) => [describe(d), d])).values()];
  if (distinct.length > 1) {
    const list = distinct.map(describe).join('; ');
    return refuse(
      `Có nhiều thời hạn khác nhau (${list}): hãy ghi một thời hạn cho thủ tục`,
      `several different durations (${list}): give the procedure one legal time`,
    );
  }
  const parsed = Duration.safeParse(distinct[0]);
  if (!parsed.success) {
    return refuse(
      `Thời hạn ${describe(distinct[0]!)} không hợp lệ: ngày theo lịch phải là số nguyên, ngày và giờ làm việc chỉ lẻ nửa`,
      `duration ${describe(distinct[0]!)} is invalid: calendar days are whole, working days and hours may only have halves`,
    );
  }
  return ok(parsed.data);
}

// ---- money -----------------------------------------------------------------------------------------

// "50.000 đồng", "50.000đ", "1.000.000 VNĐ", "50,000 VND", "50 000 đồng", "50 nghìn đồng", "1,5 triệu đồng",
// "2 triệu". A number needs its currency or a multiplier to be an amount ("Mẫu 02", "Điều 5" are not).
const CURRENCY = '(đồng|đ|vnđ|vnd|dong)';
const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+(?:[.,]\d+)?)\s*` +
    String.raw`(?:(tỷ|tỉ|triệu|nghìn|ngàn|ty|trieu|nghin|ngan)\s*${CURRENCY}?|${CURRENCY})(?![\p{L}\p{N}])`,
  'giu',
);
const MULTIPLIER: Record<string, number> = { tỷ: 1e9, tỉ: 1e9, ty: 1e9, triệu: 1e6, trieu: 1e6, nghìn: 1e3, ngàn: 1e3, nghin: 1e3, ngan: 1e3 };

/** Groups of exactly three digits after a separator are thousands ("50.000"); otherwise a decimal ("1,5"). */
function amountNumber(digits: string): number {
  if (/^\d{1,3}(?:[. ,]\d{3})+$/u.test(digits)) return Number(digits.replace(/[. ,]/gu, ''));
  return Number(digits.replace(',', '.'));
}

type FoundAmount = { readonly value: number; readonly start: number; readonly end: number; readonly depth: number };

/** Every amount of money in the text, with where it is and how deep in parentheses. */
function findAmounts(text: string): FoundAmount[] {
  const depthAt: number[] = [];
  let depth = 0;
  for (const char of text) {
    if (char === ')') depth = Math.max(0, depth - 1);
    depthAt.push(depth);
    if (char === '(') depth += 1;
  }
  const found: FoundAmount[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const [, digits, multiplierWord] = match;
    const multiplier = multiplierWord ? (MULTIPLIER[multiplierWord.toLowerCase()] ?? 1) : 1;
    const value = Math.round(amountNumber(digits!) * multiplier * 1000) / 1000;
    if (Number.isInteger(value)) found.push({ value, start: match.index, end: match.index + match[0].length, depth: depthAt[match.index] ?? 0 });
  }
  return found;
}

/** The fee's own amount: the first outside parentheses ("Phí (sinh viên: 100.000 đồng): 200.000 đồng" is 200.000). */
function feeAmount(text: string): FoundAmount | undefined {
  const found = findAmounts(text);
  return found.find((a) => a.depth === 0) ?? found[0];
}

/** The fee's amount in đồng: the first amount outside parentheses, else the first; a bare number is not an amount. */
export function parseAmountVnd(text: string): number | undefined {
  return feeAmount(cleanCell(text))?.value;
}

/** "Lệ phí cấp đổi: 50.000 đồng" → "Lệ phí cấp đổi" (the amount is stored apart); otherwise the whole wording. */
function feeDescription(segment: string, amount: FoundAmount): string {
  const after = segment.slice(amount.end).replace(/[.\s]+$/u, '');
  const before = segment.slice(0, amount.start).trimEnd();
  if (after === '' && amount.depth === 0 && before.endsWith(':') && before.length > 1) return before.slice(0, -1).trimEnd();
  return segment;
}

const NO_FEE = /^(?:khong|khong co|khong thu|khong quy dinh|khong phai nop|mien|mien phi|mien le phi|mien phi, le phi|khong thu phi(?:,| va)? le phi|0 dong|0d)\.?$/u;

/** Splits on new lines and on semicolons outside parentheses. */
function feeSegments(cell: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of cleanCell(cell)) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === '\n' || (char === ';' && depth === 0)) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments.map((s) => s.replace(/^(?:[-+•*–]+|\d{1,2}[.)])\s+/u, '').trim()).filter((s) => s !== '');
}

/**
 * Fees from the catalogue's "Phí, lệ phí" wording. Each line (or `;`-separated part) with an amount is one
 * fee: its first amount outside parentheses is the fee; its description is the wording before ": <amount>"
 * when the part ends with the amount ("Lệ phí cấp đổi: 50.000 đồng"), else the whole part. A part ending in ":" heads the fees
 * after it ("Lệ phí:" then "- Cá nhân: 100.000 đồng"); other parts without an amount are notes of the fee
 * before them (or after, for the first). "Không", "Miễn phí", an empty cell: no fee. A text with no amount
 * at all (a percentage, a reference to a circular) is refused: it cannot be totalled.
 * `english` gives the descriptions' English, one line per fee; without it the Vietnamese is used.
 */
export function parseFees(cell: string, english?: string): Parsed<Fee[]> {
  const segments = feeSegments(cell);
  if (segments.length === 0 || segments.every((s) => NO_FEE.test(fold(s)))) return ok([]);
  const fees: { amountVnd: number; vi: string }[] = [];
  const leading: string[] = [];
  let heading = '';
  for (const segment of segments) {
    const amount = feeAmount(segment);
    if (amount !== undefined) {
      const vi = [heading, ...leading.splice(0), feeDescription(segment, amount)].filter(Boolean).join(' ');
      fees.push({ amountVnd: amount.value, vi });
    } else if (segment.endsWith(':')) {
      heading = segment;
    } else if (NO_FEE.test(fold(segment))) {
      continue;
    } else if (fees.length > 0) {
      fees[fees.length - 1]!.vi += ` ${segment}`;
    } else {
      leading.push(segment);
    }
  }
  if (fees.length === 0) {
    const text = cleanCell(cell).replace(/\n/gu, ' ');
    return refuse(
      `Không đọc được số tiền trong "${text}" (ghi "Không" nếu không thu phí, lệ phí)`,
      `no amount found in "${text}" (write "Không" when there is no fee)`,
    );
  }
  if (leading.length > 0) fees[0]!.vi += ` ${leading.join(' ')}`;
  const en = english === undefined ? [] : feeSegments(english);
  if (en.length > 0 && en.length !== fees.length) {
    return refuse(
      `${fees.length} khoản phí nhưng ${en.length} dòng tiếng Anh`,
      `${fees.length} fees but ${en.length} English lines`,
    );
  }
  return ok(fees.map((f, i) => ({ amountVnd: f.amountVnd, description: { vi: f.vi, en: en[i] ?? f.vi } })));
}
