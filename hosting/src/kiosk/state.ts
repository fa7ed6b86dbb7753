// The kiosk's state: the device's account (a kiosk account of one desk's agency, or none), the screen on
// show with the citizen's half-filled rating, and the idle timer that clears the screen for the next
// citizen. main.ts plugs in the renderer, so the screens need not import one another.
import type { User } from 'firebase/auth';
import type { SATISFACTION_LEVELS } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { setLang } from '../shared/i18n.js';
import type { FullView, LookupView } from './api.js';
import type { Scanned } from './scan.js';

export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** One citizen's rating while they fill it in. */
export type Draft = {
  scanned: Scanned;
  /** The full view (the QR's token or the typed rating code proved the receipt): procedure, rating state. */
  view: FullView;
  satisfaction: Satisfaction | null;
  complaint: boolean | null;
  comment: string;
  /** Typed from the receipt (checked by the lookup) when the code was typed rather than scanned (the QR's token is the proof otherwise). */
  ratingCode: string;
  requestId: string;
  errors: Partial<Record<'ratingCode' | 'satisfaction' | 'officerAttitudeComplaint' | 'comment' | 'form', Bilingual>>;
  sending: boolean;
};

export type Screen =
  | { kind: 'loading' }
  | { kind: 'signIn'; error: Bilingual | null }
  | { kind: 'refused'; email: string }
  | { kind: 'start'; typed: string; error: Bilingual | null }
  /** A typed code (no QR token): the receipt's rating code is asked for before anything else. */
  | { kind: 'proof'; scanned: Scanned; view: LookupView; typed: string; error: Bilingual | null; sending: boolean }
  | { kind: 'rate'; draft: Draft }
  | { kind: 'thanks' }
  | { kind: 'alreadyRated'; code: string }
  | { kind: 'notRateable'; view: LookupView };

/** The thank-you and end screens go back to the start after this much inactivity. */
const END_SCREEN_IDLE_MS = 10_000;
/** A form left half done is cleared after this, so the next citizen never sees it. */
const FORM_IDLE_MS = 90_000;

export const kiosk: {
  /** The signed-in kiosk account and the agency of its desk; null until one is signed in. */
  device: { user: User; agencyId: string } | null;
  screen: Screen;
} = { device: null, screen: { kind: 'loading' } };

const hooks = { render: (): void => undefined };

/** main.ts plugs in the screen renderer. */
export function connectScreens(plugged: typeof hooks): void {
  Object.assign(hooks, plugged);
}

export const render = (): void => hooks.render();

let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** (Re)starts the idle timer for the screen on show; any touch or key press calls it again. */
export function armIdle(): void {
  clearTimeout(idleTimer);
  idleTimer = undefined;
  const { screen } = kiosk;
  const ms =
    screen.kind === 'rate' || screen.kind === 'proof' || (screen.kind === 'start' && (screen.typed || screen.error))
      ? FORM_IDLE_MS
      : screen.kind === 'thanks' || screen.kind === 'alreadyRated' || screen.kind === 'notRateable'
        ? END_SCREEN_IDLE_MS
        : 0;
  if (ms > 0) idleTimer = setTimeout(resetForNextCitizen, ms);
}

/** Shows `next`, restarts the idle timer and moves the focus to the screen's first target. */
export function show(next: Screen): void {
  kiosk.screen = next;
  render();
  armIdle();
  document.getElementById('app')?.querySelector<HTMLElement>('[data-focus]')?.focus();
}

/** Back to the start with nothing of the previous citizen left: screen, draft, language. */
export function resetForNextCitizen(): void {
  if (!kiosk.device) return;
  setLang('vi');
  show({ kind: 'start', typed: '', error: null });
}
