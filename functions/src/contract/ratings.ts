// POST /api/ratings — the applicant rates a returned dossier once: online (with the receipt's token or as
// its owner) or on the desk's rating device (with the receipt's token or printed rating code). Ratings
// carry no identity of the rater.
import type { RatingChannel, Satisfaction } from '../domain/evaluation/rating.js';
import type { Bilingual } from '../domain/shared/bilingual.js';

export type RatingBody = {
  requestId: string;
  code: string;
  /** The receipt's lookup token (its QR code): online, or scanned at the desk. */
  token?: string;
  /** At the desk without the QR: the eight digits printed on the receipt (spaces allowed). */
  ratingCode?: string;
  channel: 'online' | 'deskDevice';
  satisfaction: Satisfaction;
  officerAttitudeComplaint: boolean;
  comment?: string;
};

export type RatingAnswer = {
  rating: {
    code: string;
    channel: RatingChannel;
    satisfaction: Satisfaction;
    satisfactionLabel: Bilingual;
    officerAttitudeComplaint: boolean;
    comment: string | null;
    ratedAt: string;
  };
  duplicate?: true;
};

/** Decree 118 Art. 33.1: what the applicant is asked, each answered 1 (poor) to 5 (very good) or left out. */
export type RatingCriteriaBody = Partial<Record<'legalTime' | 'agenciesContacted' | 'contacts' | 'publishedInfo' | 'staffAttitude' | 'lawfulResult' | 'feedbackAnswers' | 'onlineService', number>>;

/** POST /api/desk/ratings — a paper rating slip keyed in by a desk officer of the receiving agency. */
export type PaperRatingBody = {
  requestId: string;
  code: string;
  satisfaction: Satisfaction;
  officerAttitudeComplaint: boolean;
  comment?: string;
  criteria?: RatingCriteriaBody;
  /** The number printed on the slip, if any. */
  slipNumber?: string;
};
export type PaperRatingAnswer = { rating: { code: string; channel: 'paperSlip'; satisfaction: Satisfaction; keyedBy: string; keyedAt: string }; duplicate?: true };
