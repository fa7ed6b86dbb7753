// Fees over HTTP: the fee notice with its VietQR code, starting a gateway payment, the gateway's signed
// notification (IPN) and return, and the receipts.
import type { PaymentMethod } from '../domain/payment/method-labels.js';

export type VietQrView = {
  /** The EMVCo/NAPAS payload a banking app reads. */
  payload: string;
  /** The same as an SVG image (data: URL) to show or print. */
  image: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
};

export type FeeNoticeView = {
  reference: string;
  amountVnd: number;
  amountInWords: string;
  description: string;
  requestedAt: string;
  state: 'open' | 'paid';
  paidAt: string | null;
  /** Null when no fee account is configured (then the notice says to pay at the desk or online). */
  vietQr: VietQrView | null;
};

export type ReceiptView = {
  number: string;
  reference: string;
  dossierCode: string;
  payer: string;
  amountVnd: number;
  amountInWords: string;
  description: string;
  method: PaymentMethod;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: string;
  issuedBy: string;
  issuedByName: string | null;
  /** The code the payment was made against (bank transfer): printed on the receipt for the bank's reconciliation. */
  vietQrPayload: string;
};

/** GET /api/dossiers/:dossierId/payment — the owner, officers in scope, admins. */
export type DossierPaymentAnswer = {
  dossierId: string;
  /** The open or latest fee notice, or null when no fee was asked. */
  feeNotice: FeeNoticeView | null;
  receipts: ReceiptView[];
  /** The caller may pay online now (the owner, while the dossier awaits payment). */
  canPayOnline: boolean;
};

/** POST /api/dossiers/:dossierId/payment/gateway — the owner starts paying through the gateway. */
export type GatewayPaymentBody = { reference: string };
export type GatewayPaymentAnswer = { redirectUrl: string; reference: string };

/** GET /api/payments/vnpay/ipn?vnp_… — the gateway's signed server-to-server notification; the answer is the gateway's protocol. */
export type PaymentIpnAnswer = { RspCode: string; Message: string };

/** GET /api/payments/vnpay/return?vnp_… — what the citizen's browser brings back; verified, for display only. */
export type PaymentReturnAnswer = { verified: boolean; success: boolean; reference: string | null; dossierId: string | null; amountVnd: number | null; message: { vi: string; en: string } };
