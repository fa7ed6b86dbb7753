// Fees through the real Emulator Suite: a fee notice with its VietQR code when handling asks for payment
// (status 6), the gateway's signed redirect, and its signed notifications — valid, forged, replayed, with the
// wrong amount, cancelled — as the local stand-in (the gateway, and the bank for a VietQR transfer) sends
// them. A valid one confirms the payment as the system, with an e-receipt, in one transaction. docs/SYNC.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { QRPay } from 'vietnam-qr-pay';
import { signVnp } from '../../scripts/lib/portal-stand-in.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, call, driveDossier, tryAct, type DossierRef } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';
import { bankTransfer, devSecret, localParam } from '../support/portal.js';

const { db, auth } = admin();
const { citizenA, citizenB, leadX, receptionistX, handlerY, monitor } = IDENTITIES;

beforeAll(async () => {
  await loadDemoData(db, auth);
});

/** A dossier being handled at the desk, asked to pay the replacement fee. */
async function awaitingFee(amountVnd = 50_000): Promise<DossierRef & { reference: string }> {
  let d = await driveDossier({ until: 'received' });
  d = await act(d, leadX, { type: 'assign', handlerId: 'handler-at-desk' });
  d = await act(d, leadX, { type: 'requestPayment', amountVnd, description: 'Lệ phí cấp đổi Giấy chứng nhận' });
  const answer = await api('getDossierPayment', { params: { dossierId: d.id } }, citizenA);
  expect(answer.status, answer.text).toBe(200);
  return { ...d, reference: answer.body.feeNotice!.reference };
}

/** The gateway's notification for a payment of this reference, signed with `secret` (the gateway's by default). */
function notification(reference: string, amountVnd: number, extra: Record<string, string> = {}, secret = devSecret('PAYMENT_HASH_SECRET')): Record<string, string> {
  return signVnp(
    {
      vnp_Amount: String(amountVnd * 100),
      vnp_BankCode: 'NCB',
      vnp_CardType: 'ATM',
      vnp_OrderInfo: 'Thanh toan phi ho so',
      vnp_PayDate: '20261203101500',
      vnp_ResponseCode: '00',
      vnp_TmnCode: localParam('PAYMENT_TMN_CODE'),
      vnp_TransactionNo: String(20_000_000 + Math.floor(Math.random() * 1_000_000)),
      vnp_TransactionStatus: '00',
      vnp_TxnRef: reference,
      ...extra,
    },
    secret,
  );
}

const ipn = (params: Record<string, string>) => api('paymentIpn', { query: params });

/** What a payment left behind: the dossier, its order, its receipts. */
async function state(d: DossierRef & { reference: string }) {
  const [dossier, order, receipts] = await Promise.all([
    db.doc(`dossiers/${d.id}`).get(),
    db.doc(`paymentOrders/${d.reference}`).get(),
    db.collection('receipts').where('dossierId', '==', d.id).get(),
  ]);
  return { status: dossier.get('status') as string, version: dossier.get('version') as number, order: order.data()!, receipts: receipts.docs.map((r) => r.data()) };
}

describe('the fee notice', () => {
  it('shows the amount, in words, and a VietQR code that pays it into the fee account with the reference', async () => {
    const d = await awaitingFee();
    const answer = await api('getDossierPayment', { params: { dossierId: d.id } }, citizenA);
    const notice = answer.body.feeNotice!;
    expect(notice).toMatchObject({ amountVnd: 50_000, amountInWords: 'Năm mươi nghìn đồng', description: 'Lệ phí cấp đổi Giấy chứng nhận', state: 'open', paidAt: null });
    expect(notice.reference).toMatch(/^[0-9A-Z]{1,25}$/);
    expect(notice.reference).toBe(`${d.code.replace(/[.-]/g, '')}V${d.version}`);
    const qr = new QRPay(notice.vietQr!.payload);
    expect(qr.isValid).toBe(true);
    expect([qr.consumer.bankBin, qr.consumer.bankNumber, qr.amount, qr.additionalData.purpose]).toEqual([localParam('FEE_ACCOUNT_BIN'), '0071000123456', '50000', notice.reference]);
    expect(notice.vietQr!.image).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(answer.body).toMatchObject({ receipts: [], canPayOnline: true });

    // The officers see it too, without the button; another citizen learns nothing.
    const officer = await api('getDossierPayment', { params: { dossierId: d.id } }, receptionistX);
    expect(officer.body).toMatchObject({ canPayOnline: false, feeNotice: { reference: notice.reference } });
    expect((await api('getDossierPayment', { params: { dossierId: d.id } }, monitor)).status).toBe(200);
    for (const who of [citizenB, handlerY]) expect((await api('getDossierPayment', { params: { dossierId: d.id } }, who)).status).toBe(404);
  });

  it('is issued once per request, in the transaction of the request: no notice without status 6', async () => {
    const d = await driveDossier({ until: 'received' });
    const answer = await api('getDossierPayment', { params: { dossierId: d.id } }, citizenA);
    expect(answer.body).toEqual({ dossierId: d.id, feeNotice: null, receipts: [], canPayOnline: false });
  });
});

