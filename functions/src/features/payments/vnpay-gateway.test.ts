import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signVnp, vnpSignature } from '../../../../scripts/lib/portal-stand-in.js';
import { vnpayGateway } from './vnpay-gateway.js';

const SECRET = 'K7FZ34WQ69Z060J60IGJTWH4H4UK4JQA';
const gateway = vnpayGateway({ paymentUrl: 'http://127.0.0.1:5090/vnpay/paymentv2/vpcpay.html', tmnCode: 'MOTCUA01', hashSecret: SECRET });
const createdAt = new Date('2026-12-03T02:05:09Z'); // 09:05:09 in Vietnam

describe('the signed redirect (VNPAY 2.1.0, HMAC-SHA512)', () => {
  const url = new URL(
    gateway.paymentUrl({
      reference: '0000001H992612030001V7',
      amountVnd: 50_000,
      orderInfo: 'Thanh toan phi ho so 000.00.01.H99-261203-0001',
      returnUrl: 'http://127.0.0.1:5000/ho-so/abc',
      ipAddr: '127.0.0.1',
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 15 * 60_000),
    }),
  );
  const params = Object.fromEntries(url.searchParams);

  it('goes to the configured page with the order in the gateway’s units and Vietnam time', () => {
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:5090/vnpay/paymentv2/vpcpay.html');
    expect(params).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: 'MOTCUA01',
      vnp_Amount: '5000000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: '0000001H992612030001V7',
      vnp_CreateDate: '20261203090509',
      vnp_ExpireDate: '20261203092009',
      vnp_ReturnUrl: 'http://127.0.0.1:5000/ho-so/abc',
    });
  });

  it('is signed over the sorted, form-encoded parameters, as written out here by hand', () => {
    const { vnp_SecureHash: hash, ...rest } = params;
    const canonical = Object.keys(rest)
      .sort()
      .map((k) => `${k}=${encodeURIComponent(rest[k]!).replace(/%20/g, '+')}`)
      .join('&');
    expect(canonical).toContain('vnp_OrderInfo=Thanh+toan+phi+ho+so+000.00.01.H99-261203-0001');
    expect(hash).toBe(createHmac('sha512', SECRET).update(canonical).digest('hex'));
    // The stand-in (the gateway's side, written independently) agrees.
    expect(vnpSignature(params, SECRET)).toBe(hash);
  });
});

describe('verifying the gateway’s notification', () => {
  const paid = {
    vnp_Amount: '5000000',
    vnp_BankCode: 'NCB',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: 'Thanh toan phi ho so 000.00.01.H99-261203-0001',
    vnp_PayDate: '20261203091000',
    vnp_ResponseCode: '00',
    vnp_TmnCode: 'MOTCUA01',
    vnp_TransactionNo: '14831393',
    vnp_TransactionStatus: '00',
    vnp_TxnRef: '0000001H992612030001V7',
  };

  it('accepts the gateway’s signature and reads the payment', () => {
    expect(gateway.verify(signVnp(paid, SECRET))).toEqual({
      verified: true,
      success: true,
      reference: '0000001H992612030001V7',
      amountVnd: 50_000,
      transactionNo: '14831393',
      bankCode: 'NCB',
      cardType: 'ATM',
      payDate: '20261203091000',
      responseCode: '00',
    });
  });

  it('reports a cancelled payment as verified but not successful', () => {
    expect(gateway.verify(signVnp({ ...paid, vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }, SECRET))).toMatchObject({ verified: true, success: false });
  });

  it('refuses a forged one: another secret, or an amount changed after signing', () => {
    expect(gateway.verify(signVnp(paid, 'not-the-secret'))?.verified).toBe(false);
    expect(gateway.verify({ ...signVnp(paid, SECRET), vnp_Amount: '500000000' })?.verified).toBe(false);
  });

  it('is not a notification without its reference, amount, response code or hash', () => {
    for (const key of ['vnp_TxnRef', 'vnp_Amount', 'vnp_ResponseCode', 'vnp_SecureHash'] as const) {
      const signed: Record<string, string> = signVnp(paid, SECRET);
      delete signed[key];
      expect(gateway.verify(signed)).toBeUndefined();
    }
    expect(gateway.verify({ ...signVnp(paid, SECRET), vnp_Amount: 'lots' })).toBeUndefined();
  });
});
