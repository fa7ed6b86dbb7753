// What GET /api/lookup/:code answers (features/lookup/lookup-view.ts): `basic` with the code alone,
// `full` with the receipt's token. Shared by the lookup page, the rating page and the desk kiosk.
import type { Bilingual } from './api.js';

type Agency = { id: string; name: Bilingual | null };

export type LookupView = {
  view: 'basic' | 'full';
  code: string;
  statusLabel: Bilingual;
  completed: boolean;
  procedure?: { code: string; name: Bilingual };
  receivingAgency?: Agency;
  currentAgency?: Agency | null;
  receivedAt?: string | null;
  dueAt?: string | null;
  dueExplanation?: Bilingual | null;
  extended?: boolean;
  resultReturnedAt?: string | null;
  rating?: { rateable: boolean; rated: boolean };
};
