import { describe, expect, it } from 'vitest';
import { DOSSIER_IN } from '../../../../test/fixtures/lifecycle.js';
import { amountInWords, numberInWords } from './amount-in-words.js';
import { checkPayment, feeNoticeOf, formatReceiptNumber } from './fee-notice.js';
import { dossierPaymentReference, isPaymentReference, MAX_REFERENCE_LENGTH, paymentReference } from './payment-reference.js';

describe('amount in words (as receipts print it)', () => {
  // Readings written out by hand, with the reading rules: linh, mốt, lăm, tư, mười, không trăm.
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_000, 'Một nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [150_000, 'Một trăm năm mươi nghìn đồng'],
    [1_500_000, 'Một triệu năm trăm nghìn đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [2_005_000, 'Hai triệu không trăm linh năm nghìn đồng'],
    [12_345_678, 'Mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_200_000_001, 'Một tỷ hai trăm triệu không trăm linh một đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses what is not a whole non-negative number of đồng', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) expect(() => numberInWords(bad)).toThrow(RangeError);
  });
});

describe('payment reference (transfer content, gateway order)', () => {
  it('is the code without separators and the notice’s version', () => {
    expect(paymentReference('000.00.01.H99-261203-0001', 7)).toBe('0000001H992612030001V7');
    expect(paymentReference('G09.20-20260609-0092637', 12)).toBe('G0920202606090092637V12');
  });

  it('stays within a VietQR purpose field (25) and readable for long codes', () => {
    const long = paymentReference('000.00.14.H99-20260609-0092637', 123);
    expect(long.length).toBeLessThanOrEqual(MAX_REFERENCE_LENGTH);
    expect(long).toMatch(/^[0-9A-F]{4}202606090092637V123$/);
    // Another issuer with the same date and sequence gets another reference.
    expect(paymentReference('000.00.15.H99-20260609-0092637', 123)).not.toBe(long);
    expect(isPaymentReference(long)).toBe(true);
    expect(isPaymentReference('0000001H99-2612')).toBe(false);
  });

  it('the receipt’s reference names the dossier alone, and never matches one of its notices', () => {
    expect(dossierPaymentReference('000.00.01.H99-261203-0001')).toBe('0000001H992612030001');
    // Without a version suffix a long code still fits whole (25 characters); a longer one keeps its date and number.
    expect(dossierPaymentReference('000.00.14.H99-20260609-0092637')).toBe('0000014H99202606090092637');
    const long = dossierPaymentReference('000.00.14.H99-20260609-009263799');
    expect(long).toMatch(/^[0-9A-F]{4}20260609009263799$/);
    expect(isPaymentReference(long)).toBe(true);
    for (const version of [1, 7, 123]) expect(paymentReference('000.00.01.H99-261203-0001', version)).not.toBe(dossierPaymentReference('000.00.01.H99-261203-0001'));
  });

  it('refuses a version that no notice can have', () => {
    expect(() => paymentReference('000.00.01.H99-261203-0001', 0)).toThrow(RangeError);
  });
});

describe('fee notice and settling it', () => {
  const dossier = DOSSIER_IN.awaitingPayment;
  it('is issued by requestPayment only, with the amount in words and the reference', () => {
    expect(feeNoticeOf(dossier, { type: 'requestPayment', version: 5 })).toEqual({
      dossierId: 'dossier-1',
      code: '000.00.01.H99-260714-0001',
      version: 5,
      amountVnd: 1_500_000,
      amountInWords: 'Một triệu năm trăm nghìn đồng',
      description: 'Tiền sử dụng đất',
      requestedAt: dossier.payment!.requestedAt,
      reference: '0000001H992607140001V5',
    });
    expect(feeNoticeOf(dossier, { type: 'confirmPayment', version: 6 })).toBeUndefined();
    expect(feeNoticeOf(DOSSIER_IN.processing, { type: 'requestPayment', version: 5 })).toBeUndefined();
  });

  it('is settled by the exact amount, once, while the dossier awaits it', () => {
    expect(checkPayment({ amountVnd: 150_000, paid: false }, 'awaitingPayment', 150_000)).toEqual({ ok: true });
    expect(checkPayment({ amountVnd: 150_000, paid: false }, 'awaitingPayment', 15_000)).toEqual({ ok: false, reason: 'amountMismatch' });
    expect(checkPayment({ amountVnd: 150_000, paid: false }, 'awaitingPayment', 150_001)).toEqual({ ok: false, reason: 'amountMismatch' });
    expect(checkPayment({ amountVnd: 150_000, paid: true }, 'processing', 150_000)).toEqual({ ok: false, reason: 'alreadyPaid' });
    expect(checkPayment({ amountVnd: 150_000, paid: false }, 'stopped', 150_000)).toEqual({ ok: false, reason: 'notPayable' });
  });

  it('numbers receipts per year', () => {
    expect(formatReceiptNumber(2026, 123)).toBe('2026/0000123');
    expect(() => formatReceiptNumber(2026, 0)).toThrow(RangeError);
  });
});
