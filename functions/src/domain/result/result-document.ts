// The electronic result (kết quả giải quyết TTHC điện tử), Decree 118 Art. 22: the agency's decision as a
// digitally signed document, returned online by default (paper as well unless the procedure is
// electronic-only). It carries a document code made of the holder's identification number and the
// result-type code, and at least: type, holder, name, summary, validity and scope.
import { z } from 'zod';
import type { Applicant } from '../applicant/applicant.js';
import type { Dossier, ResultDelivery } from '../dossier/dossier.js';
import type { Actor } from '../lifecycle/actor.js';
import { bi, type Bilingual } from '../shared/bilingual.js';
import { LocalDate } from '../time/schemas.js';
import { PlainText } from '../shared/primitives.js';

/**
 * The result-type code of the national catalogue (mã loại kết quả). Its exact national pattern was not
 * found (docs/SIGNATURES.md): letters, digits, dots and hyphens, 2–30 characters.
 */
export const ResultTypeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9.-]{1,29}$/, bi('Mã loại kết quả gồm 2–30 chữ, số, dấu chấm hoặc gạch ngang', 'the result-type code is 2–30 letters, digits, dots or hyphens'))
  .describe('Mã loại kết quả / result-type code');

/** What the handling officer states about the result; the holder and the code come from the dossier. */
export const ResultDetails = z
  .strictObject({
    typeCode: ResultTypeCode,
    typeName: PlainText(255).describe('Tên loại kết quả / result type, e.g. Giấy chứng nhận'),
    title: PlainText(255).describe('Tên kết quả / name of the result document'),
    summary: PlainText(2000).describe('Trích yếu nội dung / summary'),
    validFrom: LocalDate.optional().describe('Hiệu lực từ ngày / valid from'),
    validUntil: LocalDate.optional().describe('Hiệu lực đến ngày (trống: không thời hạn) / valid until (empty: no end)'),
    scope: PlainText(500).describe('Phạm vi sử dụng / where it may be used'),
  })
  .refine((d) => d.validFrom === undefined || d.validUntil === undefined || d.validFrom <= d.validUntil, {
    path: ['validUntil'],
    error: bi('Ngày hết hiệu lực phải sau ngày có hiệu lực', 'the end of validity must follow its start'),
  });
export type ResultDetails = z.infer<typeof ResultDetails>;

/** Who the result is issued to: the applicant (a person by ID number, an organisation by tax code). */
export type ResultHolder = { name: string; idNumber: string };

export function holderOf(applicant: Applicant): ResultHolder {
  return applicant.kind === 'person'
    ? { name: applicant.fullName, idNumber: applicant.identity.number }
    : { name: applicant.name, idNumber: applicant.taxCode };
}

/**
 * The document code of an electronic result: the holder's identification number and the result-type code
 * (Art. 22). The law fixes the two parts, not a separator; a hyphen keeps the ID number readable.
 */
export function resultDocumentCode(holder: Pick<ResultHolder, 'idNumber'>, typeCode: string): string {
  return `${holder.idNumber}-${typeCode}`;
}

/**
 * Who may issue the result: the handler or lead of the agency now holding the dossier, while it is being
 * handled or once decided (before it is returned). Returns why not, or undefined.
 */
export function resultIssueProblem(
  dossier: Pick<Dossier, 'status' | 'currentStep' | 'receivingAgencyId'>,
  actor: Pick<Actor, 'role' | 'agencyId'>,
): Bilingual | undefined {
  if (actor.role !== 'handler' && actor.role !== 'lead') {
    return { vi: 'Chỉ chuyên viên thụ lý hoặc lãnh đạo ban hành kết quả.', en: 'Only the handling officer or a lead issues the result.' };
  }
  const holding = dossier.currentStep?.agencyId ?? dossier.receivingAgencyId;
  if (actor.agencyId !== holding) {
    return { vi: 'Hồ sơ không do cơ quan của bạn đang giải quyết.', en: 'Your agency is not handling this dossier now.' };
  }
  if (dossier.status !== 'processing' && dossier.status !== 'resolved') {
    return { vi: 'Chỉ ban hành kết quả khi hồ sơ đang giải quyết hoặc đã có quyết định, trước khi trả.', en: 'A result is issued while the dossier is handled or decided, before it is returned.' };
  }
  return undefined;
}

/** The applicant sees the electronic result once the desk has returned it (Art. 22: returned online). */
export function applicantSeesResults(dossier: Pick<Dossier, 'status'>): boolean {
  return dossier.status === 'returned';
}

/**
 * Returning online means handing over the electronic result: without one on record, the desk must return
 * on paper (at the desk or by post). Returns why not, or undefined.
 */
export function onlineReturnProblem(via: ResultDelivery, electronicResults: number): Bilingual | undefined {
  if (via !== 'online' || electronicResults > 0) return undefined;
  return {
    vi: 'Hồ sơ chưa có kết quả điện tử được ký số: hãy ban hành kết quả điện tử trước, hoặc trả bản giấy.',
    en: 'The dossier has no signed electronic result yet: issue it first, or return the paper result.',
  };
}
