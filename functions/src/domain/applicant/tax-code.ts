// Mã số thuế / mã số doanh nghiệp (Circular 105/2020/TT-BTC, Art. 5): ten digits whose tenth is a check
// digit over the first nine, and for a dependent unit or branch a three-digit suffix `-001`…`-999`.
// The check digit is 10 − (Σ wᵢ·dᵢ mod 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3; a sum whose
// remainder is 0 would need "10", so no issued code has it. Digits 3–9 are a sequence that starts at 1.

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit of the first nine digits, or undefined when none exists (remainder 0). */
export function taxCodeCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(firstNine[i]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

export type TaxCodeProblem = 'format' | 'checksum' | 'sequence' | 'branch';

/** What is wrong with a tax code written `0123456789` or `0123456789-001` (hyphen optional), or undefined. */
export function taxCodeProblem(input: string): TaxCodeProblem | undefined {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(input);
  if (!match) return 'format';
  const main = match[1]!;
  if (main.slice(2, 9) === '0000000') return 'sequence';
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return 'checksum';
  if (match[2] === '000') return 'branch';
  return undefined;
}

/** The same code in its stored form: ten digits, or ten digits, a hyphen and the branch suffix. */
export function normaliseTaxCode(input: string): string {
  const match = /^(\d{10})-?(\d{3})?$/.exec(input);
  if (!match) return input;
  return match[2] === undefined ? match[1]! : `${match[1]!}-${match[2]}`;
}
