// The VNPAY adapter (protocol version 2.1.0, HMAC-SHA512), on the maintained `vnpay` package: it sorts the
// parameters, encodes them as a form query string and signs that string with the hash secret; the gateway
// signs its notifications the same way. The gateway's address is a parameter, so the local stand-in plays
// it under the emulators. Dates are passed in Vietnam time computed here (the package would otherwise
// read the host's clock and zone).
import { HashAlgorithm, ProductCode, VNPay, VnpLocale } from 'vnpay';
import { formatPortalTime } from '../../domain/index.js';
import type { GatewayNotice, GatewayOrder, PaymentGateway } from './gateway-port.js';

export type VnpayConfig = { paymentUrl: string; tmnCode: string; hashSecret: string };

/** Only the gateway's own parameters are signed: a return URL's other query parameters are not. */
export function vnpParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[0].startsWith('vnp_') && typeof e[1] === 'string'));
}

export function vnpayGateway(config: VnpayConfig): PaymentGateway {
  let client: VNPay | undefined;
  const vnpay = () => {
    if (client) return client;
    if (!config.paymentUrl || !config.tmnCode || !config.hashSecret) throw new Error('the payment gateway is not configured (PAYMENT_GATEWAY_URL, PAYMENT_TMN_CODE, PAYMENT_HASH_SECRET)');
    const url = new URL(config.paymentUrl);
    client = new VNPay({
      vnpayHost: url.origin,
      tmnCode: config.tmnCode,
      secureSecret: config.hashSecret,
      hashAlgorithm: HashAlgorithm.SHA512,
      vnp_Locale: VnpLocale.VN,
      endpoints: { paymentEndpoint: url.pathname.replace(/^\//, '') },
      enableLog: false,
    });
    return client;
  };
  return {
    paymentUrl(order: GatewayOrder): string {
      return vnpay().buildPaymentUrl({
        vnp_Amount: order.amountVnd,
        vnp_OrderInfo: order.orderInfo,
        vnp_OrderType: ProductCode.Other,
        vnp_TxnRef: order.reference,
        vnp_IpAddr: order.ipAddr,
        vnp_ReturnUrl: order.returnUrl,
        vnp_CreateDate: Number(formatPortalTime(order.createdAt)),
        vnp_ExpireDate: Number(formatPortalTime(order.expiresAt)),
      });
    },
    verify(params: Readonly<Record<string, string>>): GatewayNotice | undefined {
      const query = vnpParams(params);
      const reference = query.vnp_TxnRef;
      const amount = query.vnp_Amount;
      const responseCode = query.vnp_ResponseCode;
      if (!reference || !amount || !/^\d{1,15}$/.test(amount) || !query.vnp_SecureHash || responseCode === undefined) return undefined;
      const result = vnpay().verifyIpnCall({ ...query, vnp_TxnRef: reference, vnp_Amount: amount, vnp_OrderInfo: query.vnp_OrderInfo ?? '', vnp_ResponseCode: responseCode });
      return {
        verified: result.isVerified,
        success: result.isSuccess && (query.vnp_TransactionStatus === undefined || query.vnp_TransactionStatus === '00'),
        reference,
        // The gateway counts in hundredths of a đồng; the package divides back.
        amountVnd: Number(amount) / 100,
        transactionNo: query.vnp_TransactionNo ?? null,
        bankCode: query.vnp_BankCode ?? null,
        cardType: query.vnp_CardType ?? null,
        payDate: query.vnp_PayDate ?? null,
        responseCode,
      };
    },
  };
}
