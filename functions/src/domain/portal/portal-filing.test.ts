import { describe, expect, it } from 'vitest';
import { Applicant } from '../applicant/applicant.js';
import { applicantOfFiling, componentsOfFiling, PortalFiling, portalCodeProblem, resultDeliveryOfFiling, type PortalFilingInput } from './portal-filing.js';

const PERSON: PortalFilingInput = {
  MaHoSo: 'G09.20-20261203-0092637',
  MaTTHC: '1.012792',
  MaDonViTiepNhan: '000.00.01.H99',
  NgayNopHoSo: '20261203083000',
  LoaiDoiTuong: 1,
  ChuHoSo: 'Lê Thị Mai',
  SoGiayTo: '001190054321',
  SoDienThoai: '0912345678',
  Email: 'Mai.Le@Example.vn',
  DiaChi: { ChiTiet: 'Số 5 Trần Phú', TenXa: 'Phường Đông Thành', TenTinh: 'Tỉnh Bình An' },
  TaiLieuNop: [{ MaThanhPhanHoSo: 'renewal-application', TenTepDinhKem: 'don.pdf', DuongDanTep: 'https://dichvucong.gov.vn/files/abc', SoBanChinh: 1 }],
  HinhThucNhanKetQua: 2,
  TaiKhoanDuocXacThucVoiVNeID: true,
};

describe('a dossier filed on the national portal', () => {
  it('maps to the house’s applicant, components and delivery', () => {
    const f = PortalFiling.parse(PERSON);
    expect(f.NgayNopHoSo.toISOString()).toBe('2026-12-03T01:30:00.000Z');
    const applicant = Applicant.parse(applicantOfFiling(f));
    expect(applicant).toMatchObject({ kind: 'person', fullName: 'Lê Thị Mai', identity: { kind: 'citizenId', number: '001190054321' }, phone: '+84912345678', email: 'mai.le@example.vn' });
    expect(componentsOfFiling(f)).toEqual([{ componentId: 'renewal-application', originals: 1, certifiedCopies: 0, copies: 0, attachments: [] }]);
    expect(resultDeliveryOfFiling(f)).toBe('online');
  });

  it('an organisation with its representative', () => {
    const f = PortalFiling.parse({ ...PERSON, LoaiDoiTuong: 2, ChuHoSo: 'Công ty TNHH Bình An', SoGiayTo: '0101234565', NguoiDaiDien: 'Phạm Văn Hùng', ChucVuNguoiDaiDien: 'Giám đốc' });
    expect(Applicant.parse(applicantOfFiling(f))).toMatchObject({ kind: 'organisation', name: 'Công ty TNHH Bình An', taxCode: '0101234565', representative: { fullName: 'Phạm Văn Hùng', title: 'Giám đốc' } });
  });

  it.each([
    [{ ...PERSON, SoGiayTo: '12345' }, 'SoGiayTo'],
    [{ ...PERSON, NgayNopHoSo: '20261303083000' }, 'NgayNopHoSo'],
    [{ ...PERSON, MaHoSo: 'not-a-code' }, 'MaHoSo'],
    [{ ...PERSON, MaDonViTiepNhan: 'H99' }, 'MaDonViTiepNhan'],
    [{ ...PERSON, SoDienThoai: '123' }, 'SoDienThoai'],
    [{ ...PERSON, HinhThucNhanKetQua: 4 }, 'HinhThucNhanKetQua'],
    [{ ...PERSON, LoaiGiayTo: 'HoChieu', SoGiayTo: 'B1234567' }, 'QuocGiaCap'],
    [{ ...PERSON, TaiLieuNop: [{ MaThanhPhanHoSo: 'x', DuongDanTep: 'file:///etc/passwd' }] }, 'TaiLieuNop.0.DuongDanTep'],
    [{ ...PERSON, Extra: 1 }, ''],
  ])('refuses a malformed filing (%#: %s)', (input, path) => {
    const parsed = PortalFiling.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('keeps the portal’s code when it is issued under the portal’s identifier, once that is set', () => {
    expect(portalCodeProblem('G09.20-20261203-0092637', undefined)).toBeUndefined();
    expect(portalCodeProblem('G09.20-20261203-0092637', 'G09.20')).toBeUndefined();
    expect(portalCodeProblem('000.00.01.H99-261203-0001', 'G09.20')?.en).toContain('must be issued by the national portal');
  });
});
