// A dossier filed on the national portal (Decree 118 Art. 15: the DVCQG is the online filing channel) as
// the portal sends it to the province: its own code, the procedure, the desk the applicant chose, the
// applicant and what they handed in. Field names follow the portal's vocabulary (the reference's sync
// fields; LoaiGiayTo, DiaChi and DuongDanTep are this product's own, an adapter detail). Strict: an unknown
// field is refused, never dropped, and every value is checked by the same schemas as a submission here.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import type { Address } from '../applicant/address.js';
import { Email, type ApplicantInput } from '../applicant/applicant.js';
import { CitizenIdNumber, PassportNumber } from '../applicant/identity.js';
import { PersonName } from '../applicant/person-name.js';
import { VietnameseMobile } from '../applicant/phone.js';
import { DossierCode, parseDossierCode } from '../dossier-code/dossier-code.js';
import type { DossierComponent } from '../dossier/component.js';
import type { ResultDelivery } from '../dossier/dossier.js';
import { ComponentId } from '../procedure/component.js';
import { ProcedureCode } from '../procedure/procedure.js';
import { bi, type Bilingual } from '../shared/bilingual.js';
import { parsePortalTime } from './portal-time.js';

const Text = (max: number) => z.string().trim().normalize('NFC').min(1, bi('Không được để trống', 'must not be blank')).max(max, bi(`Tối đa ${max} ký tự`, `at most ${max} characters`));

/** `yyyyMMddHHmmss`, Vietnam time, a real moment. */
export const PortalTime = z
  .string()
  .refine((s) => parsePortalTime(s) !== undefined, bi('Thời điểm có dạng yyyyMMddHHmmss (giờ Việt Nam)', 'a time looks like yyyyMMddHHmmss (Vietnam time)'))
  .transform((s) => parsePortalTime(s)!);

const Count = z.number().int().min(0).max(20);

export const PortalFiledDocument = z.strictObject({
  MaThanhPhanHoSo: ComponentId,
  TenTepDinhKem: Text(255).optional(),
  /** Where the portal keeps the file; recorded with the filing, fetched by the desk when it checks the dossier. */
  DuongDanTep: z.url({ protocol: /^https?$/, error: bi('Đường dẫn tệp phải là http(s)', 'the file link must be http(s)') }).max(2000).optional(),
  SoBanChinh: Count.default(0),
  SoBanSao: Count.default(0),
});

const PersonFields = {
  LoaiDoiTuong: z.literal(1),
  ChuHoSo: PersonName,
  LoaiGiayTo: z.enum(['CCCD', 'HoChieu']).default('CCCD').describe('CCCD: căn cước công dân · HoChieu: hộ chiếu'),
  SoGiayTo: z.string().trim(),
  QuocGiaCap: z.string().regex(/^[A-Z]{3}$/, bi('Mã quốc gia gồm 3 chữ cái', 'a 3-letter country code')).optional(),
};
const OrganisationFields = {
  LoaiDoiTuong: z.literal(2),
  ChuHoSo: Text(255),
  /** The tax or enterprise code (checked by the house's TaxCode when mapped). */
  SoGiayTo: z.string().trim().regex(/^\d{10}(?:-?\d{3})?$/, bi('Mã số thuế gồm 10 hoặc 13 chữ số', 'a tax code is 10 or 13 digits')),
  NguoiDaiDien: PersonName,
  ChucVuNguoiDaiDien: Text(100),
};
const Common = {
  MaHoSo: DossierCode,
  MaTTHC: ProcedureCode,
  MaDonViTiepNhan: AgencyId.describe('Nơi tiếp nhận người nộp chọn / the desk chosen'),
  MaDonViThamQuyen: AgencyId.optional().describe('Cơ quan có thẩm quyền / competent agency'),
  NgayNopHoSo: PortalTime,
  SoDienThoai: VietnameseMobile,
  Email: Email.optional(),
  DiaChi: z.strictObject({ ChiTiet: Text(100), TenXa: Text(100), TenTinh: Text(100) }),
  TaiLieuNop: z.array(PortalFiledDocument).max(50),
  HinhThucNhanKetQua: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('1 tại quầy · 2 trực tuyến · 3 bưu chính'),
  TaiKhoanDuocXacThucVoiVNeID: z.boolean(),
};

