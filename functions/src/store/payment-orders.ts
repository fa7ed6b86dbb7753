// Fee notices and receipts. A `requestPayment` transition writes `paymentOrders/{reference}` in its own
// transaction (the notice: amount, description, the reference a transfer or a gateway order carries), so a
// payment notice that arrives names an order that certainly exists, and the order is the one place a
// payment is recorded against: `open` until a valid notice settles it (`paid`, with the gateway's
// transaction), once. The settling transaction also writes the electronic receipt `receipts/{reference}`
// with its number from `counters/receipt_{agencyId}_{year}`.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { feeNoticeOf, type Dossier, type DossierEvent } from '../domain/index.js';
import { COUNTERS } from './dossier-codes.js';

export const PAYMENT_ORDERS = 'paymentOrders';
export const RECEIPTS = 'receipts';

export const paymentOrderRef = (db: Firestore, reference: string) => db.collection(PAYMENT_ORDERS).doc(reference);
export const receiptRef = (db: Firestore, reference: string) => db.collection(RECEIPTS).doc(reference);
/** The agency's receipt counter of the year (receipts are numbered per issuing agency and year). */
export const receiptCounterRef = (db: Firestore, agencyId: string, year: number) => db.collection(COUNTERS).doc(`receipt_${agencyId}_${year}`);

/** Writes the fee notice a transition issues, if it issues one (writes only). */
export function writeFeeNotice(db: Firestore, tx: Transaction, dossier: Dossier, event: DossierEvent): void {
  const notice = feeNoticeOf(dossier, event);
  if (!notice) return;
  tx.create(paymentOrderRef(db, notice.reference), {
    ...notice,
    receivingAgencyId: dossier.receivingAgencyId,
    ownerUserId: dossier.ownerUserId ?? null,
    state: 'open',
    paidAt: null,
  });
}
