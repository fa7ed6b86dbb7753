// Fees (Decree 118 Art. 24): when handling needs the applicant to pay before the result (status 6, "awaiting
// payment of the financial obligation"), the agency issues a fee notice; the applicant pays at the desk, by
// bank transfer (VietQR) or through a payment gateway, and gets an electronic receipt. This module decides,
// as pure code, what the notice says, whether a payment settles it, and how a receipt reads.
import type { Dossier } from '../dossier/dossier.js';
import { amountInWords } from './amount-in-words.js';
import { paymentReference } from './payment-reference.js';

/** The fee notice issued by a `requestPayment` transition. */
export type FeeNotice = {
  readonly dossierId: string;
  readonly code: string;
  /** The dossier version the notice was issued at (its `requestPayment` event). */
  readonly version: number;
  readonly amountVnd: number;
  readonly amountInWords: string;
  readonly description: string;
  readonly requestedAt: Date;
  /** What a transfer carries as its content and a gateway order as its reference. */
  readonly reference: string;
};

/** The notice a transition issues, if it issues one (only `requestPayment` does). */
export function feeNoticeOf(after: Pick<Dossier, 'id' | 'code' | 'payment'>, event: { readonly type: string; readonly version: number }): FeeNotice | undefined {
  if (event.type !== 'requestPayment' || after.payment === undefined || after.code === undefined) return undefined;
  return {
    dossierId: after.id,
    code: after.code,
    version: event.version,
    amountVnd: after.payment.amountVnd,
    amountInWords: amountInWords(after.payment.amountVnd),
    description: after.payment.description,
    requestedAt: after.payment.requestedAt,
    reference: paymentReference(after.code, event.version),
  };
}

export type PaymentRefusal = 'amountMismatch' | 'alreadyPaid' | 'notPayable';

/**
 * Whether a reported payment settles the notice: the exact amount (a partial or excess transfer is refused,
 * the desk sorts it out with the applicant), once, while the dossier still awaits it.
 */
export function checkPayment(
  notice: { readonly amountVnd: number; readonly paid: boolean },
  dossierStatus: string,
  paidAmountVnd: number,
): { ok: true } | { ok: false; reason: PaymentRefusal } {
  if (notice.paid) return { ok: false, reason: 'alreadyPaid' };
  if (paidAmountVnd !== notice.amountVnd) return { ok: false, reason: 'amountMismatch' };
  if (dossierStatus !== 'awaitingPayment') return { ok: false, reason: 'notPayable' };
  return { ok: true };
}

/** Receipt numbers run per issuing agency and year: `2026/0000123`. */
export function formatReceiptNumber(year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`invalid receipt sequence ${sequence}`);
  return `${year}/${String(sequence).padStart(7, '0')}`;
}

export { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from './method-labels.js';
