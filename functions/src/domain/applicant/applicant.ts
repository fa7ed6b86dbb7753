// The applicant (người nộp hồ sơ): a person, or an organisation acting through its representative.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';
import { LocalDate } from '../time/schemas.js';
import { Address } from './address.js';
import { IdentityDocument } from './identity.js';
import { PersonName } from './person-name.js';
import { normaliseTaxCode, taxCodeProblem } from './tax-code.js';
import { VietnameseMobile } from './phone.js';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email(bi('Địa chỉ email không hợp lệ', 'invalid email address')))
  .describe('Thư điện tử / email');

const TAX_CODE_MESSAGES = {
  format: bi('Mã số thuế gồm 10 chữ số, hoặc 13 chữ số dạng 0123456789-001', 'tax code is 10 digits, or 13 digits as 0123456789-001'),
  checksum: bi(
    'Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp, hãy xem lại từng chữ số',
    'invalid tax code: the check digit (the 10th) does not match; check each digit',
  ),
  sequence: bi('Mã số thuế không đúng: không có mã số thuế nào như vậy', 'invalid tax code: no such tax code is issued'),
  branch: bi('Mã đơn vị phụ thuộc (3 chữ số sau dấu gạch) từ 001 đến 999', 'the branch suffix (3 digits after the hyphen) is 001 to 999'),
} as const;

/**
 * Mã số thuế / mã số doanh nghiệp: 10 digits with their check digit, or 13 for a branch/dependent unit
 * written `0123456789-001` (tax-code.ts). The 13-digit form is accepted with or without the hyphen and
 * stored with it.
 */
export const TaxCode = z
  .string()
  .trim()
  .transform((input, ctx) => {
    const problem = taxCodeProblem(input);
    if (problem) {
      ctx.issues.push({ code: 'custom', input, message: TAX_CODE_MESSAGES[problem] });
      return z.NEVER;
    }
    return normaliseTaxCode(input);
  })
  .describe('Mã số thuế / mã số doanh nghiệp / tax or enterprise code');
export type TaxCode = z.infer<typeof TaxCode>;

export const PersonApplicant = z.strictObject({
  kind: z.literal('person'),
  fullName: PersonName,
  identity: IdentityDocument.describe('Giấy tờ tùy thân / identity document'),
  dateOfBirth: LocalDate.optional().describe('Ngày sinh / date of birth'),
  phone: VietnameseMobile,
  email: Email.optional(),
  address: Address.describe('Nơi cư trú / residence'),
});
export type PersonApplicant = z.infer<typeof PersonApplicant>;

export const OrganisationApplicant = z.strictObject({
  kind: z.literal('organisation'),
  name: z
    .string()
    .trim()
    .normalize('NFC')
    .min(2, bi('Tên tổ chức quá ngắn', 'organisation name is too short'))
    .max(255, bi('Tên tổ chức tối đa 255 ký tự', 'organisation name is at most 255 characters'))
    .describe('Tên tổ chức / organisation name'),
  taxCode: TaxCode,
  representative: z
    .strictObject({
      fullName: PersonName,
      title: z.string().trim().normalize('NFC').min(1).max(100).describe('Chức vụ / title'),
      identity: IdentityDocument.optional(),
    })
    .describe('Người đại diện / representative'),
  phone: VietnameseMobile,
  email: Email.optional(),
  address: Address.describe('Trụ sở / registered office'),
});
export type OrganisationApplicant = z.infer<typeof OrganisationApplicant>;

export const Applicant = z
  .discriminatedUnion('kind', [PersonApplicant, OrganisationApplicant])
  .describe('Người nộp hồ sơ / applicant');
export type Applicant = z.infer<typeof Applicant>;

/** The name printed on receipts: the person, or the organisation. */
export function applicantDisplayName(applicant: Applicant): string {
  return applicant.kind === 'person' ? applicant.fullName : applicant.name;
}
export type ApplicantInput = z.input<typeof Applicant>;
