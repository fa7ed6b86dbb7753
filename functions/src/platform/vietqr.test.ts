import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Banks, QRPay } from 'vietnam-qr-pay';
import { feeAccountProblem, readVietQr, vietQrPayload } from './vietqr.js';

// EMVCo's CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over the payload up to and including "6304",
// written here independently of the package, so a payload's checksum is checked by two implementations.
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

describe('VietQR payloads', () => {
  it('matches the package’s published dynamic example (ACB 257678859, 10 000 đ, "Chuyen tien")', () => {
    expect(vietQrPayload({ bin: '970416', accountNumber: '257678859', accountName: 'X' }, 10_000, 'Chuyen tien')).toBe(
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6',
    );
  });

  it('matches another implementation’s published example (napas-qr: a bill number and a purpose)', () => {
    const qr = QRPay.initVietQR({ bankBin: '970416', bankNumber: '224528479', amount: '10000', purpose: 'TRANSFER TO SOMEONE' });
    qr.additionalData.billNumber = 'NPS6869';
    expect(qr.build()).toBe('00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13');
  });

  it('carries the fee’s amount and reference, with a CRC an independent implementation agrees with', () => {
    const payload = vietQrPayload({ bin: '970436', accountNumber: '0071000123456', accountName: 'KHO BAC' }, 150_000, '0000001H992612030001V7');
    expect(payload.slice(-4)).toBe(crc16(payload.slice(0, -4)));
    expect(payload).toContain('5406150000'); // tag 54 (amount), length 06
    expect(payload).toContain('0822' + '0000001H992612030001V7'); // purpose (62.08), length 22
    expect(readVietQr(payload)).toEqual({ bin: '970436', accountNumber: '0071000123456', amountVnd: 150_000, purpose: '0000001H992612030001V7' });
  });

  it('reads no payment from a tampered payload', () => {
    const payload = vietQrPayload({ bin: '970436', accountNumber: '0071000123456', accountName: 'KHO BAC' }, 150_000, 'REF1');
    expect(readVietQr(payload.replace('150000', '950000'))).toBeUndefined();
  });

  it('refuses an account that cannot make a valid code', () => {
    expect(feeAccountProblem({ bin: '97043', accountNumber: '1', accountName: 'A' })).toContain('BIN');
    expect(feeAccountProblem({ bin: '970436', accountNumber: '', accountName: 'A' })).toContain('FEE_ACCOUNT_NUMBER');
    expect(feeAccountProblem({ bin: '970436', accountNumber: '0071000123456', accountName: ' ' })).toContain('FEE_ACCOUNT_NAME');
    expect(feeAccountProblem({ bin: '970436', accountNumber: '0071000123456', accountName: 'KHO BAC' })).toBeUndefined();
  });
});

describe('the demo fee account (functions/.env.local)', () => {
  it('pays into a BIN no bank has, so a demo code scanned by a real banking app reaches no real bank', () => {
    const env = readFileSync(new URL('../../.env.local', import.meta.url), 'utf8');
    const bin = /^FEE_ACCOUNT_BIN=(.*)$/m.exec(env)?.[1]?.trim();
    expect(bin).toMatch(/^\d{6}$/);
    expect(Banks.map((b) => b.bin)).not.toContain(bin);
    // NAPAS members' BINs are 9704xx and 9710xx; ISO/IEC 7812 issues none that starts with 0.
    expect(bin).not.toMatch(/^97/);
    expect(feeAccountProblem({ bin: bin!, accountNumber: '0071000123456', accountName: 'KHO BAC (DEMO)' })).toBeUndefined();
  });
});
