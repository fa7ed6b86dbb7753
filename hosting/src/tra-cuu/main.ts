// Public lookup (/tra-cuu/<code>?t=<token>), the address in the receipt's QR code, sent by the server with
// its answer already drawn (functions/src/features/lookup/lookup-page.ts). With the token it
// shows progress and the due date with its explanation; with the code alone only the status (Circular
// 01/2018 Art. 16). No Firebase SDK: one small script for a cheap phone. With `?xn=` (the link in the
// first notice to an unconfirmed email or phone) it also offers to confirm that contact.
// Wiring only: state.ts (the code and token in the address), api.ts (the lookup), view.ts (the answer),
// confirm-contact.ts (the confirmation).
import '../shared/style.css';
import { describeError } from '../shared/api.js';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch } from '../shared/i18n.js';
import { lookUp } from './api.js';
import { contactInUrl, mountContactConfirmation } from './confirm-contact.js';
import { codeInPath, pathOf, token } from './state.js';
import { showError, showPending, showView } from './view.js';

mountLangSwitch();
void applyBranding();

const form = document.getElementById('lookup-form') as HTMLFormElement;
const input = document.getElementById('code') as HTMLInputElement;

/** The server sent the answer drawn in the HTML (functions/src/features/lookup/lookup-page.ts): no "looking up" flash. */
const drawnByServer = document.getElementById('page-data') !== null;

async function show(code: string, withToken: string | null, pending = true): Promise<void> {
  if (pending) showPending();
  try {
    showView(await lookUp(code, withToken), withToken);
  } catch (err) {
    showError(describeError(err));
  }
}

if (codeInPath) {
  input.value = codeInPath;
  if (contactInUrl) mountContactConfirmation(codeInPath, contactInUrl);
  void show(codeInPath, token, !drawnByServer);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = input.value.trim();
  if (!code) {
    showError({ vi: 'Vui lòng nhập mã hồ sơ.', en: 'Please enter the dossier code.' });
    input.focus();
    return;
  }
  history.replaceState(null, '', pathOf(code));
  void show(code, null);
});
