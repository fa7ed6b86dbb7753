// Citizen satisfaction (Decree 61/2018 Art. 27–32). A rating is tied to a dossier and its agency but never
// to the rater's identity: evaluations must protect the rater's confidentiality.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { bi } from '../shared/bilingual.js';
import { EntityId, Instant, PlainText } from '../shared/primitives.js';
import { SATISFACTION_LEVELS } from './satisfaction-scale.js';

export { SATISFACTION_LEVELS, SATISFACTION_SCALE } from './satisfaction-scale.js';

export const Satisfaction = z
  .enum(SATISFACTION_LEVELS, {
    error: bi('Chọn một mức độ hài lòng', 'choose a satisfaction level'),
  })
  .describe('Mức độ hài lòng / satisfaction');
export type Satisfaction = z.infer<typeof Satisfaction>;

export const RatingChannel = z
  .enum(['paperSlip', 'deskDevice', 'online'])
  .describe('Kênh đánh giá / rating channel');
export type RatingChannel = z.infer<typeof RatingChannel>;

/** What the applicant sends (strict: nothing else is accepted). */
export const RatingSubmission = z.strictObject({
  satisfaction: Satisfaction,
  officerAttitudeComplaint: z
    .boolean()
    .describe('Phản ánh về thái độ của cán bộ / complaint about an officer’s attitude'),
  comment: PlainText(2000).optional().describe('Ý kiến khác / comment'),
});
export type RatingSubmission = z.infer<typeof RatingSubmission>;

/** A complaint counts against index 7 only once a lead has verified it. */
export const ComplaintVerification = z.enum(['none', 'pending', 'verified', 'dismissed']);
export type ComplaintVerification = z.infer<typeof ComplaintVerification>;

export const Rating = z
  .object({
    dossierId: EntityId,
    agencyId: AgencyId,
    channel: RatingChannel,
    ratedAt: Instant,
    satisfaction: Satisfaction,
    officerAttitudeComplaint: z.boolean(),
    comment: z.string().optional(),
    complaintVerification: ComplaintVerification,
  })
  .refine((r) => r.officerAttitudeComplaint === (r.complaintVerification !== 'none'), {
    path: ['complaintVerification'],
    error: bi(
      'Trạng thái xác minh phải khớp với việc có phản ánh',
      'verification state must match whether a complaint was made',
    ),
  });
export type Rating = z.infer<typeof Rating>;
