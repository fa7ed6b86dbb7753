// The catalogue's wording of legal times and fees, as the national export writes them.
import { describe, expect, it } from 'vitest';
import { parseAmountVnd, parseFees, parseLegalTime } from './wording.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: { vi: string; en: string } }) => {
  if (!r.ok) throw new Error(`refused: ${r.reason.en}`);
  return r.value;
};

describe('parseLegalTime', () => {
  it.each([
    ['15 ngày làm việc', { value: 15, unit: 'workingDays' }],
    ['15 Ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', { value: 15, unit: 'workingDays' }],
    ['Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ', { value: 3, unit: 'workingDays' }],
    ['03 (ba) ngày làm việc', { value: 3, unit: 'workingDays' }],
    ['0,5 ngày làm việc', { value: 0.5, unit: 'workingDays' }],
    ['1/2 ngày làm việc', { value: 0.5, unit: 'workingDays' }],
    ['Nửa ngày làm việc', { value: 0.5, unit: 'workingDays' }],
    ['mười lăm ngày làm việc', { value: 15, unit: 'workingDays' }],
    ['Hai mươi ngày làm việc', { value: 20, unit: 'workingDays' }],
    ['Không quá 10 ngày', { value: 10, unit: 'calendarDays' }],
    ['10 ngày, kể từ ngày nhận được yêu cầu hợp lệ', { value: 10, unit: 'calendarDays' }],
    ['04 giờ làm việc', { value: 4, unit: 'workingHours' }],
    ['Trong ngày làm việc', { value: 1, unit: 'workingDays' }],
    // "sau 15 giờ" is the time of day after which the same day becomes the next working day.
    ['Trong ngày cơ quan tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ', { value: 1, unit: 'workingDays' }],
    ['- 05 ngày làm việc\n- Trường hợp nộp trực tuyến: 05 ngày làm việc', { value: 5, unit: 'workingDays' }],
    ['Kể từ ngày nhận đủ hồ sơ: 7 ngày làm việc', { value: 7, unit: 'workingDays' }],
  ])('reads "%s"', (text, expected) => {
    expect(value(parseLegalTime(text))).toEqual(expected);
  });

  it('does not read "kể từ ngày" as four days ("từ" folds to the word for four)', () => {
    expect(value(parseLegalTime('Kể từ ngày nhận đủ hồ sơ hợp lệ, trong 20 ngày làm việc'))).toEqual({ value: 20, unit: 'workingDays' });
  });

  it.each([
    ['', /no legal processing time/],
    ['Không', /no legal processing time/],
    ['Theo quy định', /no duration found/],
    ['15 ngày làm việc; trường hợp phải xác minh: 30 ngày làm việc', /several different durations \(15 workingDays; 30 workingDays\)/],
    ['Trong ngày hoặc 03 ngày làm việc', /several different durations/],
    ['Trong thời hạn 24 giờ', /clock hours are not supported/],
    ['01 tháng', /weeks, months and years/],
    ['1,5 ngày', /calendar days are whole/],
    ['0,3 ngày làm việc', /halves/],
  ])('refuses "%s" with its reason', (text, reason) => {
    const result = parseLegalTime(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.en).toMatch(reason);
      expect(result.reason.vi.length).toBeGreaterThan(0);
    }
  });
});

describe('parseAmountVnd', () => {
  it.each([
    ['50.000 đồng/hồ sơ', 50_000],
    ['50.000đ', 50_000],
    ['Lệ phí: 1.000.000 VNĐ', 1_000_000],
    ['50,000 VND', 50_000],
    ['50 000 đồng', 50_000],
    ['50 nghìn đồng', 50_000],
    ['1,5 triệu đồng', 1_500_000],
    ['2 triệu', 2_000_000],
    ['Mẫu số 02, mức thu 100.000 đồng', 100_000],
    ['200 đồng', 200],
  ])('reads "%s"', (text, expected) => {
    expect(parseAmountVnd(text)).toBe(expected);
  });

  it.each(['Mẫu 02', 'Thông tư 85/2019/TT-BTC', '0,5% giá trị tài sản', '50 đơn'])('finds no amount in "%s"', (text) => {
    expect(parseAmountVnd(text)).toBeUndefined();
  });
});

describe('parseFees', () => {
  it.each(['Không', 'không', 'Miễn phí', 'Không thu phí, lệ phí', '', 'Không.'])('reads "%s" as no fee', (text) => {
    expect(value(parseFees(text))).toEqual([]);
  });

  it('reads one fee, its wording as the description', () => {
    expect(value(parseFees('50.000 đồng/hồ sơ'))).toEqual([{ amountVnd: 50_000, description: { vi: '50.000 đồng/hồ sơ', en: '50.000 đồng/hồ sơ' } }]);
  });

  it('reads one fee per line or per semicolon outside parentheses, the label as description, with English', () => {
    const fees = value(parseFees('Lệ phí: 50.000 đồng; Phí thẩm định (cá nhân; hộ gia đình): 300.000 đồng.', 'Fee\nAppraisal fee'));
    expect(fees).toEqual([
      { amountVnd: 50_000, description: { vi: 'Lệ phí', en: 'Fee' } },
      { amountVnd: 300_000, description: { vi: 'Phí thẩm định (cá nhân; hộ gia đình)', en: 'Appraisal fee' } },
    ]);
  });

  it('keeps the whole wording when something follows the amount', () => {
    expect(value(parseFees('Lệ phí: 50.000 đồng/hồ sơ'))[0]?.description.vi).toBe('Lệ phí: 50.000 đồng/hồ sơ');
  });

  it('takes the amount outside parentheses, not one quoted inside the label', () => {
    const [fee] = value(parseFees('Phí cung cấp thông tin lý lịch tư pháp (sinh viên, người có công: 100.000 đồng): 200.000 đồng'));
    expect(fee).toEqual({ amountVnd: 200_000, description: { vi: 'Phí cung cấp thông tin lý lịch tư pháp (sinh viên, người có công: 100.000 đồng)', en: 'Phí cung cấp thông tin lý lịch tư pháp (sinh viên, người có công: 100.000 đồng)' } });
    expect(value(parseFees('Mỗi trang (từ trang thứ 3: 1.000 đồng/trang, tối đa 200.000 đồng/bản): 2.000 đồng'))[0]?.amountVnd).toBe(2_000);
  });

  it('puts a heading before the fees under it and a note after the fee before it', () => {
    const fees = value(parseFees('Lệ phí:\n- Cá nhân: 100.000 đồng\n- Tổ chức: 500.000 đồng\n(Thông tư 85/2019/TT-BTC)'));
    expect(fees.map((f) => [f.amountVnd, f.description.vi])).toEqual([
      [100_000, 'Lệ phí: Cá nhân'],
      [500_000, 'Lệ phí: Tổ chức (Thông tư 85/2019/TT-BTC)'],
    ]);
  });

  it('takes the first amount of a part as the fee and keeps the rest of the wording', () => {
    expect(value(parseFees('2.000 đồng/trang (từ trang thứ 3: 1.000 đồng/trang, tối đa 200.000 đồng/bản)'))[0]?.amountVnd).toBe(2_000);
  });

  it('refuses a fee it cannot total, and English lines that do not match', () => {
    const percent = parseFees('0,5% giá trị tài sản');
    expect(percent.ok).toBe(false);
    if (!percent.ok) expect(percent.reason.en).toMatch(/no amount found/);
    const mismatch = parseFees('50.000 đồng', 'Fee\nAnother');
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) expect(mismatch.reason.en).toBe('1 fees but 2 English lines');
  });
});
