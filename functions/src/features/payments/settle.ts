// Settling a fee notice from a gateway's signed notification (or a bank's transfer notice relayed the same
// way): the signature, then the order, the amount and the dossier's state are checked, and the system
// confirms the payment (`confirmPayment`, status 6 → 4) in one transaction with the order marked paid and
// the electronic receipt issued. The answer is the gateway's protocol (RspCode), which tells it whether to
// notify again.
import type { Firestore } from 'firebase-admin/firestore';
import { amountInWords, applicantDisplayName, checkPayment, formatReceiptNumber, localDateOf, type PaymentMethod, type WorkingCalendar } from '../../domain/index.js';
import type { PaymentIpnAnswer } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import { logs } from '../../platform/logs.js';
import { dossierRef } from '../../store/dossiers.js';
import { paymentOrderRef, receiptCounterRef, receiptRef } from '../../store/payment-orders.js';
import { findAgency } from '../../store/reference-data.js';
import { runTransition } from '../../store/run-transition.js';
import type { GatewayNotice } from './gateway-port.js';

export const IPN = {
  success: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  badSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknown: { RspCode: '99', Message: 'Unknown error' },
} as const satisfies Record<string, PaymentIpnAnswer>;

/** The system actor that confirms payments reported by the gateway or the bank. */
export const PAYMENT_SYSTEM: Caller = { role: 'system', userId: 'payment-gateway' };

export type SettleDeps = { db: Firestore; now: () => Date; calendar: () => Promise<WorkingCalendar>; vietQrPayloadOf: (amountVnd: number, reference: string) => string };

/** A bank transfer reported through the gateway carries this card type; anything else was paid on the gateway's page. */
export function methodOf(notice: Pick<GatewayNotice, 'cardType'>): PaymentMethod {
  return notice.cardType === 'VIETQR' ? 'bankTransfer' : 'gateway';
}

class AlreadyPaid extends Error {}

/**
 * @idempotent by the order's reference: a replayed notification finds the order paid (or the transition's
 * idempotency record under `pay_{reference}`) and changes nothing; a forged one changes nothing at all.
 */
export async function settleNotice(deps: SettleDeps, notice: GatewayNotice): Promise<PaymentIpnAnswer> {
  const method = methodOf(notice);
  const answer = (a: PaymentIpnAnswer) => {
    logs.paymentNotification(notice.reference, a.RspCode, method);
    return a;
  };
  if (!notice.verified) return answer(IPN.badSignature);
  const { db } = deps;
  const orderSnap = await paymentOrderRef(db, notice.reference).get();
  if (!orderSnap.exists) return answer(IPN.orderNotFound);
  const order = orderSnap.data()!;
  const dossierId = order.dossierId as string;
  if (order.state === 'paid') return answer(IPN.alreadyConfirmed);
  if (notice.amountVnd !== order.amountVnd) return answer(IPN.invalidAmount);
  if (!notice.success) {
    // The applicant cancelled or the card was refused: noted on the order, nothing else changes.
    await orderSnap.ref.update({ lastFailure: { responseCode: notice.responseCode, at: deps.now(), transactionNo: notice.transactionNo } });
    return answer(IPN.success);
  }
  const calendar = await deps.calendar();
  const issuer = order.receivingAgencyId as string;
  const issuerName = (await findAgency(db, issuer))?.name.vi ?? null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const dossierSnap = await dossierRef(db, dossierId).get();
    const version = dossierSnap.get('version') as number | undefined;
    const status = dossierSnap.get('status') as string | undefined;
    if (version === undefined || status === undefined) return answer(IPN.orderNotFound);
    const check = checkPayment({ amountVnd: order.amountVnd as number, paid: false }, status, notice.amountVnd);
    if (!check.ok) {
      // Paid after the dossier moved on (stopped, withdrawn, confirmed at the desk): kept for a refund.
      await orderSnap.ref.update({ latePayment: { transactionNo: notice.transactionNo, amountVnd: notice.amountVnd, method, at: deps.now(), dossierStatus: status } });
      return answer(IPN.alreadyConfirmed);
    }
    try {
      const result = await runTransition(
        { db, now: deps.now, calendar },
        {
          dossierId,
          requestId: `pay_${notice.reference}`,
          caller: PAYMENT_SYSTEM,
          fingerprintOf: { reference: notice.reference, transactionNo: notice.transactionNo, amountVnd: notice.amountVnd },
          expectedVersion: version,
          prepare: async (dossier, tx, now) => {
            const orderRef = paymentOrderRef(db, notice.reference);
            const year = Number(localDateOf(now).slice(0, 4));
            const counterRef = receiptCounterRef(db, issuer, year);
            const [fresh, counter] = await tx.getAll(orderRef, counterRef);
            if (fresh!.get('state') === 'paid') throw new AlreadyPaid();
            const sequence = ((counter!.get('next') as number | undefined) ?? 0) + 1;
            const label = method === 'bankTransfer' ? 'Chuyển khoản' : 'Cổng thanh toán';
            const receipt = {
              number: formatReceiptNumber(year, sequence),
              reference: notice.reference,
              dossierId,
              dossierCode: dossier.code ?? '',
              ownerUserId: dossier.ownerUserId ?? null,
              payer: applicantDisplayName(dossier.applicant),
              amountVnd: notice.amountVnd,
              amountInWords: amountInWords(notice.amountVnd),
              description: order.description as string,
              method,
              transactionNo: notice.transactionNo,
              bankCode: notice.bankCode,
              payDate: notice.payDate,
              paidAt: now,
              issuedBy: issuer,
              issuedByName: issuerName,
              vietQrPayload: deps.vietQrPayloadOf(notice.amountVnd, notice.reference),
            };
            return {
              request: { type: 'confirmPayment', reference: `${label} ${notice.transactionNo ?? notice.reference}` },
              writes: [
                () => tx.set(counterRef, { agencyId: issuer, year, next: sequence, updatedAt: now }),
                () => tx.create(receiptRef(db, notice.reference), receipt),
                () => tx.update(orderRef, { state: 'paid', paidAt: now, method, transactionNo: notice.transactionNo, bankCode: notice.bankCode, payDate: notice.payDate, receiptNumber: receipt.number }),
              ],
            };
          },
        },
      );
      return answer('duplicate' in result.body && result.body.duplicate === true ? IPN.alreadyConfirmed : IPN.success);
    } catch (err) {
      if (err instanceof AlreadyPaid) return answer(IPN.alreadyConfirmed);
      if (err instanceof ApiError && err.details.reason === 'requestIdReused') return answer(IPN.alreadyConfirmed);
      if (err instanceof ApiError && err.details.reason === 'staleVersion') continue; // another action came first: read again
      throw err;
    }
  }
  return answer(IPN.unknown);
}
