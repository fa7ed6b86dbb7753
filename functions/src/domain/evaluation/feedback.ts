// Feedback and complaints (phản ánh, kiến nghị) from anyone, with or without a dossier. Index 8 of
// Circular 01/2018 scores how many were answered on time.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { Email } from '../applicant/applicant.js';
import { PersonName } from '../applicant/person-name.js';
import { VietnameseMobile } from '../applicant/phone.js';
import { DossierCode } from '../dossier-code/dossier-code.js';
import type { Bilingual } from '../shared/bilingual.js';
import { EntityId, Instant, PlainText } from '../shared/primitives.js';

export const FeedbackKind = z.enum(['complaint', 'suggestion', 'question']).describe('Loại / kind');
export type FeedbackKind = z.infer<typeof FeedbackKind>;

export const FEEDBACK_KIND_LABELS = {
  complaint: { vi: 'Phản ánh', en: 'Complaint' },
  suggestion: { vi: 'Kiến nghị', en: 'Suggestion' },
  question: { vi: 'Hỏi đáp', en: 'Question' },
} as const satisfies Record<FeedbackKind, Bilingual>;

export const FeedbackSubmission = z.strictObject({
  kind: FeedbackKind,
  subject: PlainText(200).describe('Tiêu đề / subject'),
  body: PlainText(5000).describe('Nội dung / message'),
  dossierCode: DossierCode.optional(),
  agencyId: AgencyId.optional().describe('Cơ quan liên quan / agency concerned'),
  contact: z
    .strictObject({
      fullName: PersonName.optional(),
      phone: VietnameseMobile.optional(),
      email: Email.optional(),
    })
    .optional()
    .describe('Thông tin liên hệ (không bắt buộc) / contact (optional)'),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

export const Feedback = FeedbackSubmission.extend({
  id: EntityId,
  receivedAt: Instant,
  dueAt: Instant.optional().describe('Hạn trả lời / answer due by'),
  answeredAt: Instant.optional(),
  answer: z.string().optional(),
});
export type Feedback = z.infer<typeof Feedback>;
