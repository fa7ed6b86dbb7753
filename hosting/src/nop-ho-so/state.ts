// The wizard's one shared state and the moves every step makes: which step is on screen, the answers
// (the draft), loading the procedure, following the sign-in, saving the answers, and going to another
// step. The step modules read and change `wizard`; main.ts plugs in the renderer and the per-step
// readers, so the steps need not import one another.
import type { User } from 'firebase/auth';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { newRequestId } from '../shared/session.js';
import type { FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import type { AgencyPublic, ProfileAnswer } from '../../../functions/src/contract/index.js';
import { publicAgencies } from '../shared/reception.js';
import { APPLY_STEP_TITLES, APPLY_STEPS, competentNeededAt, desksOffered, type ApplyStep } from '../../../functions/src/contract/views/apply-view.js';
import { fetchProcedure, type Detail, type SubmittedDossier } from './api.js';
import { askEarly } from '../shared/stored-session.js';
import { profileDraft, profileDraftFrom } from './prefill.js';
import { forgetSession, keepSession, rememberSession, signedInJustNow } from '../shared/page-session.js';
import type { Citizen } from '../shared/stored-session.js';
import { DraftSlotsFull, findDraft, MAX_DRAFTS, saveDraft } from './draft-lookup.js';
import type { ComponentDraft, DraftContent, PersonDraft, StoredDraft } from './draft-store.js';

export type Step = ApplyStep;
export const STEPS = APPLY_STEPS;
export const STEP_TITLES = APPLY_STEP_TITLES;

export const code = decodeURIComponent(location.pathname.replace(/^\/nop-ho-so\/?/, '').replace(/\/$/, ''));

export const wizard: {
  user?: User;
  detail?: Detail;
  /** The province's agencies (public directory): other desks (Decree 118 Art. 14) and competent agencies. */
  agencies: AgencyPublic[];
  /** The answers so far: what the draft stores. */
  state: DraftContent;
  draftId?: string;
  savedAt?: Date;
  step: Step | 'resume' | 'done' | 'loading';
  /** Set by a "change" link on the check page: the step's button then leads back there. */
  returnToCheck: boolean;
  /** Server field errors waiting to be shown once their step is rendered. */
  pending?: { step: Step; problems: FieldProblem[]; title?: Bilingual };
  /**
   * The server field errors on screen now (set by each render, dropped when the step's own check takes
   * over): a language switch redraws the step, and unresolved errors must come back in the new language
   * rather than vanish.
   */
  shownServerErrors?: { step: Step; problems: FieldProblem[]; title?: Bilingual };
  fallbackRequestId?: string;
  submitted?: SubmittedDossier;
  stored?: StoredDraft;
  loadFailure?: Bilingual;
} = { state: {}, step: 'loading', returnToCheck: false, agencies: [] };

/** The applicant as a person (the usual case); an organisation applicant is edited in representation.ts. */
export const person = (): PersonDraft => (wizard.state.applicant ??= { kind: 'person' }) as PersonDraft;

/** The idempotency key of the submission: tied to the draft, so a retry (even after a reload) finds the same dossier. */
export function requestId(): string {
  if (wizard.draftId) return `draft-${wizard.draftId}`;
  return (wizard.fallbackRequestId ??= newRequestId());
}

export function componentState(id: string): ComponentDraft {
  const list = (wizard.state.components ??= []);
  let found = list.find((c) => c.componentId === id);
  if (!found) {
    const required = wizard.detail!.procedure.components.find((c) => c.id === id)!;
    found = { componentId: id, originals: required.originals, certifiedCopies: required.certifiedCopies, copies: required.copies, uploads: [] };
    list.push(found);
  }
  return found;
}

/**
 * A fully online procedure takes files only: nothing is handed in on paper, so the wizard neither asks
 * for nor shows paper copy counts (the dossier still records the procedure's counts for its register).
 */
export const paperless = (): boolean => wizard.detail!.procedure.onlineLevel === 'full';

/** The components the dossier lists: mandatory ones and any the citizen gave a file (or, on paper, a count) for. */
export function selectedComponents(): ComponentDraft[] {
  const components = wizard.detail!.procedure.components;
  return components
    .map((c) => componentState(c.id))
    .filter((s) => {
      const required = components.find((c) => c.id === s.componentId)!;
      return required.mandatory || s.uploads.length > 0 || (!paperless() && s.originals + s.certifiedCopies + s.copies > 0);
    });
}

// ---- loading and signing in ----------------------------------------------------------------------
/** Reads the procedure; a procedure that is missing or takes no online applications is a load failure. */
export async function loadProcedure(): Promise<void> {
  try {
    // Without the directory only the procedure's own desks are offered: the application still works.
    const [detail, agencies] = await Promise.all([fetchProcedure(code), drawn ? drawn.agencies : publicAgencies().catch(() => [])]);
    wizard.detail = detail;
    wizard.agencies = agencies;
    if (wizard.detail.receivingAgencies.length === 0) {
      wizard.loadFailure = { vi: 'Thủ tục này chưa nhận hồ sơ trực tuyến.', en: 'This procedure does not take online applications yet.' };
    }
  } catch (err) {
    wizard.loadFailure = err instanceof ApiCallError && err.status === 404 ? { vi: 'Không tìm thấy thủ tục.', en: 'Procedure not found.' } : describeError(err);
  }
}

/**
 * What the server drew and embedded (features/dossiers/apply-page.ts): the directory always; for a citizen
 * with a page session (`uid`), their profile and their draft of this procedure (or null).
 */
type Drawn = { uid: string | null; agencies: AgencyPublic[]; profile: ProfileAnswer | null; draft: (Omit<StoredDraft, 'updatedAt'> & { updatedAt: string | null }) | null };
function drawnByServer(): Drawn | undefined {
  const app = document.getElementById('app');
  const data = document.getElementById('apply-data');
  if (!app || !data?.textContent) return undefined;
  const drawn = JSON.parse(data.textContent) as Drawn;
  return (drawn.uid ?? undefined) === app.dataset.uid ? drawn : undefined;
}
let drawn = drawnByServer();

/** The server's step 1 is on screen, not yet drawn again by this script (view.ts marks its own). */
function serverStepOnScreen(): boolean {
  const app = document.getElementById('app');
  return app?.dataset.state === 'agency' && app.dataset.drawnBy === undefined;
}

/**
 * The saved draft and the profile, asked with the token Auth stored at the last visit as soon as the page
 * starts, instead of after the SDK has checked the account with Auth's server (one round trip more;
 * shared/stored-session.ts). Both at once (each is a round trip on a slow phone); the profile is used only
 * when there is no draft. Not asked when the server embedded both.
 */
const ask = (citizen: Citizen) => Promise.all([findDraft(citizen, code).catch(() => undefined), profileDraft(citizen)]);
const draftAndProfile = drawn?.uid ? ask : askEarly(ask);

/** POST /api/session once per sign-in seen by this page (the next visit is then drawn by the server). */
const sessionAsked = new Set<string>();

/** What was chosen on the server's step 1 before the sign-in form took its place: kept for after it. */
let carried: Pick<DraftContent, 'receivingAgencyId' | 'competentAgencyId'> = {};

/** A (new) citizen signed in: start from their saved draft if there is one, else from the first step. */
export async function startFor(user: User): Promise<void> {
  wizard.state = {};
  wizard.draftId = undefined;
  wizard.savedAt = undefined;
  wizard.user = user;
  const server = drawn?.uid === user.uid ? drawn : undefined;
  if (!server && !sessionAsked.has(user.uid) && signedInJustNow(user)) {
    sessionAsked.add(user.uid);
    void rememberSession(user);
  } else if (drawn?.uid && !server) void forgetSession(); // drawn for someone else: that cookie goes
  else if (server) keepSession(user);
  drawn = undefined; // used once: a later sign-in asks as usual
  const [stored, prefilled] = server
    ? [server.draft ? { ...server.draft, updatedAt: server.draft.updatedAt ? new Date(server.draft.updatedAt) : null } : undefined, profileDraftFrom(server.profile ?? undefined, user)]
    : await draftAndProfile(user);
  if (wizard.user !== user) return; // another sign-in meanwhile
  wizard.stored = stored;
  if (wizard.stored) wizard.step = 'resume';
  else {
    wizard.step = 'agency';
    if (prefilled) wizard.state.applicant = prefilled;
    const agencies = wizard.detail!.receivingAgencies;
    if (agencies.length === 1) wizard.state.receivingAgencyId = agencies[0]!.id;
    Object.assign(wizard.state, carried);
  }
  carried = {};
  if (document.getElementById('app')?.dataset.drawnBy === undefined) adoptServerView();
  else render();
}

/**
 * The server's first view is on screen and the citizen may already have answered it: the answers are
 * read from it before the page draws the same step again, focus stays where it was, and a form sent
 * before this script ran (the answers in the query) goes on as if "Tiếp tục" were pressed now.
 */
function adoptServerView(): void {
  if (wizard.step === 'agency' && serverStepOnScreen()) readCurrentStep();
  const app = document.getElementById('app')!;
  const focused = app.contains(document.activeElement) ? document.activeElement?.id : undefined;
  render();
  if (focused) document.getElementById(focused)?.focus();
  if (new URLSearchParams(location.search).has('agency')) {
    history.replaceState(null, '', location.pathname + location.hash);
    if (wizard.step === 'agency') document.querySelector<HTMLFormElement>('#step-agency')?.requestSubmit();
  }
}

export function signedOut(): void {
  // The server's step 1 is about to give way to the sign-in form: what was chosen there is kept.
  if (serverStepOnScreen() && wizard.detail) {
    wizard.step = 'agency';
    readCurrentStep();
    carried = { receivingAgencyId: wizard.state.receivingAgencyId, competentAgencyId: wizard.state.competentAgencyId };
    history.replaceState(null, '', location.pathname + location.hash);
    delete document.getElementById('app')!.dataset.state; // the sign-in form, as on a page drawn by this script
  }
  wizard.user = undefined;
  wizard.step = 'loading';
  // A page drawn from a session this browser no longer has a sign-in for: that cookie goes too.
  if (drawn?.uid) void forgetSession();
  drawn = undefined;
}

// ---- saving --------------------------------------------------------------------------------------
export const saveLine = () =>
  h(
    'p',
    { id: 'save-status', class: 'status', role: 'status' },
    wizard.savedAt
      ? t({ vi: `Đã lưu nháp lúc ${formatDateTime(wizard.savedAt)}.`, en: `Draft saved at ${formatDateTime(wizard.savedAt)}.` })
      : draftsFull
        ? t({
            vi: `Bạn đã có ${MAX_DRAFTS} hồ sơ đang soạn dở nên hồ sơ này không được lưu nháp. Bạn vẫn nộp được; muốn lưu nháp, hãy nộp hoặc bỏ một bản nháp khác.`,
            en: `You already have ${MAX_DRAFTS} unfinished applications, so this one is not saved as a draft. You can still submit it; to keep a draft, submit or discard another one.`,
          })
        : '',
  );

/** Whether the last save found every draft slot taken (firestore.rules: ten drafts per citizen). */
let draftsFull = false;

// Saves run one after another: two overlapping first saves would create two drafts.
let saving: Promise<void> = Promise.resolve();
export function save(): Promise<void> {
  saving = saving.then(saveNow);
  return saving;
}

async function saveNow(): Promise<void> {
  if (!wizard.user) return;
  try {
    wizard.draftId = await saveDraft(wizard.user.uid, code, wizard.draftId, wizard.state);
    wizard.savedAt = new Date();
    draftsFull = false;
  } catch (err) {
    // A draft that cannot be saved must not block the application: the page keeps the answers.
    wizard.savedAt = undefined;
    draftsFull = err instanceof DraftSlotsFull;
  }
  const line = document.getElementById('save-status');
  if (line) line.replaceWith(saveLine());
}

// ---- rendering and navigation --------------------------------------------------------------------
const hooks: { render: () => void; readCurrentStep: () => void } = { render: () => undefined, readCurrentStep: () => undefined };

/** main.ts plugs in the page renderer and the reader of the step on screen. */
export function connectWizard(plugged: typeof hooks): void {
  Object.assign(hooks, plugged);
}

export const render = (): void => hooks.render();

/** Copies what is on screen into the state (before leaving a step or saving). */
export const readCurrentStep = (): void => hooks.readCurrentStep();

export function go(next: Step, options: { save?: boolean } = {}): void {
  wizard.step = next;
  if (location.hash !== `#${next}`) history.pushState(null, '', `#${next}`);
  render();
  if (options.save !== false) void save();
}

// ---- where to submit (Decree 118 Art. 14) -----------------------------------------------------------
/** The desks that receive the procedure: its own level's first, then (Art. 14) every other desk of the province. */
export const desks = (): AgencyPublic[] => desksOffered({ detail: wizard.detail!, directory: wizard.agencies, now: new Date() });

/** Whether the chosen desk (or `receivingAgencyId`) needs the applicant to name the competent agency. */
export const competentNeeded = (receivingAgencyId = wizard.state.receivingAgencyId): boolean =>
  competentNeededAt({ detail: wizard.detail!, directory: wizard.agencies, now: new Date() }, receivingAgencyId);
