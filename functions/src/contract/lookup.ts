// GET /api/lookup/:code[?t=token] — the page a receipt's QR code opens. With the code alone: the status
// only (codes are guessable); with the receipt's token: progress, the due date and why it is that date.
import type { DossierStatusName as DossierStatus, PortalStatusCode } from '../domain/dossier/status-info.js';
import type { StepRole } from '../domain/procedure/step.js';
import type { Bilingual } from '../domain/shared/bilingual.js';

/** `t`: the receipt's token (its QR code); `r`: the desk rating code printed on it, honoured from a desk kiosk only. */
export type LookupQuery = { t?: string; r?: string };

import type { RatingState } from '../domain/evaluation/rating-state.js';

export type { RatingState };
export { isRateableStatus } from '../domain/evaluation/rating-state.js';

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
  /** The appointment printed on the receipt (at reception); `dueAt` may differ later (extension, supplement, payment). */
  receiptDueAt: string | null;
  /** Where the applicant collects the result: at the receiving desk (with its address), by post, or online. */
  collect: { via: 'desk' | 'post' | 'online'; agency: AgencyRef; address: string | null };
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
  'receiptDueAt',
  'collect',
] as const satisfies readonly (keyof FullView)[];