describe('paying through the gateway', () => {
  it('sends the owner to the gateway with a signed redirect for the open notice only', async () => {
    const d = await awaitingFee();
    const started = await api('startGatewayPayment', { params: { dossierId: d.id }, body: { reference: d.reference } }, citizenA);
    expect(started.status, started.text).toBe(200);
    const url = new URL(started.body.redirectUrl);
    expect(`${url.origin}${url.pathname}`).toBe(localParam('PAYMENT_GATEWAY_URL'));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ vnp_TxnRef: d.reference, vnp_Amount: '5000000', vnp_TmnCode: 'MOTCUA01', vnp_ReturnUrl: `http://127.0.0.1:5000/ho-so/${d.id}` });
    expect(url.searchParams.get('vnp_SecureHash')).toMatch(/^[0-9a-f]{128}$/);
    // The gateway (the stand-in) accepts that signature: its page shows the order.
    const page = await fetch(started.body.redirectUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('50.000 đ');

    const stale = await api('startGatewayPayment', { params: { dossierId: d.id }, body: { reference: 'OTHERREFV1' } }, citizenA);
    expect([stale.status, stale.body.error?.reason]).toEqual([409, 'notPayable']);
    expect((await api('startGatewayPayment', { params: { dossierId: d.id }, body: { reference: d.reference } }, leadX)).status).toBe(403);
    expect((await api('startGatewayPayment', { params: { dossierId: d.id }, body: { reference: d.reference } }, citizenB)).status).toBe(404);
    const bad = await call('POST', `/dossiers/${d.id}/payment/gateway`, citizenA, { reference: 'has spaces', amount: 1 });
    expect(bad.status).toBe(400);
  });

  it('a forged notification, then the wrong amount, change nothing; a valid one confirms the payment as the system with an e-receipt; its replay changes nothing', async () => {
    const d = await awaitingFee();
    const before = await state(d);

    const forged = await ipn(notification(d.reference, 50_000, {}, 'not-the-gateway-secret'));
    expect([forged.status, forged.body.RspCode]).toEqual([200, '97']);
    const tampered = { ...notification(d.reference, 50_000), vnp_Amount: '500000' };
    expect((await ipn(tampered)).body.RspCode).toBe('97');
    const wrongAmount = await ipn(notification(d.reference, 5_000));
    expect(wrongAmount.body).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    expect((await ipn(notification('NOSUCHREFV1', 50_000))).body.RspCode).toBe('01');
    expect(await state(d)).toEqual(before);

    const valid = notification(d.reference, 50_000);
    const confirmed = await ipn(valid);
    expect(confirmed.body).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const after = await state(d);
    expect(after).toMatchObject({ status: 'processing', version: before.version + 1, order: { state: 'paid', method: 'gateway', transactionNo: valid.vnp_TransactionNo } });
    const event = (await db.doc(`dossiers/${d.id}/events/${String(after.version).padStart(6, '0')}`).get()).data()!;
    expect(event).toMatchObject({ type: 'confirmPayment', actor: { role: 'system', userId: 'payment-gateway' } });
    expect((await db.doc(`dossiers/${d.id}`).get()).get('payment')).toMatchObject({ amountVnd: 50_000, paidOnline: true, reference: `Cổng thanh toán ${valid.vnp_TransactionNo}` });
    expect(after.receipts).toHaveLength(1);
    expect(after.receipts[0]).toMatchObject({
      number: expect.stringMatching(/^2026\/\d{7}$/),
      reference: d.reference,
      dossierCode: d.code,
      payer: 'Nguyễn Thị Hoà',
      amountVnd: 50_000,
      amountInWords: 'Năm mươi nghìn đồng',
      method: 'gateway',
      transactionNo: valid.vnp_TransactionNo,
      issuedBy: '000.00.01.H99',
    });

    // The gateway notifies again (it does until it hears 00): nothing new.
    expect((await ipn(valid)).body).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect((await ipn(notification(d.reference, 50_000))).body.RspCode).toBe('02'); // another transaction for a paid order
    expect(await state(d)).toEqual(after);

    // The citizen and the officer see it; the portal is told it was paid online (its outbox request, written
    // in the same transaction; delivering it is test/emulator/portal-sync.test.ts's business).
    const shown = await api('getDossierPayment', { params: { dossierId: d.id } }, citizenA);
    expect(shown.body).toMatchObject({ canPayOnline: false, feeNotice: { state: 'paid' }, receipts: [{ number: after.receipts[0]!.number, method: 'gateway', amountInWords: 'Năm mươi nghìn đồng' }] });
    const sync = (await db.doc(`portalSyncRequests/${d.id}_${String(after.version).padStart(6, '0')}`).get()).data()!;
    expect(sync.messages[0]).toMatchObject({ service: 'DongBoHoSoMC', body: { TrangThaiHoSo: 4, DuocThanhToanTrucTuyen: true, DanhSachLePhi: [expect.objectContaining({ DaThanhToan: true, ThanhToanTrucTuyen: true })] } });
  });

  it('a cancelled payment is noted on the order and leaves the dossier waiting', async () => {
    const d = await awaitingFee();
    const cancelled = await ipn(notification(d.reference, 50_000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }));
    expect(cancelled.body.RspCode).toBe('00');
    const after = await state(d);
    expect(after).toMatchObject({ status: 'awaitingPayment', receipts: [], order: { state: 'open', lastFailure: { responseCode: '24' } } });
  });

  it('a payment reported after the dossier moved on is kept for a refund, not applied', async () => {
    const d = await awaitingFee();
    const confirmedAtDesk = await tryAct(d, leadX, { type: 'confirmPayment', reference: 'Biên lai giấy 0001' });
    expect(confirmedAtDesk.status, confirmedAtDesk.text).toBe(200);
    const late = await ipn(notification(d.reference, 50_000));
    expect(late.body.RspCode).toBe('02');
    const after = await state(d);
    expect(after).toMatchObject({ status: 'processing', receipts: [], order: { state: 'open', latePayment: { amountVnd: 50_000, dossierStatus: 'processing' } } });
  });

  it('verifies what the browser brings back, for display only', async () => {
    const d = await awaitingFee();
    const back = await api('paymentReturn', { query: notification(d.reference, 50_000) });
    expect(back.body).toMatchObject({ verified: true, success: true, reference: d.reference, dossierId: d.id, amountVnd: 50_000 });
    const forged = await api('paymentReturn', { query: notification(d.reference, 50_000, {}, 'wrong') });
    expect(forged.body).toMatchObject({ verified: false, success: false, reference: null, dossierId: null });
    expect((await state(d)).status).toBe('awaitingPayment');
  });

  it('refuses what is not a notification with a structured 400', async () => {
    for (const path of ['/payments/vnpay/ipn', '/payments/vnpay/ipn?vnp_TxnRef=A', '/payments/vnpay/return?vnp_Amount=x&vnp_TxnRef=A&vnp_ResponseCode=00&vnp_SecureHash=y']) {
      const res = await call('GET', path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 400, 'invalid-argument']);
    }
  });
});

describe('paying by bank transfer (VietQR)', () => {
  it('the bank’s notice of a transfer made from the fee notice’s code settles it, once', async () => {
    const d = await awaitingFee(75_000);
    const notice = (await api('getDossierPayment', { params: { dossierId: d.id } }, citizenA)).body.feeNotice!;
    const exchange = await bankTransfer(notice.vietQr!.payload);
    expect(exchange.answer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const after = await state(d);
    expect(after).toMatchObject({ status: 'processing', order: { state: 'paid', method: 'bankTransfer' } });
    expect(after.receipts).toEqual([expect.objectContaining({ method: 'bankTransfer', amountVnd: 75_000, amountInWords: 'Bảy mươi lăm nghìn đồng', vietQrPayload: notice.vietQr!.payload })]);
    // The same transfer reported twice.
    expect((await bankTransfer(notice.vietQr!.payload)).answer).toMatchObject({ RspCode: '02' });
    expect((await state(d)).receipts).toHaveLength(1);
  });
});


