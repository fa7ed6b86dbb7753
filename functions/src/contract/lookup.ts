// GET /api/lookup/:code[?t=token] — the page a receipt's QR code opens. With the code alone: the status
// only (codes are guessable); with the receipt's token: progress, the due date and why it is that date.
import type { DossierStatusName as DossierStatus, PortalStatusCode } from '../domain/dossier/status-info.js';
import type { StepRole } from '../domain/procedure/step.js';
import type { Bilingual } from '../domain/shared/bilingual.js';

export type LookupQuery = { t?: string };

import type { RatingState } from '../domain/evaluation/rating-state.js';

export type { RatingState };

export type BasicView = {
  view: 'basic';
  code: string;
  status: DossierStatus;
  statusLabel: Bilingual;
  completed: boolean;
};

export type AgencyRef = { id: string; name: Bilingual | null };

export type FullView = Omit<BasicView, 'view'> & {
  view: 'full';
  nationalStatusCode: PortalStatusCode | null;
  procedure: { code: string; name: Bilingual };
  receivingAgency: AgencyRef;
  currentAgency: AgencyRef | null;
  step: {
    id: string | null;
    role: StepRole | null;
    roleLabel: Bilingual | null;
    description: Bilingual | null;
    since: string;
    dueAt: string | null;
  } | null;
  receivedAt: string | null;
  dueAt: string | null;
  dueExplanation: Bilingual | null;
  extended: boolean;
  completed: boolean;
  resultReturnedAt: string | null;
  /** Decree 118 Art. 21: when the applicant asked to stop processing (pending or confirmed); never the reason. */
  stopRequestedAt: string | null;
  rating: RatingState;
};

export type LookupView = BasicView | FullView;

/** The keys each view may carry: nothing more ever leaves the server (tested). */
export const BASIC_VIEW_KEYS = ['view', 'code', 'status', 'statusLabel', 'completed'] as const satisfies readonly (keyof BasicView)[];
export const FULL_VIEW_KEYS = [
  'view',
  'code',
  'status',
  'statusLabel',
  'nationalStatusCode',
  'procedure',
  'receivingAgency',
  'currentAgency',
  'step',
  'receivedAt',
  'dueAt',
  'dueExplanation',
  'extended',
  'completed',
  'resultReturnedAt',
  'stopRequestedAt',
  'rating',
] as const satisfies readonly (keyof FullView)[];
