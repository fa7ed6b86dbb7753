import { describe, expect, it } from 'vitest';
import { parseDirectory, parseComponents, parseSteps, parseWorkingHours } from './components.js';
import { parseField, parseLevels, parseOnlineLevel, parseStaffRole, parseYesNo } from './choices.js';
import { listLines, parseLocalDate, slug } from './text.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: { vi: string; en: string } }) => {
  if (!r.ok) throw new Error(`refused: ${r.reason.en}`);
  return r.value;
};

describe('parseComponents', () => {
  it('reads one document per line, with counts, optional marks and ids made from the name', () => {
    const components = value(
      parseComponents(
        [
          '- Tờ khai đăng ký khai sinh theo mẫu (Bản chính: 1, Bản sao: 0)',
          '+ Giấy chứng sinh - 01 bản chính',
          '• Văn bản ủy quyền (nếu có) (Bản sao chứng thực: 1)',
          '[identity] Căn cước công dân (xuất trình) (Bản sao: 1)',
          'Biên bản họp (Không bắt buộc)',
        ].join('\n'),
      ),
    );
    expect(components).toEqual([
      { id: 'to-khai-dang-ky-khai-sinh-theo-mau', name: { vi: 'Tờ khai đăng ký khai sinh theo mẫu', en: 'Tờ khai đăng ký khai sinh theo mẫu' }, originals: 1, certifiedCopies: 0, copies: 0, mandatory: true },
      { id: 'giay-chung-sinh', name: { vi: 'Giấy chứng sinh', en: 'Giấy chứng sinh' }, originals: 1, certifiedCopies: 0, copies: 0, mandatory: true },
      { id: 'van-ban-uy-quyen-neu-co', name: { vi: 'Văn bản ủy quyền (nếu có)', en: 'Văn bản ủy quyền (nếu có)' }, originals: 0, certifiedCopies: 1, copies: 0, mandatory: false },
      { id: 'identity', name: { vi: 'Căn cước công dân (xuất trình)', en: 'Căn cước công dân (xuất trình)' }, originals: 0, certifiedCopies: 0, copies: 1, mandatory: true },
      { id: 'bien-ban-hop', name: { vi: 'Biên bản họp', en: 'Biên bản họp' }, originals: 1, certifiedCopies: 0, copies: 0, mandatory: false },
    ]);
  });

  it('marks a document "(nhạy cảm)" as sensitive and leaves the mark out of its name', () => {
    const parsed = parseComponents('[identity] Bản chụp căn cước công dân (Bản sao: 1) (nhạy cảm)\nĐơn đề nghị');
    expect(parsed.ok && parsed.value).toEqual([
      { id: 'identity', name: { vi: 'Bản chụp căn cước công dân', en: 'Bản chụp căn cước công dân' }, originals: 0, certifiedCopies: 0, copies: 1, mandatory: true, sensitive: true },
      expect.not.objectContaining({ sensitive: expect.anything() }),
    ]);
  });

  it('keeps a form number in the name and makes repeated ids unique', () => {
    const [a, b] = value(parseComponents('Đơn (Mẫu số 04/ĐK) (Bản chính: 1)\nĐơn (Mẫu số 04/ĐK) (Bản sao: 2)'));
    expect(a?.name.vi).toBe('Đơn (Mẫu số 04/ĐK)');
    expect([a?.id, b?.id]).toEqual(['don-mau-so-04-dk', 'don-mau-so-04-dk-2']);
    expect(b?.copies).toBe(2);
  });

  it('takes English names line by line and refuses a count mismatch or an empty list', () => {
    expect(value(parseComponents('Tờ khai\nGiấy chứng sinh', 'Declaration\nBirth certificate')).map((c) => c.name.en)).toEqual(['Declaration', 'Birth certificate']);
    expect(parseComponents('Tờ khai', 'A\nB')).toMatchObject({ ok: false, reason: { en: '1 documents but 2 English lines' } });
    expect(parseComponents('  ')).toMatchObject({ ok: false, reason: { en: 'no required documents' } });
  });
});

