// Paying the fee: the notice and receipts are asked for with the dossier's answer (live.ts); paying through
// the gateway leaves the page for the gateway's signed address, and the gateway sends the browser back here
// with its signed result on the address (?vnp_…). That result is only shown, once the server has verified
// its signature: what settles the fee is the gateway's server-to-server notification, which moves the
// dossier, and the live listener then brings the e-receipt.
import { describeError } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import { checkGatewayReturn, fetchPayment, gatewayUrl } from './api.js';
import { dossierId, page, render } from './state.js';

/** The gateway's parameters on the address, if the browser just came back from it. */
function gatewayParams(): Record<string, string> | undefined {
  const params = new URLSearchParams(location.search);
  if (!params.has('vnp_SecureHash')) return undefined;
  return Object.fromEntries([...params].filter(([k]) => k.startsWith('vnp_')));
}

/** Verifies and shows the gateway's result, then drops it from the address (a reload must not show it again). */
export async function readGatewayReturn(): Promise<void> {
  const params = gatewayParams();
  if (!params) return;
  history.replaceState(null, '', location.pathname);
  try {
    page.gatewayReturn = await checkGatewayReturn(params);
  } catch (err) {
    page.gatewayReturn = { verified: false, success: false, reference: null, dossierId: null, amountVnd: null, message: describeError(err) };
  }
  render();
}

export async function loadPayment(): Promise<void> {
  if (!page.user) return;
  try {
    page.payment = await fetchPayment(page.user, dossierId);
  } catch {
    // The dossier's own answer reports a dossier that cannot be read; a fee that cannot be loaded just is not shown.
    page.payment = undefined;
  }
  render();
}

/** Leaves for the gateway's page; on a refusal (the notice was paid or replaced meanwhile) says why and reloads. */
export async function payByGateway(reference: string, button: HTMLButtonElement, output: HTMLElement): Promise<void> {
  button.disabled = true;
  page.paymentError = undefined;
  output.dataset.state = 'pending';
  output.textContent = t({ vi: 'Đang chuyển sang cổng thanh toán…', en: 'Going to the payment gateway…' });
  try {
    location.assign(await gatewayUrl(page.user!, dossierId, reference));
  } catch (err) {
    page.paymentError = describeError(err);
    await loadPayment();
  }
}
