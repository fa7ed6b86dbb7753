// Decree 118/2025 Art. 33.1: what an applicant is asked about the handling of a dossier, each answered on a
// five-point scale (1 poor … 5 very good) or left unanswered. Asked on the paper slip the desk keys in.
import { z } from 'zod';

import { RATING_CRITERIA, RATING_CRITERIA_LABELS, type RatingCriterion } from './rating-criteria-labels.js';

export { RATING_CRITERIA, RATING_CRITERIA_LABELS, type RatingCriterion };

const Score = z.number().int().min(1).max(5);
export const RatingCriteria = z
  .strictObject(Object.fromEntries(RATING_CRITERIA.map((k) => [k, Score.optional().describe(RATING_CRITERIA_LABELS[k].vi)])) as Record<RatingCriterion, z.ZodOptional<typeof Score>>)
  .describe('Tiêu chí đánh giá (Điều 33 Nghị định 118) / Decree 118 Art. 33 criteria');
export type RatingCriteria = z.infer<typeof RatingCriteria>;
