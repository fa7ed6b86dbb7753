// An administrator's corrections of the facts the legal reference marks "reported", per rule set, stored in
// Firestore `ruleSetSettings/{ruleSet}` and read through the reference-data cache: no deploy needed.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';

/** An administrator's corrections of reported facts, per rule set (Firestore `ruleSetSettings/{ruleSet}`). */
export const RuleSetSettings = z.strictObject({
  code: z
    .strictObject({
      yearDigits: z.union([z.literal(2), z.literal(4)]).describe('Năm 2 hoặc 4 chữ số / 2- or 4-digit year'),
      sequenceWidth: z
        .number()
        .int()
        .min(4, bi('Số thứ tự ít nhất 4 chữ số', 'the sequence has at least 4 digits'))
        .max(9, bi('Số thứ tự nhiều nhất 9 chữ số', 'the sequence has at most 9 digits')),
    })
    .optional()
    .describe('Mẫu mã hồ sơ / dossier-code pattern'),
  /** Decree 118 Art. 28: codes of dossiers filed online carry the national portal's identifier (e.g. G09.20). */
  onlineIssuer: z
    .string()
    .regex(/^[A-Z]\d{2}\.\d{2}$/, bi('Mã định danh Cổng DVCQG có dạng G09.20', 'the portal identifier looks like G09.20'))
    .optional()
    .describe('Mã định danh Cổng Dịch vụ công quốc gia dùng trong mã hồ sơ nộp trực tuyến / portal identifier in online dossier codes'),
  source: z.string().trim().min(1).max(500).optional().describe('Nguồn, căn cứ / where the setting comes from'),
});
export type RuleSetSettings = z.infer<typeof RuleSetSettings>;
