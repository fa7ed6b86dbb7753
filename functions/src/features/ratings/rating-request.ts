// What a client sends to rate a dossier (POST /api/ratings), and the pure decisions about it: who may
// rate through which channel, what is stored, and what the statistics add.
import { z } from 'zod';
import {
  bi,
  DossierCode,
  Rating,
  RatingSubmission,
  type AgencyId,
  type Role,
  type Satisfaction,
} from '../../domain/index.js';
import { RequestId } from '../../platform/request-id.js';
import type { RatingBody } from '../../contract/index.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';

/** The public API accepts two of the three channels: paper slips are keyed in by officers (not yet built). */
export const PublicRatingChannel = z
  .enum(['online', 'deskDevice'], { error: bi('Kênh đánh giá là online hoặc deskDevice', 'channel is online or deskDevice') })
  .describe('Kênh đánh giá / rating channel');
export type PublicRatingChannel = z.infer<typeof PublicRatingChannel>;

export const LookupTokenInput = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, bi('Mã tra cứu gồm tối đa 64 ký tự base64url', 'the token is at most 64 base64url characters'))
  .describe('Mã tra cứu in trên giấy hẹn (mã QR) / lookup token printed on the receipt (QR code)');

/** The eight digits printed on the receipt beside its QR code (domain/lookup-token/rating-code.ts). */
export const RatingCodeInput = z
  .string()
  .max(20)
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{8}$/, bi('Mã đánh giá gồm 8 chữ số in trên giấy tiếp nhận', 'the rating code is the 8 digits printed on the receipt')))
  .describe('Mã đánh giá in trên giấy tiếp nhận / rating code printed on the receipt');

export const SubmitRatingRequest = RatingSubmission.extend({
  requestId: RequestId,
  code: DossierCode.describe('Mã hồ sơ / dossier code'),
  token: LookupTokenInput.optional(),
  ratingCode: RatingCodeInput.optional(),
  channel: PublicRatingChannel,
})
  // A desk rating proves that the citizen holds the receipt: its QR (token) or its printed rating code.
  // The kiosk's own session is not proof: desk staff know its password (issue 12, finding 3).
  .refine((r) => r.channel !== 'deskDevice' || r.token !== undefined || r.ratingCode !== undefined, {
    path: ['ratingCode'],
    error: bi(
      'Đánh giá tại quầy cần quét mã QR trên giấy tiếp nhận hoặc nhập mã đánh giá in trên giấy',
      'a desk rating needs the receipt: scan its QR code or type the rating code printed on it',
    ),
  })
  .refine((r) => r.channel !== 'online' || r.ratingCode === undefined, {
    path: ['ratingCode'],
    error: bi('Mã đánh giá chỉ dùng tại quầy; trực tuyến dùng đường dẫn trên giấy tiếp nhận', 'the rating code is for the desk; online, use the link on the receipt'),
  });
export type SubmitRatingRequest = z.infer<typeof SubmitRatingRequest>;

/**
 * Who may rate through a channel, before looking at the dossier:
 * - `online`: an anonymous visitor with the receipt's token, or a signed-in citizen (owner, or with the token);
 * - `deskDevice`: only a kiosk account, and only with the receipt's proof (its QR token or its printed
 *   rating code, checked against the dossier afterwards with the kiosk's agency);
 * - officers, admins and monitors never rate: a rating is the applicant's voice.
 * Answers 'ok', or the refusal: 'unauthenticated' (a desk rating needs the device's sign-in) or 'forbidden'.
 */
export function channelDecision(role: Role | undefined, channel: PublicRatingChannel): 'ok' | 'unauthenticated' | 'forbidden' {
  if (role !== undefined && role !== 'citizen' && role !== 'kiosk') return 'forbidden';
  if (channel === 'deskDevice') return role === undefined ? 'unauthenticated' : role === 'kiosk' ? 'ok' : 'forbidden';
  return role === 'kiosk' ? 'forbidden' : 'ok';
}

/** The stored rating: the domain Rating, with no identity of the rater (Decree 61/2018 Art. 28). */
export function ratingOf(
  input: Pick<SubmitRatingRequest, 'channel' | 'satisfaction' | 'officerAttitudeComplaint' | 'comment'>,
  dossier: { id: string; receivingAgencyId: AgencyId },
  now: Date,
): Rating {
  return Rating.parse({
    dossierId: dossier.id,
    agencyId: dossier.receivingAgencyId,
    channel: input.channel,
    ratedAt: now,
    satisfaction: input.satisfaction,
    officerAttitudeComplaint: input.officerAttitudeComplaint,
    ...(input.comment !== undefined ? { comment: input.comment } : {}),
    // A complaint lowers index 7 only once a lead has verified it.
    complaintVerification: input.officerAttitudeComplaint ? 'pending' : 'none',
  });
}

/** What a rating adds to `stats/{agencyId}_{field}_{month}` (the month of the rating, Vietnam time). */
export type RatingCounters = {
  rated: 1;
  satisfaction: Partial<Record<Satisfaction, 1>>;
  attitudeComplaints?: 1;
};

export function ratingCounters(rating: Pick<Rating, 'satisfaction' | 'officerAttitudeComplaint'>): RatingCounters {
  return {
    rated: 1,
    satisfaction: { [rating.satisfaction]: 1 },
    ...(rating.officerAttitudeComplaint ? { attitudeComplaints: 1 as const } : {}),
  };
}

type _RatingAgrees = Agrees<SameShape<z.input<typeof SubmitRatingRequest>, RatingBody>>;
