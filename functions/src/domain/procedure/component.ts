// A required document (thành phần hồ sơ) as the procedure lists it: what to bring and in how many copies.
import { z } from 'zod';
import { Bilingual, bi } from '../shared/bilingual.js';

const Count = z.number().int().min(0).max(20);

export const ComponentId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,63}$/,
    bi('Mã thành phần: chữ thường, số, dấu gạch ngang', 'component id: lower-case letters, digits, hyphens'),
  );
export type ComponentId = z.infer<typeof ComponentId>;

/**
 * The blank form a document is written on ("Mẫu số 11/ĐK"), where the procedure prescribes one: its number
 * as printed and where to download it (an https address, or a path on this site).
 */
export const ComponentTemplate = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('Số hiệu mẫu, ví dụ Mẫu số 11/ĐK / form number'),
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^(?:https:\/\/[^\s/]+|\/(?!\/))\S*$/u, bi('Đường dẫn mẫu phải bắt đầu bằng https:// hoặc /', 'the template link must start with https:// or /'))
    .describe('Đường dẫn tải mẫu / download address'),
});
export type ComponentTemplate = z.infer<typeof ComponentTemplate>;

export const RequiredComponent = z
  .strictObject({
    id: ComponentId,
    name: Bilingual.describe('Tên giấy tờ / document name'),
    originals: Count.describe('Số bản chính / originals'),
    certifiedCopies: Count.describe('Số bản sao chứng thực / certified copies'),
    copies: Count.describe('Số bản sao / plain copies'),
    mandatory: z.boolean().describe('Bắt buộc / mandatory'),
    note: Bilingual.optional().describe('Ghi chú / note'),
    /**
     * Sensitive personal data by its kind (Law 91/2025: ID-card images, e-ID credentials, biometrics):
     * its files are served only to those who handle the dossier and every opening is logged.
     */
    sensitive: z.boolean().optional().describe('Dữ liệu cá nhân nhạy cảm / sensitive personal data'),
    template: ComponentTemplate.optional().describe('Mẫu đơn, tờ khai / blank form to fill in'),
  })
  .refine((c) => c.originals + c.certifiedCopies + c.copies > 0, {
    path: ['originals'],
    error: bi(
      'Cần ít nhất một bản (chính, chứng thực hoặc sao)',
      'at least one original, certified copy or copy',
    ),
  });
export type RequiredComponent = z.infer<typeof RequiredComponent>;
