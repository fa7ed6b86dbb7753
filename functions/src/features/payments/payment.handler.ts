// Fees over HTTP: the fee notice with its VietQR code and the receipts (GET …/payment), starting a payment on
// the gateway (POST …/payment/gateway), the gateway's notification (GET /payments/vnpay/ipn) and the
// browser's return (GET /payments/vnpay/return).
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { bi, dossierAccess, isPaymentReference, type PaymentMethod } from '../../domain/index.js';
import type { FeeNoticeView, ReceiptView } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk, type Caller } from '../../platform/auth.js';
import { dossierNotFound } from '../../platform/conflicts.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { DossierIdParam } from '../../platform/params.js';
import { parseInput } from '../../platform/parse.js';
import { dossierRef } from '../../store/dossiers.js';
import { PAYMENT_ORDERS, RECEIPTS } from '../../store/payment-orders.js';
import { revive } from '../../store/revive.js';
import type { PaymentGateway } from './gateway-port.js';
import { settleNotice, type SettleDeps } from './settle.js';
import { feeAccountProblem, vietQrView, type FeeAccount } from '../../platform/vietqr.js';
import { vnpParams } from './vnpay-gateway.js';

export type PaymentDeps = SettleDeps & {
  caller: (req: ApiRequest) => Promise<Caller>;
  gateway: () => PaymentGateway;
  gatewayConfigured: () => boolean;
  account: () => FeeAccount;
  origin: () => string;
};

const iso = (v: unknown): string | null => {
  const d = revive(v);
  return d instanceof Date ? d.toISOString() : null;
};

async function readableDossier(db: Firestore, caller: Caller, dossierId: string) {
  refuseKiosk(caller);
  const snap = await dossierRef(db, dossierId).get();
  if (!snap.exists) throw dossierNotFound();
  const d = snap.data()!;
  const agencyIds = Array.isArray(d.agencyIds) ? (d.agencyIds as string[]) : [];
  const ownerUserId = typeof d.ownerUserId === 'string' ? d.ownerUserId : undefined;
  if (dossierAccess({ agencyIds, ...(ownerUserId ? { ownerUserId } : {}) }, caller) === 'none') throw dossierNotFound();
  return { status: d.status as string, code: (d.code as string | undefined) ?? '', ownerUserId };
}

/** The latest fee notice of a dossier (index `dossierId ASC, version DESC`). */
async function latestOrder(db: Firestore, dossierId: string) {
  const snap = await db.collection(PAYMENT_ORDERS).where('dossierId', '==', dossierId).orderBy('version', 'desc').limit(1).get();
  return snap.docs[0]?.data();
}

/** GET /api/dossiers/:dossierId/payment */
export async function getDossierPayment(req: ApiRequest, deps: PaymentDeps): Promise<Reply<'getDossierPayment'>> {
  const caller = await deps.caller(req);
  const { dossierId } = parseInput(DossierIdParam, req.params);
  const dossier = await readableDossier(deps.db, caller, dossierId);
  const [order, receiptSnap] = await Promise.all([latestOrder(deps.db, dossierId), deps.db.collection(RECEIPTS).where('dossierId', '==', dossierId).get()]);
  const account = deps.account();
  let feeNotice: FeeNoticeView | null = null;
  if (order) {
    const reference = order.reference as string;
    const amountVnd = order.amountVnd as number;
    feeNotice = {
      reference,
      amountVnd,
      amountInWords: order.amountInWords as string,
      description: order.description as string,
      requestedAt: iso(order.requestedAt) ?? '',
      state: order.state === 'paid' ? 'paid' : 'open',
      paidAt: iso(order.paidAt),
      vietQr: feeAccountProblem(account) ? null : await vietQrView(account, amountVnd, reference),
    };
  }
  const receipts: ReceiptView[] = receiptSnap.docs
    .map((d) => d.data())
    .map((r) => ({
      number: r.number as string,
      reference: r.reference as string,
      dossierCode: r.dossierCode as string,
      payer: r.payer as string,
      amountVnd: r.amountVnd as number,
      amountInWords: r.amountInWords as string,
      description: r.description as string,
      method: r.method as PaymentMethod,
      transactionNo: (r.transactionNo as string | null) ?? null,
      bankCode: (r.bankCode as string | null) ?? null,
      paidAt: iso(r.paidAt) ?? '',
      issuedBy: r.issuedBy as string,
      issuedByName: (r.issuedByName as string | null) ?? null,
      vietQrPayload: r.vietQrPayload as string,
    }))
    .sort((a, b) => (a.paidAt < b.paidAt ? -1 : 1));
  const canPayOnline =
    caller.role === 'citizen' && dossier.ownerUserId === caller.userId && dossier.status === 'awaitingPayment' && feeNotice?.state === 'open' && deps.gatewayConfigured();
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { dossierId, feeNotice, receipts, canPayOnline } };
}

