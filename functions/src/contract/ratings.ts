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
