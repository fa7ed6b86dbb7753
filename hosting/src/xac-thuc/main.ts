// Verification of a document (/xac-thuc/, /xac-thuc/<code> from the QR code of an electronic result):
// anyone uploads a PDF and sees whether its signature is valid, who signed it and when, and whether the
// province issued exactly this file (SHA-256) — nothing else about the dossier. No sign-in, no Firebase SDK.
// Wiring only: state.ts (the code in the address, the file check), api.ts (the two calls), view.ts.
import '../shared/style.css';
import './page.css';
import { describeError } from '../shared/api.js';
import { byId } from '../shared/dom.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { lookupRef, verifyFile, type DocumentLookupAnswer, type VerificationAnswer } from './api.js';
import { fileProblem, refInPath } from './state.js';
import { showError, showLookup, showPending, showVerdict } from './view.js';

const form = byId<HTMLFormElement>('verify-form');
const input = byId<HTMLInputElement>('file');
const fileError = byId('file-error');
let lookedUp: DocumentLookupAnswer | undefined;
let verified: VerificationAnswer | undefined;

mountLangSwitch();
onLangChange(() => {
  if (lookedUp) showLookup(lookedUp);
  if (verified) showVerdict(verified);
});

if (refInPath) {
  void lookupRef(refInPath).then(
    (answer) => {
      lookedUp = answer;
      showLookup(answer);
    },
    (err: unknown) => showError(describeError(err)),
  );
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const file = input.files?.[0];
  const problem = fileProblem(file);
  fileError.textContent = problem ? t(problem) : '';
  input.setAttribute('aria-invalid', String(problem !== undefined));
  if (problem || !file) {
    input.focus();
    return;
  }
  showPending({ vi: 'Đang kiểm tra…', en: 'Checking…' });
  verifyFile(file).then(
    (answer) => {
      verified = answer;
      showVerdict(answer);
    },
    (err: unknown) => showError(describeError(err)),
  );
});
