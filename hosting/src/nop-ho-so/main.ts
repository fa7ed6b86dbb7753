// Apply online (/nop-ho-so/<code>): sign in, then one question per page — receiving agency, applicant,
// documents (counts and files), result delivery — a check-your-answers page with "change" links, and the
// submission. Every step change saves the draft (Firestore `drafts/{id}`), so the citizen can come back
// later, on this or another device, and resume.
// With a page session the server sends the first view already drawn (the draft offered, or step 1) with
// what the wizard asks for first embedded (features/dossiers/apply-page.ts): state.ts takes it over once
// the citizen is known, keeping any answer given meanwhile.
// This module only wires the parts together:
//   state.ts                   the wizard's state: loading, sign-in, saving the draft, going to a step
//   api.ts                     every call to /api and the answers read
//   draft-lookup.ts            finding the saved draft at start-up (REST, no SDK); save/delete on demand
//   draft-store.ts             the draft in Firestore (loaded on the first save)
//   view.ts                    the frame around the step on screen
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
import { citizenFirebase } from '../shared/citizen-firebase.js';
import { withCitizen } from '../shared/citizen-session.js';
import { byId } from '../shared/dom.js';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { connectWizard, loadProcedure, readCurrentStep, signedOut, startFor, STEPS, wizard, type Step } from './state.js';
import { readStepOnScreen, render } from './view.js';

mountLangSwitch();
void applyBranding();
connectWizard({ render, readCurrentStep: readStepOnScreen });

window.addEventListener('popstate', () => {
  const wanted = location.hash.slice(1) as Step;
  if (STEPS.includes(wanted) && wizard.detail && wizard.user && wizard.step !== 'done') {
    wizard.step = wanted;
    render();
  }
});

onLangChange(() => {
  if (STEPS.includes(wizard.step as Step)) readCurrentStep();
  // The redraw would drop the server's field errors still on screen: shown again, in the new language.
  if (wizard.shownServerErrors) wizard.pending = wizard.shownServerErrors;
  render();
});

async function start(): Promise<void> {
  // The session is read (IndexedDB) while the procedure loads, instead of after it.
  void citizenFirebase();
  await loadProcedure();
  if (wizard.loadFailure) {
    render();
    return;
  }
  await withCitizen(
    byId('app'),
    (user) => void startFor(user),
    { vi: 'Để nộp hồ sơ trực tuyến, hãy đăng nhập bằng tài khoản công dân. Hồ sơ nháp được lưu vào tài khoản của bạn.', en: 'Sign in with your citizen account to apply online. Your draft is kept in your account.' },
    signedOut,
  );
}

void start();
