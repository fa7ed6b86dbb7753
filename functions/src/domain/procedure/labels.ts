// Catalogue labels as plain data (no zod), for the public web pages that must not ship the schema library.
import type { Bilingual } from '../shared/bilingual.js';

export const ONLINE_LEVELS = ['full', 'partial'] as const;

export const ONLINE_LEVEL_LABELS = {
  full: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Trực tuyến một phần', en: 'Partly online' },
} as const satisfies Record<(typeof ONLINE_LEVELS)[number], Bilingual>;
