import { describe, expect, it } from 'vitest';
import { readVietQr } from '../../platform/vietqr.js';
import { componentRows, feeText, formatAddress, receiptFeeQr, slipApplicant } from './slip-sources.js';
import { lookupUrl, ratingUrl } from './slip-links.js';

describe('what the slips print from stored data', () => {
  it('fees in đồng with dot grouping, or that nothing is charged', () => {
    expect(feeText({ fees: [] })).toBe('Không thu phí');
    expect(feeText({ fees: [{ amountVnd: 1_500_000, description: { vi: 'Lệ phí cấp giấy', en: 'Issue fee' } }] })).toBe(
      '1.500.000 đồng (Lệ phí cấp giấy)',
    );
  });

  it('a fee due gives the receipt a VietQR code for the whole fee, referenced by the dossier code; none otherwise', () => {
    const account = { bin: '970436', accountNumber: '0071000123456', accountName: 'KHO BAC NHA NUOC' };
    const fees = [
      { amountVnd: 50_000, description: { vi: 'Lệ phí', en: 'Fee' } },
      { amountVnd: 25_000, description: { vi: 'Phí thẩm định', en: 'Appraisal fee' } },
    ];
    const qr = receiptFeeQr({ fees }, '000.00.01.H99-261127-0042', account)!;
    expect(qr).toMatchObject({ amount: '75.000 đồng', reference: '0000001H992611270042', accountNumber: '0071000123456', accountName: 'KHO BAC NHA NUOC', bankName: 'Ngân hàng TMCP Ngoại Thương Việt Nam' });
    expect(readVietQr(qr.payload)).toEqual({ bin: '970436', accountNumber: '0071000123456', amountVnd: 75_000, purpose: '0000001H992611270042' });
    // Nothing charged, no account, or an account that cannot make a valid code: no code at all.
    expect(receiptFeeQr({ fees: [] }, '000.00.01.H99-261127-0042', account)).toBeUndefined();
    expect(receiptFeeQr({ fees: [{ amountVnd: 0, description: { vi: 'Miễn', en: 'Waived' } }] }, '000.00.01.H99-261127-0042', account)).toBeUndefined();
    expect(receiptFeeQr({ fees }, '000.00.01.H99-261127-0042', undefined)).toBeUndefined();
    expect(receiptFeeQr({ fees }, '000.00.01.H99-261127-0042', { ...account, bin: '' })).toBeUndefined();
  });

  it('addresses keep a pre-2025 district only when there is one', () => {
    expect(formatAddress({ line: 'Số 1', communeName: 'Xã Ea Kao', provinceName: 'Tỉnh Đắk Lắk' })).toBe('Số 1, Xã Ea Kao, Tỉnh Đắk Lắk');
    expect(formatAddress({ line: 'Số 1', communeName: 'Xã Ea Kao', districtName: 'TP Buôn Ma Thuột', provinceName: 'Tỉnh Đắk Lắk' })).toBe(
      'Số 1, Xã Ea Kao, TP Buôn Ma Thuột, Tỉnh Đắk Lắk',
    );
  });

  it('an organisation prints its tax code and representative', () => {
    const a = slipApplicant({
      kind: 'organisation',
      name: 'Công ty TNHH Phương Nam',
      taxCode: '0123456789-001',
      representative: { fullName: 'Lê Văn Đức', title: 'Giám đốc' },
      phone: '+84912345678',
      address: { line: 'Số 5', communeName: 'Phường Tân Lợi', provinceName: 'Tỉnh Đắk Lắk' },
    });
    expect(a).toEqual({
      name: 'Công ty TNHH Phương Nam',
      identity: 'Mã số thuế: 0123456789-001; người đại diện: Lê Văn Đức, Giám đốc',
      phone: '+84912345678',
      address: 'Số 5, Phường Tân Lợi, Tỉnh Đắk Lắk',
    });
  });

  it('component rows take the names of the pinned procedure version', () => {
    const rows = componentRows(
      { components: [{ componentId: 'certificate', originals: 1, certifiedCopies: 0, copies: 2, attachments: [] }] },
      { components: [{ id: 'certificate', name: { vi: 'Giấy chứng nhận', en: 'Certificate' }, originals: 1, certifiedCopies: 0, copies: 0, mandatory: true }] },
    );
    expect(rows).toEqual([{ name: 'Giấy chứng nhận', originals: 1, certifiedCopies: 0, copies: 2 }]);
  });

  it('links carry the token and an encoded code, whatever trailing slash the origin has', () => {
    expect(lookupUrl('https://a.vn/', '000.00.01.H99-261127-0042', 'tok')).toBe('https://a.vn/tra-cuu/000.00.01.H99-261127-0042?t=tok');
    expect(ratingUrl('https://a.vn', 'X Y', 'tok')).toBe('https://a.vn/danh-gia/X%20Y?t=tok');
  });
});

describe('a filing on someone’s behalf', () => {
  it('names the filer and the basis on the applicant block', () => {
    const a = slipApplicant(
      { kind: 'person', fullName: 'Bùi Thị Mai', identity: { kind: 'citizenId', number: '079190001234' }, phone: '+84987654321', address: { line: '15 Hòa Bình', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } },
      { fullName: 'Trần Văn Bình', identity: { kind: 'citizenId', number: '038085004321' }, phone: '+84912000111', relation: 'authorised', authorisation: [] as never },
    );
    expect(a.name).toBe('Bùi Thị Mai');
    expect(a.filer).toBe('Trần Văn Bình, CCCD 038085004321, ĐT +84912000111, theo giấy ủy quyền');
  });
});
