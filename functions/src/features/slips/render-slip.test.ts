import { describe, expect, it } from 'vitest';
import { verifyLookupToken } from '../../domain/index.js';
import { pdfText, pdfWords, mediaBoxes, qrCodesInPdf, qrOnPage1 } from '../../../../test/support/pdf-probe.js';
import { readVietQr } from '../../platform/vietqr.js';
import { receiptFeeQr } from './slip-sources.js';
import { renderRegister } from './render-register.js';
import { renderSlip, shortAddress } from './render-slip.js';
import type { SlipData } from './slip-data.js';
import {
  apologyFixture,
  controlFixture,
  FIXTURE_CODE,
  FIXTURE_DOSSIER_ID,
  FIXTURE_ORIGIN,
  FIXTURE_SECRET,
  longName,
  receiptFixture,
  refusalFixture,
  registerFixture,
  supplementFixture,
  WORST_ORIGIN,
  worstReceipt,
} from '../../../../test/fixtures/slips.js';
import { MissingGlyphError } from './slip-font.js';

const A5 = '0 0 419.53 595.28';
const A4_LANDSCAPE = '0 0 841.89 595.28';
/** pdftotext -layout pads columns with spaces; compare words, not spacing. */
const squash = (text: string) => text.replace(/[ \t]+/g, ' ');
/** Words only, line breaks too: for a paragraph that may wrap anywhere. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function expectLines(text: string, lines: string[]): void {
  const flat = squash(text);
  for (const line of lines) expect(flat, `missing: ${line}`).toContain(line);
}

const COMMON = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'ỦY BAN NHÂN DÂN TỈNH BÌNH AN',
  `Mã hồ sơ: ${FIXTURE_CODE}`,
  'Người nộp hồ sơ: Nguyễn Thị Hoà',
  'Số căn cước công dân: 001190012345',
  'Địa chỉ: Số 12 đường Lê Lợi, Phường Đông Thành, Tỉnh Bình An',
  'Số điện thoại: +84912345678',
  'Email: hoa.nguyen@example.vn',
  'Bình An, ngày 27 tháng 11 năm 2026',
];

describe('forms 01–05 (A5)', () => {
  it('01 receipt: every field of the legal model, signatures of both sides', async () => {
    const pdf = await renderSlip(receiptFixture());
    expect(mediaBoxes(pdf)).toEqual([A5]);
    expectLines(pdfText(pdf), [
      ...COMMON,
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Quyển sổ: Sổ theo dõi hồ sơ năm 2026',
      `Số thứ tự trong sổ: ${FIXTURE_CODE}`,
      'Đơn đề nghị gia hạn sử dụng đất',
      'Giấy chứng nhận quyền sử dụng đất',
      'Bản chính',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định: 7 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 27 tháng 11 năm 2026',
      '6. Nhận kết quả tại: Bộ phận Một cửa (trực tiếp)',
      '7. Phí, lệ phí: Không thu phí',
      // Printed short, for typing (the public view by code); the QR code carries the token.
      `Tra cứu hồ sơ / Lookup: motcua.example.vn/tra-cuu/${FIXTURE_CODE}`,
      `motcua.example.vn/danh-gia/${FIXTURE_CODE}`,
      `Mã đánh giá tại quầy / Desk rating code: ${receiptFixture().ratingCode}`,
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Trần Văn Bình',
    ]);
    expect(flat(pdfText(pdf))).toContain('Đánh giá sự hài lòng / Rate the service:');
    expect(squash(pdfText(pdf))).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 08 tháng 12 năm 2026');
  });

  it('01 with a fee due: the VietQR code that pays it between the signatures, what it fills in under it, one page', async () => {
    const account = { bin: '970436', accountNumber: '0071000123456', accountName: 'KHO BAC NHA NUOC TINH BINH AN' };
    const feeQr = receiptFeeQr({ fees: [{ amountVnd: 50_000, description: { vi: 'Lệ phí', en: 'Fee' } }] }, FIXTURE_CODE, account)!;
    const pdf = await renderSlip(receiptFixture({ fee: '50.000 đồng (Lệ phí)', feeQr }));
    expect(mediaBoxes(pdf)).toEqual([A5]);
    expectLines(pdfText(pdf), [
      '7. Phí, lệ phí: 50.000 đồng (Lệ phí)',
      'Quét mã VietQR để nộp 50.000 đồng',
      'Ngân hàng TMCP Ngoại Thương Việt Nam',
      'Số tài khoản 0071000123456',
      `Nội dung ${feeQr.reference}`,
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Bình',
    ]);
    // A phone reads two codes: the lookup address at the top, then the transfer.
    const codes = qrCodesInPdf(pdf);
    expect(codes).toHaveLength(2);
    expect(codes[0]).toBe(receiptFixture().lookupUrl);
    expect(readVietQr(codes[1]!)).toEqual({ bin: '970436', accountNumber: '0071000123456', amountVnd: 50_000, purpose: feeQr.reference });
  }, 20_000); // rasterised and scanned for every code on the page: seconds on a loaded two-core machine

  it('01 at its fullest holds on one A5 page: signing desk, hotline and long site address, fee due, long names, six components', async () => {
    const account = { bin: '970436', accountNumber: '0071000123456', accountName: 'KHO BAC NHA NUOC TINH BINH AN' };
    const feeQr = receiptFeeQr({ fees: [{ amountVnd: 80_000, description: { vi: 'Lệ phí', en: 'Fee' } }] }, FIXTURE_CODE, account)!;
    const data = worstReceipt({ feeQr });
    const pdf = await renderSlip(data);
    expect(mediaBoxes(pdf)).toEqual([A5]);
    // Nothing dropped to get there: every field of the legal model, every component, both signatures.
    const text = flat(pdfText(pdf));
    for (const line of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${FIXTURE_CODE}`,
      'Quyển sổ: Sổ theo dõi hồ sơ năm 2026',
      'Số thứ tự trong sổ: 12345',
      `Người nộp hồ sơ: ${data.applicant.name}`,
      data.applicant.identity!,
      `Người nộp thay: ${data.applicant.filer!}`,
      `Địa chỉ: ${data.applicant.address}`,
      `Số điện thoại: ${data.applicant.phone}`,
      `Email: ${data.applicant.email!}`,
      `Nội dung yêu cầu giải quyết: ${data.procedureName}`,
      `Cơ quan có thẩm quyền giải quyết: ${data.competentAgency!}`,
      `Tra cứu hồ sơ / Lookup: ${shortAddress(data.lookupUrl)}`,
      'Đường dây nóng / Hotline: +84 (263) 3822-1111',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định: 30 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 27 tháng 11 năm 2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 08 tháng 12 năm 2026',
      '6. Nhận kết quả tại: Qua dịch vụ bưu chính công ích',
      `7. Phí, lệ phí: ${data.fee}`,
      `Mã đánh giá tại quầy / Desk rating code: ${data.ratingCode}`,
      `Đánh giá sự hài lòng / Rate the service: ${shortAddress(data.ratingUrl)}`,
      'Bình An, ngày 27 tháng 11 năm 2026',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Quét mã VietQR để nộp 80.000 đồng',
      `Nội dung ${feeQr.reference}`,
      'Nguyễn Trần Phương Thảo Quỳnh Hương',
    ]) {
      expect(text, `missing: ${line}`).toContain(line);
    }
    expect(shortAddress(data.lookupUrl).startsWith(new URL(WORST_ORIGIN).host)).toBe(true);
    // The names column (the text extraction mixes a wrapped cell with the counts beside it): every name whole.
    const words = pdfWords(pdf);
    const header = words.find((w) => w.word === 'Tên')!;
    const counts = words.find((w) => w.word === 'Bản' && w.yMin === header.yMin)!;
    const names = words
      .filter((w) => w.yMin > header.yMax && w.xMin >= header.xMin - 1 && w.xMax < counts.xMin)
      .map((w) => w.word)
      .join(' ')
      .replace(/\/ /g, '/'); // a cell may wrap after a slash: "11/" "ĐK)"
    for (const c of data.components) expect(names).toContain(c.name);
    const outside = words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > w.pageWidth || w.yMax > w.pageHeight);
    expect(outside).toEqual([]);
    // Both codes still read: the full lookup link with its token, and the transfer.
    const codes = qrCodesInPdf(pdf);
    expect(codes).toEqual([data.lookupUrl, feeQr.payload]);
  }, 20_000); // rasterised and scanned for every code on the page

  it('01 with more than a page holds: the components continue on a new page, the date and both signatures together after them', async () => {
    const components = Array.from({ length: 14 }, (_, i) => ({ name: longName(i), originals: 1, certifiedCopies: 0, copies: 1 }));
    const pdf = await renderSlip(worstReceipt({ components }));
    expect(new Set(mediaBoxes(pdf))).toEqual(new Set([A5]));
    const words = pdfWords(pdf);
    const pages = Math.max(...words.map((w) => w.page));
    expect(pages).toBeGreaterThan(1);
    const pageOf = (word: string) => words.filter((w) => w.word === word).map((w) => w.page);
    // The table's header repeats on the page it continues on; every component is printed.
    expect(pageOf('Tên').length).toBe(pages);
    const text = flat(pdfText(pdf));
    for (let i = 0; i < components.length; i++) expect(text).toContain(`người thừa kế thứ ${i + 1} –`);
    // The date line and the signature titles are on the last page, with the officer's name.
    expect(pageOf('NGƯỜI').every((p) => p === pages)).toBe(true);
    expect(pageOf('Bình').at(-1)).toBe(pages);
    expect(pageOf('Quỳnh').at(-1)).toBe(pages);
    expect(words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > w.pageWidth || w.yMax > w.pageHeight)).toEqual([]);
  });

  it('02 supplement request: items, reason, guidance, officer and phone', async () => {
    const pdf = await renderSlip(supplementFixture());
    expect(mediaBoxes(pdf)).toEqual([A5]);
    expectLines(pdfText(pdf), [
      ...COMMON,
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Lý do: Hồ sơ thiếu bản sao chứng thực giấy chứng nhận.',
      'Hướng dẫn: Mang bản chính để đối chiếu tại quầy số 3.',
      'Cán bộ hướng dẫn: Trần Văn Bình',
      'Số điện thoại: 0263 3822 111',
      'Bản sao chưa được chứng thực; nộp bản sao có',
    ]);
  });

  it('03 refusal: the specific reason and where the rules are', async () => {
    const pdf = await renderSlip(refusalFixture());
    expectLines(pdfText(pdf), [
      ...COMMON,
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Thửa đất đã hết thời hạn sử dụng trước ngày nộp đơn quá 6 tháng.',
      'Quy định về thủ tục này có tại:',
      '– Luật Đất đai 2024',
      `– ${FIXTURE_ORIGIN}/thu-tuc/1.012792`,
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ]);
  });

  it('04 apology: reception, original and new appointment, reason, apology, head of agency', async () => {
    const pdf = await renderSlip(apologyFixture());
    expect(mediaBoxes(pdf)).toEqual([A5]);
    expectLines(pdfText(pdf), [
      ...COMMON,
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Ngày tiếp nhận hồ sơ: 09 giờ 15 phút, ngày 27 tháng 11 năm 2026',
      'Hẹn trả kết quả: 16 giờ 00 phút, ngày 08 tháng 12 năm 2026',
      'Lý do chậm trả kết quả: Cần xác minh ranh giới thửa đất với xã lân cận.',
      'Chúng tôi chân thành xin lỗi ông/bà vì sự chậm trễ.',
      'Hẹn lại ngày trả kết quả: 16 giờ 00 phút, ngày 15 tháng 12 năm 2026',
      'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ',
    ]);
  });

  it('05 control slip: times, components and one row per handoff', async () => {
    const pdf = await renderSlip(controlFixture());
    expectLines(pdfText(pdf), [
      ...COMMON.filter((l) => !l.startsWith('Bình An')),
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 27 tháng 11 năm 2026',
      'Thời gian giải quyết theo quy định: 7 ngày làm việc',
      'Thời gian trả kết quả: 16 giờ 00 phút, ngày 08 tháng 12 năm 2026',
      'Quá trình giải quyết hồ sơ:',
      'Giao: Trung tâm Phục vụ hành chính',
      'Nhận: Văn phòng Đăng ký đất đai tỉnh',
      'Người giao:',
      'Người nhận:',
      'Đúng hạn',
      '10:00',
      '11:00',
    ]);
  });

  it.each([
    ['01', receiptFixture()],
    ['02', supplementFixture()],
    ['03', refusalFixture()],
    ['05', controlFixture()],
  ] as [string, SlipData][])('%s carries a QR code of the lookup address, printed beneath, whose token verifies', async (_form, data) => {
    const pdf = await renderSlip(data);
    const decoded = qrOnPage1(pdf);
    const expected = `${FIXTURE_ORIGIN}/tra-cuu/${FIXTURE_CODE}?t=`;
    expect(decoded).toBeDefined();
    expect(decoded!.startsWith(expected)).toBe(true);
    expect('lookupUrl' in data && decoded).toBe('lookupUrl' in data ? data.lookupUrl : false);
    const token = new URL(decoded!).searchParams.get('t')!;
    expect(verifyLookupToken(FIXTURE_DOSSIER_ID, token, FIXTURE_SECRET)).toBe(true);
    expect(verifyLookupToken('another-dossier', token, FIXTURE_SECRET)).toBe(false);
    const text = squash(pdfText(pdf)).replace(/\?\s+t=/, '?t=');
    if (data.purpose === 'receipt') {
      // The receipt prints the address short (host and code) so that it never wraps off its one page.
      expect(text).toContain(shortAddress(decoded!));
      expect(text).not.toContain(token);
    } else {
      expect(text).toContain(decoded!);
    }
  });

  it('04 has no QR code (the law asks for none)', async () => {
    expect(qrOnPage1(await renderSlip(apologyFixture()))).toBeUndefined();
  });

  it('the same input gives identical bytes, and the date comes from the event', async () => {
    const a = await renderSlip(receiptFixture());
    const b = await renderSlip(receiptFixture());
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20261127021500Z)') // CreationDate and ModDate;
    const later = await renderSlip(receiptFixture({ issuedAt: new Date('2026-11-28T02:15:00Z') }));
    expect(later.equals(a)).toBe(false);
  });

  it('a receipt with 20 components and long Vietnamese names continues on new pages inside the page box', async () => {
    const components = Array.from({ length: 20 }, (_, i) => ({ name: longName(i), originals: 1, certifiedCopies: 2, copies: 3 }));
    const pdf = await renderSlip(
      receiptFixture({
        components,
        applicant: { ...receiptFixture().applicant, name: 'Công ty Trách nhiệm hữu hạn Một thành viên Thương mại Dịch vụ Xây dựng Phương Nam Đắk Lắk' },
      }),
    );
    const boxes = mediaBoxes(pdf);
    expect(boxes.length).toBeGreaterThan(1);
    expect(new Set(boxes)).toEqual(new Set([A5]));
    const text = squash(pdfText(pdf));
    expect(text).toContain('người thừa kế thứ 20');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ'); // the signatures still come after the table
    const words = pdfWords(pdf);
    expect(words.length).toBeGreaterThan(500);
    const outside = words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > w.pageWidth || w.yMax > w.pageHeight);
    expect(outside).toEqual([]);
  });

  it('refuses a character the font cannot draw instead of printing a blank', async () => {
    const data = receiptFixture({ applicant: { ...receiptFixture().applicant, name: 'Nguyễn 漢 Hoà' } });
    await expect(renderSlip(data)).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(renderSlip(data)).rejects.toThrow(/U\+6F22/);
  });
});

describe('register 06 (A4)', () => {
  it('lists one row per dossier with the register columns', async () => {
    const pdf = await renderRegister(registerFixture());
    expect(mediaBoxes(pdf)).toEqual([A4_LANDSCAPE]);
    expectLines(pdfText(pdf), [
      'SỔ THEO DÕI HỒ SƠ',
      'Từ ngày 01/11/2026 đến ngày 30/11/2026 – 1 hồ sơ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Mã hồ sơ',
      'Tên thủ tục',
      'Tên cá nhân, tổ chức',
      'Ký nhận',
      'Ghi chú',
      FIXTURE_CODE,
      'Nguyễn Thị Hoà',
      '09:15 27/11/2026',
      'Đang giải quyết',
    ]);
  });

  it('is deterministic too', async () => {
    expect((await renderRegister(registerFixture())).equals(await renderRegister(registerFixture()))).toBe(true);
  });
});
