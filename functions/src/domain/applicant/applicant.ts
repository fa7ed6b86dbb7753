// The applicant (người nộp hồ sơ): a person, or an organisation acting through its representative.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';
import { LocalDate } from '../time/schemas.js';
import { Address } from './address.js';
import { IdentityDocument } from './identity.js';
import { PersonName } from './person-name.js';
import { VietnameseMobile } from './phone.js';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email(bi('Địa chỉ email không hợp lệ', 'invalid email address')))
  .describe('Thư điện tử / email');

/**
 * Mã số thuế / mã số doanh nghiệp: 10 digits, or 13 for a branch/dependent unit written `0123456789-001`.
 * The 13-digit form is accepted with or without the hyphen and stored with it.
 */
export const TaxCode = z
  .string()
  .trim()
  .transform((input, ctx) => {
    const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(input);
    if (!match) {
      ctx.issues.push({
        code: 'custom',
        input,
        message: bi(
          'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số dạng 0123456789-001',
          'tax code is 10 digits, or 13 digits as 0123456789-001',
        ),
      });
      return z.NEVER;
    }
    return match[2] === undefined ? (match[1] ?? '') : `${match[1] ?? ''}-${match[2]}`;
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
