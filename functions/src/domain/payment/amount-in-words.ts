// An amount of đồng in Vietnamese words, as receipts print it ("Số tiền bằng chữ"): 150000 → "Một trăm
// năm mươi nghìn đồng". The usual reading rules: "linh" for a zero tens digit before a unit ("một trăm
// linh năm"), "mốt" for a final 1 after twenty ("hai mươi mốt"), "lăm" for a final 5 after ten ("mười
// lăm", "hai mươi lăm"), "tư" for a final 4 after twenty ("hai mươi tư"), "mười" for 10–19, and "không
// trăm" inside a group that follows a larger one ("một triệu không trăm năm mươi nghìn"). Groups of three
// digits take nghìn, triệu, tỷ; beyond a thousand billion the scale repeats with tỷ ("nghìn tỷ").

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

/** Words of a group of three digits (0–999); `full` reads the hundreds even when zero ("không trăm"). */
function groupWords(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && (hundreds > 0 || full)) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens]!, 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else if (units === 4 && tens >= 2) words.push('tư');
    else words.push(DIGITS[units]!);
  }
  return words;
}

/** The words of a whole number (no currency), lower case. */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a whole non-negative amount: ${value}`);
  if (value === 0) return 'không';
  // Split into groups of three digits, least significant first.
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    const isLeading = i === groups.length - 1;
    if (group === 0) {
      // A whole zero group is silent, except that tỷ is kept when it closes a higher cycle ("một nghìn tỷ").
      if (i % 3 === 0 && i > 0 && groups.slice(i + 1).some((g) => g > 0) && words[words.length - 1] !== 'tỷ') words.push('tỷ');
      continue;
    }
    words.push(...groupWords(group, !isLeading));
    const scale = i === 0 ? '' : i % 3 === 0 ? 'tỷ' : SCALES[i % 3]!;
    if (scale) words.push(scale);
  }
  return words.join(' ');
}

/** "Một trăm năm mươi nghìn đồng": capitalised, with the currency, as printed on a receipt. */
export function amountInWords(amountVnd: number): string {
  const text = `${numberInWords(amountVnd)} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
