// My dossiers' state: who is signed in, the list or the one dossier of the address (/ho-so/<id>) with
// its events and its API answer, the message about the citizen's last action, and the supplement files
// being gathered. main.ts plugs in the renderer of the page the address names.
import type { User } from 'firebase/auth';
import type { Unsubscribe } from 'firebase/firestore';
import type { Bilingual } from '../shared/api.js';
import type { FeeLine } from '../shared/fee.js';
import { applicantSlipAfter } from '../shared/slips.js';
import type { DossierAnswer, DossierPaymentAnswer, PaymentReturnAnswer, UploadAnswer } from './api.js';
import type { DossierDoc, EventDoc } from './store.js';

/** A row of the list (the contract's, which the server also prints: contract/views/my-dossiers-view.ts). */
import type { ListedDossier } from '../../../functions/src/contract/views/my-dossiers-view.js';

export type { ListedDossier };

/** The dossier of the address; empty on the list page (/ho-so/). */
export const dossierId = decodeURIComponent(location.pathname.replace(/^\/ho-so\/?/, '').replace(/\/$/, ''));

export const page: {
  user?: User;
  /** Listeners to stop on sign-out or when another user signs in. */
  stop: Unsubscribe[];
  list?: ListedDossier[];
  /** Who the list was drawn for, as the server wrote it, while Auth has not yet restored the user. */
  who?: string;
  listError?: Bilingual;
  /** The dossier: undefined while loading, null when it does not exist or may not be read. */
  current?: DossierDoc | null;
  events: EventDoc[];
  answer?: DossierAnswer;
  answerError?: Bilingual;
  /** What the dossier's procedure costs (the public catalogue), shown until a fee notice is sent. */
  procedureFees?: FeeLine[];
  /** The fee notice and receipts (GET …/payment), asked again when the dossier moves. */
  payment?: DossierPaymentAnswer;
  /** The gateway's result the browser came back with (?vnp_… on the address), as the server verified it. */
  gatewayReturn?: PaymentReturnAnswer;
  /** Why going to the gateway was refused (the notice was paid or replaced meanwhile). */
  paymentError?: Bilingual;
  /** A message about the citizen's own last action, shown until the dossier moves past it. */
  message?: { state: 'ok' | 'error'; text: Bilingual; untilVersion: number };
} = { stop: [], events: [] };

/** The agencies' names (public directory), to name the receiving desk and the competent agency. */
export const agencyNames = new Map<string, Bilingual>();

/** The citizen's own action being written (ask to stop, or withdraw before reception), kept across live re-renders. */
export type OwnAction = 'requestStop' | 'withdraw';
export const ownAction: {
  open?: OwnAction;
  /** The form was filled: the confirmation step is on screen. */
  confirming: boolean;
  sending: boolean;
  reason: string;
  /** Shown beside the reason field. */
  problem?: Bilingual;
  /** Reused when the same request is sent again (docs/API.md). */
  requestId?: string;
} = { confirming: false, sending: false, reason: '' };

/** New files per supplement item for the supplement answer, kept across live re-renders. */
export const supplementFiles = new Map<string, UploadAnswer[]>();
export const supplement: { requestId?: string } = {};

const hooks = { render: (): void => undefined };

/** main.ts plugs in the renderer. */
export function connectPage(plugged: typeof hooks): void {
  Object.assign(hooks, plugged);
}

export const render = (): void => hooks.render();

export function stopListening(): void {
  for (const fn of page.stop) fn();
  page.stop = [];
}

/** The dossier document changed: a message about an older version has done its job. */
export function dossierChanged(d: DossierDoc | null): void {
  page.current = d;
  if (page.message && d && d.version > page.message.untilVersion) page.message = undefined;
}

/** The latest event makes a slip for the applicant (features/slips) that the API does not list yet. */
export function slipMissing(): boolean {
  const last = page.events[page.events.length - 1];
  const slips = page.answer?.slips;
  return !!last && applicantSlipAfter(page.answer?.dossier.ruleSet, last.type) !== undefined && Array.isArray(slips) && !slips.some((s) => s.version === last.version);
}

export function signedOut(): void {
  stopListening();
  page.user = undefined;
  page.list = undefined;
  page.current = undefined;
}
