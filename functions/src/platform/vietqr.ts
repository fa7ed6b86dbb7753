// VietQR (NAPAS 247 over EMVCo): the code a banking app scans to pay a fee by transfer (the fee notice of
// features/payments and the receipt slip of features/slips both print it, hence platform). The payload is built
// by the maintained `vietnam-qr-pay` package (QRIBFTTA: a transfer to an account, with the amount and the
// payment reference as the transfer's content), checked in vietqr.test.ts against published examples of two
// independent implementations; the image is drawn by `qrcode` as an SVG.
import QRCode from 'qrcode';
import { Banks, QRPay } from 'vietnam-qr-pay';
import type { VietQrView } from '../contract/index.js';

/** The account fees are paid into (parameters FEE_ACCOUNT_BIN, FEE_ACCOUNT_NUMBER, FEE_ACCOUNT_NAME). */
export type FeeAccount = { readonly bin: string; readonly accountNumber: string; readonly accountName: string };

/** What is wrong with the configured account, if anything (a fee notice without a usable QR is refused, not printed wrong). */
export function feeAccountProblem(account: FeeAccount): string | undefined {
  if (!/^\d{6}$/.test(account.bin)) return 'FEE_ACCOUNT_BIN must be a 6-digit NAPAS bank BIN';
  if (!/^[0-9A-Za-z]{1,19}$/.test(account.accountNumber)) return 'FEE_ACCOUNT_NUMBER must be 1–19 letters or digits';
  if (account.accountName.trim() === '') return 'FEE_ACCOUNT_NAME is not set';
  return undefined;
}

export function bankNameOf(bin: string): string {
  return Banks.find((b) => b.bin === bin)?.name ?? `Ngân hàng mã BIN ${bin}`;
}

/** The payload of a dynamic VietQR: this account, this amount, the reference as the transfer's content. */
export function vietQrPayload(account: FeeAccount, amountVnd: number, reference: string): string {
  return QRPay.initVietQR({ bankBin: account.bin, bankNumber: account.accountNumber, amount: String(amountVnd), purpose: reference }).build();
}

/** What a banking app reads from a payload; undefined when it is not a valid VietQR (bad CRC, another scheme). */
export function readVietQr(payload: string): { bin: string; accountNumber: string; amountVnd: number | undefined; purpose: string | undefined } | undefined {
  const qr = new QRPay(payload);
  if (!qr.isValid || qr.provider.name !== 'VIETQR' || !qr.consumer.bankBin || !qr.consumer.bankNumber) return undefined;
  return {
    bin: qr.consumer.bankBin,
    accountNumber: qr.consumer.bankNumber,
    amountVnd: qr.amount === undefined ? undefined : Number(qr.amount),
    purpose: qr.additionalData.purpose,
  };
}

export async function vietQrView(account: FeeAccount, amountVnd: number, reference: string): Promise<VietQrView> {
  const payload = vietQrPayload(account, amountVnd, reference);
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    payload,
    image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    bankBin: account.bin,
    bankName: bankNameOf(account.bin),
    accountNumber: account.accountNumber,
    accountName: account.accountName,
  };
}
