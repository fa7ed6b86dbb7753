// Apply online (/nop-ho-so/<code>): sign in, then one question per page — receiving agency, applicant,
// documents (counts and files), result delivery — a check-your-answers page with "change" links, and the
// submission. Every step change saves the draft (Firestore `drafts/{id}`), so the citizen can come back
// later, on this or another device, and resume.
// This module loads the procedure, follows the sign-in and draws the step the wizard is on; the rest:
//   wizard.ts                  shared state, saving the draft, going to a step
//   step-form.ts               the frame of every question page
//   agency-applicant-steps.ts  steps 1 and 2
//   documents-step.ts          step 3 and the uploads
//   delivery-check-steps.ts    step 4 and the check-your-answers page
//   submission.ts              sending the application, and the confirmation
//   server-field-errors.ts     the server's field errors shown beside their inputs
//   resume-draft.ts            carrying on with a saved draft, or starting again
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import { ApiCallError, callApi, describeError } from '../shared/api.js';
import { withCitizen, signOutCitizen } from '../shared/citizen-session.js';
import { byId, h } from '../shared/dom.js';
import { showFieldErrors } from '../shared/form-errors.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { agencyStep, applicantStep, readAgency, readApplicant } from './agency-applicant-steps.js';
import { checkStep, deliveryStep, readDelivery } from './delivery-check-steps.js';
import { documentsStep, readDocuments } from './documents-step.js';
import { findDraft } from './draft-store.js';
import { resumeView } from './resume-draft.js';
import { doneView } from './submission.js';
import { code, connectWizard, readCurrentStep, STEPS, wizard, type Detail, type Step } from './wizard.js';

const app = byId('app');
mountLangSwitch();

const VIEWS: Record<Step | 'resume' | 'done', { view: () => HTMLElement; read?: () => void }> = {
  resume: { view: resumeView },
  done: { view: doneView },
  agency: { view: agencyStep, read: readAgency },
  applicant: { view: applicantStep, read: readApplicant },
  documents: { view: documentsStep, read: readDocuments },
  delivery: { view: deliveryStep, read: readDelivery },
  check: { view: checkStep },
};

function render(): void {
  const { detail, user, step } = wizard;
  if (wizard.loadFailure) {
    app.dataset.state = 'error';
    app.replaceChildren(h('p', { class: 'status' }, t(wizard.loadFailure)));
    return;
  }
  if (!detail || !user || step === 'loading') return;
  const intro = h(
    'div',
    { class: 'intro' },
    h('p', { class: 'procedure-name' }, h('a', { href: `/thu-tuc/${encodeURIComponent(code)}` }, t(detail.procedure.name))),
    h('p', { class: 'who' }, t({ vi: `Đăng nhập: ${user.email ?? user.uid}`, en: `Signed in as ${user.email ?? user.uid}` }), ' ', h('button', { type: 'button', class: 'link', onclick: () => void signOutCitizen() }, t({ vi: 'Đăng xuất', en: 'Sign out' }))),
  );
  const body = VIEWS[step].view();
  app.dataset.state = step;
  app.replaceChildren(intro, body);
  if (wizard.pending && wizard.pending.step === step) {
    const { problems, title } = wizard.pending;
    wizard.pending = undefined;
    showFieldErrors(body, problems.map((p) => ({ inputId: p.inputId, message: p.message })), title);
  } else {
    document.getElementById('step-title')?.focus();
    document.getElementById('done-title')?.focus();
    document.getElementById('resume-title')?.focus();
  }
}

connectWizard({
  render,
  readCurrentStep: () => {
    if (wizard.step !== 'loading') VIEWS[wizard.step].read?.();
  },
});

window.addEventListener('popstate', () => {
  const wanted = location.hash.slice(1) as Step;
  if (STEPS.includes(wanted) && wizard.detail && wizard.user && wizard.step !== 'done') {
    wizard.step = wanted;
    render();
  }
});

onLangChange(() => {
  if (STEPS.includes(wizard.step as Step)) readCurrentStep();
  render();
});

async function start(): Promise<void> {
  try {
    wizard.detail = await callApi<Detail>(`/procedures/${encodeURIComponent(code)}`);
    if (wizard.detail.receivingAgencies.length === 0) {
      wizard.loadFailure = { vi: 'Thủ tục này chưa nhận hồ sơ trực tuyến.', en: 'This procedure does not take online applications yet.' };
    }
  } catch (err) {
    wizard.loadFailure = err instanceof ApiCallError && err.status === 404 ? { vi: 'Không tìm thấy thủ tục.', en: 'Procedure not found.' } : describeError(err);
  }
  if (wizard.loadFailure) {
    render();
    return;
  }
  await withCitizen(
    app,
    (signedIn) => {
      wizard.state = {};
      wizard.draftId = undefined;
      wizard.savedAt = undefined;
      wizard.user = signedIn;
      void (async () => {
        wizard.stored = await findDraft(signedIn.uid, code).catch(() => undefined);
        if (wizard.stored) wizard.step = 'resume';
        else {
          wizard.step = 'agency';
          const agencies = wizard.detail!.receivingAgencies;
          if (agencies.length === 1) wizard.state.receivingAgencyId = agencies[0]!.id;
        }
        render();
      })();
    },
    { vi: 'Để nộp hồ sơ trực tuyến, hãy đăng nhập bằng tài khoản công dân. Hồ sơ nháp được lưu vào tài khoản của bạn.', en: 'Sign in with your citizen account to apply online. Your draft is kept in your account.' },
    () => {
      wizard.user = undefined;
      wizard.step = 'loading';
    },
  );
}

void start();
