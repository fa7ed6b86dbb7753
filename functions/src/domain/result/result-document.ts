// The electronic result (kết quả giải quyết TTHC điện tử), Decree 118 Art. 22: the agency's decision as a
// digitally signed document, returned online by default (paper as well unless the procedure is
// electronic-only). It carries a document code made of the holder's identification number and the
// result-type code, and at least: type, holder, name, summary, validity and scope.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';
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
