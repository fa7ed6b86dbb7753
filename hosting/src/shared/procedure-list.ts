// What GET /api/procedures answers (features/catalog): one page of the public catalogue, ordered by code.
// Read by the landing page and the transparency page.
import type { ONLINE_LEVEL_LABELS } from '../../../functions/src/contract/index.js';
import type { Bilingual } from './api.js';

export type ProcedureSummary = {
  code: string;
  name: Bilingual;
  field: string;
  fieldName: Bilingual;
  durationText: Bilingual;
  onlineLevel: keyof typeof ONLINE_LEVEL_LABELS;
  feeVnd: number;
  /** Arrives with the server's catalogue update; until then the landing page hides its level filter. */
  competentLevels?: string[];
};

export type ProcedurePage = { items: ProcedureSummary[]; nextAfter: string | null };
