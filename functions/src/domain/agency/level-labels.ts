// Levels of government and their labels as plain data (no zod), for the public web pages.
import type { Bilingual } from '../shared/bilingual.js';

export const AGENCY_LEVELS = ['province', 'district', 'commune'] as const;

export const AGENCY_LEVEL_LABELS = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện (đến 30/06/2025)', en: 'District (until 30/06/2025)' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
} as const satisfies Record<(typeof AGENCY_LEVELS)[number], Bilingual>;