export const PortalFiling = z.discriminatedUnion('LoaiDoiTuong', [
  z.strictObject({ ...Common, ...PersonFields }).superRefine((f, ctx) => {
    const id = f.LoaiGiayTo === 'CCCD' ? CitizenIdNumber.safeParse(f.SoGiayTo) : PassportNumber.safeParse(f.SoGiayTo);
    if (!id.success) ctx.addIssue({ code: 'custom', path: ['SoGiayTo'], message: id.error.issues[0]?.message ?? 'invalid', input: f.SoGiayTo });
    if (f.LoaiGiayTo === 'HoChieu' && f.QuocGiaCap === undefined) {
      ctx.addIssue({ code: 'custom', path: ['QuocGiaCap'], message: bi('Hộ chiếu cần quốc gia cấp', 'a passport needs its issuing country'), input: f });
    }
  }),
  z.strictObject({ ...Common, ...OrganisationFields }),
]);
export type PortalFiling = z.infer<typeof PortalFiling>;
export type PortalFilingInput = z.input<typeof PortalFiling>;

const DELIVERY: Record<1 | 2 | 3, ResultDelivery> = { 1: 'desk', 2: 'online', 3: 'post' };

/** The applicant as the house records one (the identity checks already passed in PortalFiling). */
export function applicantOfFiling(f: PortalFiling): ApplicantInput {
  const address = { line: f.DiaChi.ChiTiet, communeName: f.DiaChi.TenXa, provinceName: f.DiaChi.TenTinh } satisfies z.input<typeof Address>;
  const contact = { phone: f.SoDienThoai, ...(f.Email ? { email: f.Email } : {}), address };
  if (f.LoaiDoiTuong === 1) {
    const identity = f.LoaiGiayTo === 'CCCD' ? { kind: 'citizenId' as const, number: f.SoGiayTo } : { kind: 'passport' as const, number: f.SoGiayTo, country: f.QuocGiaCap ?? '' };
    return { kind: 'person', fullName: f.ChuHoSo, identity, ...contact };
  }
  return { kind: 'organisation', name: f.ChuHoSo, taxCode: f.SoGiayTo, representative: { fullName: f.NguoiDaiDien, title: f.ChucVuNguoiDaiDien }, ...contact };
}

/** The components: paper counts; the portal's files stay with the filing record until the desk fetches them. */
export function componentsOfFiling(f: PortalFiling): DossierComponent[] {
  return f.TaiLieuNop.map((d) => ({ componentId: d.MaThanhPhanHoSo, originals: d.SoBanChinh, certifiedCopies: 0, copies: d.SoBanSao, attachments: [] }));
}

export function resultDeliveryOfFiling(f: PortalFiling): ResultDelivery {
  return DELIVERY[f.HinhThucNhanKetQua];
}

/**
 * Whether the portal's code may be kept as the dossier's code (Decree 118 Art. 28: online filings carry the
 * DVCQG's identifier). Once the province has set the portal's identifier (`RuleSetSettings.onlineIssuer`),
 * the code must be issued under it; before that any well-formed code is kept as the portal sent it.
 */
export function portalCodeProblem(code: string, onlineIssuer: string | undefined): Bilingual | undefined {
  if (onlineIssuer === undefined) return undefined;
  const issuer = parseDossierCode(code).agencyCode;
  if (issuer === onlineIssuer) return undefined;
  return {
    vi: `Mã hồ sơ phải do Cổng Dịch vụ công quốc gia cấp (bắt đầu bằng ${onlineIssuer}), nhận được ${issuer}`,
    en: `The dossier code must be issued by the national portal (starting with ${onlineIssuer}), got ${issuer}`,
  };
}
