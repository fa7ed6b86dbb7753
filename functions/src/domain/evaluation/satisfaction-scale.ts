// The five-level satisfaction scale as plain data (no zod), so the rating pages can show it without the
// schema library; rating.ts builds the schema from the same list.
import type { Bilingual } from '../shared/bilingual.js';

export const SATISFACTION_LEVELS = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied'] as const;

/** The five-level scale, best first, as shown on slips, desk devices and the online form. */
export const SATISFACTION_SCALE = {
  verySatisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neutral' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  veryDissatisfied: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
} as const satisfies Record<(typeof SATISFACTION_LEVELS)[number], Bilingual>;
