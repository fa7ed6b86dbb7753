// Filing for someone else (nộp hồ sơ thay, Decree 118 Art. 15 "or an authorised person"): the person who
// files, when they are not the applicant, names themself and attaches the authorisation (giấy ủy quyền).
// At the desk the officer checks the filer's identity and the principal's (Art. 17.1).
import { z } from 'zod';
import { Attachment } from './attachment.js';
import { bi } from '../shared/bilingual.js';
import { EntityId } from '../shared/primitives.js';
import type { Applicant } from '../applicant/applicant.js';
import { IdentityDocument } from '../applicant/identity.js';
import { PersonName } from '../applicant/person-name.js';
import { VietnameseMobile } from '../applicant/phone.js';

export const FILER_RELATIONS = ['authorised', 'employee', 'family'] as const;

const FilerPerson = {
  fullName: PersonName,
  identity: IdentityDocument.describe('Giấy tờ tùy thân của người nộp thay / identity of the filer'),
  phone: VietnameseMobile,
  relation: z.enum(FILER_RELATIONS).describe('Quan hệ với người có yêu cầu / relation to the applicant'),
};

/** The filer as stored with the dossier's personal part: the authorisation as attachments. */
export const Filer = z.strictObject({
  ...FilerPerson,
  authorisation: z
    .array(Attachment)
    .min(1, bi('Cần đính kèm giấy ủy quyền', 'the authorisation document is required'))
    .max(5)
    .describe('Giấy ủy quyền / authorisation document'),
});
export type Filer = z.infer<typeof Filer>;

/** The filer as a client sends it: the authorisation by the ids of files uploaded beforehand. */
export const FilerInput = z.strictObject({
  ...FilerPerson,
  authorisationUploadIds: z
    .array(EntityId)
    .min(1, bi('Cần đính kèm giấy ủy quyền (bản chụp hoặc bản quét)', 'attach the authorisation document (a photo or a scan)'))
    .max(5, bi('Tối đa 5 tệp giấy ủy quyền', 'at most 5 authorisation files'))
    .describe('Giấy ủy quyền đã tải lên / uploaded authorisation'),
});
export type FilerInput = z.infer<typeof FilerInput>;

export type IdentityMismatch = { path: string; message: { vi: string; en: string } };

/**
 * A signed-in person whose personal ID number is verified (VNeID) files only as themself: as the applicant,
 * as the organisation's legal representative, or as the declared filer. Anything else is a mismatch,
 * reported on the field to correct.
 */
export function identityMismatch(applicant: Applicant, filer: { identity: { number: string } } | undefined, verifiedIdNumber: string | undefined): IdentityMismatch | undefined {
  if (verifiedIdNumber === undefined) return undefined;
  const hint = {
    vi: `Số định danh không khớp với tài khoản định danh điện tử (VNeID) đang đăng nhập (${mask(verifiedIdNumber)}). Nếu bạn nộp thay người khác, hãy khai mục “Người nộp thay” và đính kèm giấy ủy quyền.`,
    en: `The ID number does not match the electronic identity (VNeID) you signed in with (${mask(verifiedIdNumber)}). If you file for someone else, fill in “Filing on behalf” and attach the authorisation.`,
  };
  if (filer) return filer.identity.number === verifiedIdNumber ? undefined : { path: 'filer.identity.number', message: hint };
  if (applicant.kind === 'person') return applicant.identity.number === verifiedIdNumber ? undefined : { path: 'applicant.identity.number', message: hint };
  return applicant.representative.identity?.number === verifiedIdNumber ? undefined : { path: 'applicant.representative.identity.number', message: hint };
}

/** An ID number shown in a message: the last four digits only. */
export function mask(idNumber: string): string {
  return `${'•'.repeat(Math.max(0, idNumber.length - 4))}${idNumber.slice(-4)}`;
}