const GatewayPaymentRequest = z.strictObject({
  reference: z.string().refine(isPaymentReference, bi('Mã thanh toán không hợp lệ', 'invalid payment reference')).describe('Mã thanh toán của thông báo phí / the fee notice’s reference'),
});

function staleNotice(): ApiError {
  return new ApiError(
    'conflict',
    { vi: 'Thông báo phí này không còn chờ thanh toán. Vui lòng tải lại trang.', en: 'This fee notice no longer awaits payment. Please reload the page.' },
    [],
    { reason: 'notPayable' },
  );
}

/** The applicant's address as the gateway wants it (the first X-Forwarded-For entry behind Hosting). */
function clientIp(req: ApiRequest): string {
  const forwarded = req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || req.ip || '127.0.0.1';
}

/** POST /api/dossiers/:dossierId/payment/gateway — the owner is sent to the gateway's page to pay the open notice. */
export async function startGatewayPayment(req: ApiRequest, deps: PaymentDeps): Promise<Reply<'startGatewayPayment'>> {
  const caller = await deps.caller(req);
  const { dossierId } = parseInput(DossierIdParam, req.params);
  const body = parseInput(GatewayPaymentRequest, req.body);
  const dossier = await readableDossier(deps.db, caller, dossierId);
  if (caller.role !== 'citizen' || dossier.ownerUserId !== caller.userId) {
    throw new ApiError('permission-denied', { vi: 'Chỉ người nộp hồ sơ thanh toán trực tuyến.', en: 'Only the applicant pays online.' });
  }
  const order = await latestOrder(deps.db, dossierId);
  if (!order || order.reference !== body.reference || order.state === 'paid' || dossier.status !== 'awaitingPayment') throw staleNotice();
  if (!deps.gatewayConfigured()) {
    throw new ApiError('conflict', { vi: 'Chưa cấu hình cổng thanh toán trực tuyến.', en: 'No online payment gateway is configured.' }, [], { reason: 'gatewayNotConfigured' });
  }
  const now = deps.now();
  const redirectUrl = deps.gateway().paymentUrl({
    reference: body.reference,
    amountVnd: order.amountVnd as number,
    orderInfo: `Thanh toan phi ho so ${dossier.code}`,
    returnUrl: `${deps.origin()}/ho-so/${encodeURIComponent(dossierId)}`,
    ipAddr: clientIp(req),
    createdAt: now,
    expiresAt: new Date(now.getTime() + 15 * 60_000),
  });
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { redirectUrl, reference: body.reference } };
}

/** Query strings of the gateway: flat strings only, bounded. */
const GatewayQuery = z.record(z.string().max(64), z.string().max(1000));

function notANotification(): ApiError {
  return new ApiError('invalid-argument', { vi: 'Thiếu tham số của cổng thanh toán.', en: 'Not a payment gateway notification.' }, [{ path: 'query', message: { vi: 'Thiếu vnp_TxnRef, vnp_Amount, vnp_ResponseCode hoặc vnp_SecureHash', en: 'vnp_TxnRef, vnp_Amount, vnp_ResponseCode or vnp_SecureHash is missing' } }]);
}

/**
 * GET /api/payments/vnpay/ipn — the gateway's server-to-server notification (no sign-in: the signature is
 * the credential). Answers in the gateway's own terms: 00 confirmed, 01 no such order, 02 already
 * confirmed, 04 wrong amount, 97 bad signature.
 */
export async function paymentIpn(req: ApiRequest, deps: PaymentDeps): Promise<Reply<'paymentIpn'>> {
  const query = parseInput(GatewayQuery, req.query);
  const notice = deps.gateway().verify(vnpParams(query));
  if (!notice) throw notANotification();
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: await settleNotice(deps, notice) };
}

/** GET /api/payments/vnpay/return — the parameters the browser came back with, verified; for display only (the notification settles). */
export async function paymentReturn(req: ApiRequest, deps: PaymentDeps): Promise<Reply<'paymentReturn'>> {
  const query = parseInput(GatewayQuery, req.query);
  const notice = deps.gateway().verify(vnpParams(query));
  if (!notice) throw notANotification();
  const order = notice.verified ? (await deps.db.collection(PAYMENT_ORDERS).doc(notice.reference).get()).data() : undefined;
  const success = notice.verified && notice.success;
  const message = !notice.verified
    ? { vi: 'Kết quả thanh toán không hợp lệ (sai chữ ký).', en: 'The payment result is not valid (wrong signature).' }
    : success
      ? { vi: 'Thanh toán thành công. Biên lai điện tử sẽ hiện khi cổng thanh toán xác nhận.', en: 'Payment made. The e-receipt appears once the gateway confirms it.' }
      : { vi: 'Thanh toán chưa thành công hoặc đã bị hủy.', en: 'The payment did not go through or was cancelled.' };
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    body: { verified: notice.verified, success, reference: notice.verified ? notice.reference : null, dossierId: (order?.dossierId as string | undefined) ?? null, amountVnd: notice.verified ? notice.amountVnd : null, message },
  };
}
