// What the page shows: the procedure's name and who is signed in above the view the wizard is on (the
// resume choice, a question step, the check page or the confirmation), or why the page cannot be used.
// Each step's module draws it and, for the question steps, reads it back into the state.
import { signOutCitizen } from '../shared/citizen-session.js';
import { byId, h } from '../shared/dom.js';
import { toDom } from '../shared/view-dom.js';
import { applyIntroView } from '../../../functions/src/contract/views/apply-view.js';
import { showFieldErrors } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { signedInAs } from '../shared/phone.js';
import { agencyStep, applicantStep, readAgency, readApplicant } from './agency-applicant-steps.js';
import { checkStep, deliveryStep, readDelivery } from './delivery-check-steps.js';
import { documentsStep, readDocuments } from './documents-step.js';
import { resumeView } from './resume-draft.js';
import { code, wizard, type Step } from './state.js';
import { doneView } from './submission.js';

const VIEWS: Record<Step | 'resume' | 'done', { view: () => HTMLElement; read?: () => void }> = {
  resume: { view: resumeView },
  done: { view: doneView },
  agency: { view: agencyStep, read: readAgency },
  applicant: { view: applicantStep, read: readApplicant },
  documents: { view: documentsStep, read: readDocuments },
  delivery: { view: deliveryStep, read: readDelivery },
  check: { view: checkStep },
};

/** Copies the answers of the step on screen into the state. */
export function readStepOnScreen(): void {
  if (wizard.step !== 'loading') VIEWS[wizard.step].read?.();
}

export function render(): void {
  const app = byId('app');
  const { detail, user, step } = wizard;
  if (wizard.loadFailure) {
    app.dataset.state = 'error';
    app.replaceChildren(h('p', { class: 'status' }, t(wizard.loadFailure)));
    return;
  }
  if (!detail || !user || step === 'loading') return;
  const intro = toDom(applyIntroView(detail.procedure.name, code, signedInAs(user), t)) as HTMLElement;
  intro.querySelector('#sign-out')!.addEventListener('click', () => void signOutCitizen());
  const body = VIEWS[step].view();
  app.dataset.state = step;
  // The server draws a first view without it (features/dossiers/apply-page.ts): this says the script's own is on screen.
  app.dataset.drawnBy = 'page';
  app.replaceChildren(intro, body);
  const serverErrors = wizard.pending && wizard.pending.step === step ? wizard.pending : undefined;
  if (serverErrors) wizard.pending = undefined;
  wizard.shownServerErrors = serverErrors;
  if (serverErrors) {
    const { problems, title } = serverErrors;
    showFieldErrors(body, problems.map((p) => ({ inputId: p.inputId, message: p.message })), title);
  } else {
    document.getElementById('step-title')?.focus();
    document.getElementById('done-title')?.focus();
    document.getElementById('resume-title')?.focus();
  }
}
