// Feedback and petitions (phản ánh, kiến nghị; Decree 20/2008 as amended by Decree 92/2017, Circular
// 02/2017/TT-VPCP; Decree 118 Art. 8): what a sender submits, what a desk officer records from a hotline
// call or the feedback box, and the case as it is handled. The sender's identity is kept apart from the
// case (`FeedbackSender`): only those handling it see it.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { Email } from '../applicant/applicant.js';
import { PersonName } from '../applicant/person-name.js';
import { VietnameseMobile } from '../applicant/phone.js';
import { DossierCode } from '../dossier-code/dossier-code.js';
import { bi } from '../shared/bilingual.js';
import { PlainText } from '../shared/primitives.js';
import { FEEDBACK_CATEGORIES, FEEDBACK_CHANNELS, FEEDBACK_STATUSES } from './labels.js';

export * from './labels.js';

export const FeedbackCategory = z
  .enum(FEEDBACK_CATEGORIES, { error: bi('Chọn một loại phản ánh', 'choose a category') })
  .describe('Loại phản ánh, kiến nghị / category');
export const FeedbackChannel = z.enum(FEEDBACK_CHANNELS).describe('Kênh tiếp nhận / channel');
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES).describe('Trạng thái / status');

/** How to reach the sender with the answer: a phone or an email, with an optional name. */
export const SenderContact = z
  .strictObject({
    fullName: PersonName.optional(),
    phone: VietnameseMobile.optional(),
    email: Email.optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, {
    path: ['email'],
    error: bi('Cho biết số điện thoại hoặc email để nhận câu trả lời', 'give a phone number or an email to receive the answer'),
  })
  .describe('Thông tin liên hệ để nhận trả lời / contact for the answer');
export type SenderContact = z.infer<typeof SenderContact>;

const Subject = PlainText(200).describe('Tiêu đề / subject');
const Body = PlainText(5000).describe('Nội dung phản ánh, kiến nghị / message');

/** What the online form sends. Anonymous senders must leave a contact (checked with the caller). */
export const FeedbackSubmission = z.strictObject({
  category: FeedbackCategory,
  subject: Subject,
  body: Body,
  dossierCode: DossierCode.optional().describe('Mã hồ sơ liên quan / related dossier code'),
  agencyId: AgencyId.optional().describe('Cơ quan liên quan / agency concerned'),
  contact: SenderContact.optional(),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

/** What a desk officer records from a hotline call or a paper note of the feedback box. */
export const FeedbackRecordInput = FeedbackSubmission.extend({
  channel: z.enum(['hotline', 'paper']).describe('Kênh / channel'),
});
export type FeedbackRecordInput = z.infer<typeof FeedbackRecordInput>;

/** The sender's identity: stored apart from the case (`feedback/{id}/private/sender`). */
export type FeedbackSender = {
  readonly uid: string | null;
  readonly fullName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
};

/** Answer text written for the public page: the officer removes every personal detail. */
export const PublicText = (max: number) => PlainText(max);