describe('parseSteps', () => {
  it('reads role, performer, time and description per line', () => {
    const steps = value(
      parseSteps(
        [
          'Tiếp nhận | Một cửa | 0,5 ngày làm việc | Tiếp nhận, kiểm tra hồ sơ',
          '[land-office] Thẩm định | 000.00.14.H99 | 10 ngày làm việc | Văn phòng Đăng ký đất đai kiểm tra',
          'Lấy ý kiến | Ngoài: Cơ quan thuế / Tax office | 2 ngày làm việc | Xác định nghĩa vụ tài chính',
          'Phê duyệt | Cấp tỉnh | 1 ngày làm việc | Ký',
          'Trả kết quả | Bộ phận Một cửa | 0,5 ngày làm việc | Trả kết quả',
        ].join('\n'),
        'Reception\nAppraisal\nTax\nSignature\nReturn',
      ),
    );
    expect(steps.map((s) => [s.id, s.role, s.performer, s.budget.value, s.description.en])).toEqual([
      ['reception', 'reception', { kind: 'receiving' }, 0.5, 'Reception'],
      ['land-office', 'appraisal', { kind: 'agency', agencyId: '000.00.14.H99' }, 10, 'Appraisal'],
      ['opinion', 'opinion', { kind: 'external', name: { vi: 'Cơ quan thuế', en: 'Tax office' } }, 2, 'Tax'],
      ['approval', 'approval', { kind: 'competent', level: 'province' }, 1, 'Signature'],
      ['return', 'return', { kind: 'receiving' }, 0.5, 'Return'],
    ]);
  });

  it('refuses a line it cannot read, naming the step', () => {
    expect(parseSteps('Tiếp nhận | Một cửa | 1 ngày làm việc')).toMatchObject({ ok: false, reason: { en: 'step 1: expected "role | performer | time | description"' } });
    expect(parseSteps('Tiếp nhận | Một cửa | 1 ngày làm việc | x\nNấu ăn | Một cửa | 1 ngày | y')).toMatchObject({ ok: false, reason: { en: 'step 2: unknown role "Nấu ăn"' } });
    expect(parseSteps('Thụ lý | Phòng A | 1 ngày | y')).toMatchObject({ ok: false, reason: { en: expect.stringMatching(/^step 1: unknown performer "Phòng A"/) } });
  });
});

describe('working hours and the desk directory', () => {
  it('reads opening periods in either spelling and refuses them out of order', () => {
    expect(value(parseWorkingHours('07:30–11:30, 13:00–17:00'))).toEqual({ periods: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] });
    expect(value(parseWorkingHours('7h30 - 11h30; 13h - 17h'))).toEqual({ periods: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] });
    expect(parseWorkingHours('13:00–17:00, 07:30–11:30').ok).toBe(false);
    expect(parseWorkingHours('sáng').ok).toBe(false);
  });

  it('reads one officer per line', () => {
    expect(value(parseDirectory('Nguyễn Thị Hồng | Chuyên viên | Đất đai; Xây dựng | 0298 3800 101'))).toEqual([
      { fullName: 'Nguyễn Thị Hồng', title: 'Chuyên viên', field: 'Đất đai; Xây dựng', phone: '0298 3800 101' },
    ]);
    expect(parseDirectory('Nguyễn Thị Hồng | Chuyên viên').ok).toBe(false);
  });
});

describe('choices', () => {
  it('reads levels, leaving out the ministries', () => {
    expect(value(parseLevels('Cấp Tỉnh, Cấp Xã'))).toEqual(['province', 'commune']);
    expect(value(parseLevels('Cấp Bộ; Cấp tỉnh'))).toEqual(['province']);
    expect(parseLevels('Cấp Bộ').ok).toBe(false);
    expect(parseLevels('Cấp thôn').ok).toBe(false);
  });

  it('reads fields by label, alias or key, without marks or case', () => {
    expect(value(parseField('Hộ tịch'))).toBe('civilStatus');
    expect(value(parseField('HO TICH'))).toBe('civilStatus');
    expect(value(parseField('Đất đai'))).toBe('land');
    expect(value(parseField('Thành lập và hoạt động doanh nghiệp'))).toBe('enterpriseRegistration');
    expect(parseField('Chiêm tinh')).toMatchObject({ ok: false, reason: { en: expect.stringMatching(/^field "Chiêm tinh" is not in the list/) } });
  });

  it('reads online levels, old and new names, and refuses information-only services', () => {
    expect(value(parseOnlineLevel('Dịch vụ công trực tuyến toàn trình'))).toBe('full');
    expect(value(parseOnlineLevel('Mức độ 4'))).toBe('full');
    expect(value(parseOnlineLevel('Một phần'))).toBe('partial');
    expect(value(parseOnlineLevel('Mức độ 3'))).toBe('partial');
    expect(parseOnlineLevel('Mức độ 2').ok).toBe(false);
    expect(parseOnlineLevel('').ok).toBe(false);
  });

  it('reads roles and yes/no', () => {
    expect(value(parseStaffRole('Tiếp nhận'))).toBe('receptionist');
    expect(value(parseStaffRole('Thiết bị đánh giá'))).toBe('kiosk');
    expect(value(parseStaffRole('handler'))).toBe('handler');
    expect(parseStaffRole('citizen').ok).toBe(false);
    expect(parseStaffRole('system').ok).toBe(false);
    expect([value(parseYesNo('Có')), value(parseYesNo('x')), value(parseYesNo('Không')), value(parseYesNo(''))]).toEqual([true, true, false, false]);
  });
});

describe('text', () => {
  it('makes ids from names, dates from either order and lines without bullets', () => {
    expect(slug('Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)')).toBe('don-dang-ky-bien-dong-dat-dai-mau-so-11-dk');
    expect(slug('01 Tờ khai')).toBe('x-01-to-khai');
    expect(parseLocalDate('01/07/2025')).toBe('2025-07-01');
    expect(parseLocalDate('1/7/2025')).toBe('2025-07-01');
    expect(parseLocalDate('2025-07-01')).toBe('2025-07-01');
    expect(parseLocalDate('31/02/2025')).toBeUndefined();
    expect(listLines('- a\r\n\n+ b\n1. c\nb) d')).toEqual(['a', 'b', 'c', 'd']);
  });
});
