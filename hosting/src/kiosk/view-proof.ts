// A typed dossier code proves nothing (codes are sequential): before the form, the citizen types the
// eight-digit rating code printed on the receipt. The lookup checks it, and the kiosk then knows the
// procedure and whether the dossier was already rated.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { resetForNextCitizen, type Screen } from './state.js';
import { proveReceipt } from './citizen-turn.js';
import { clearError, keypad } from './keypad.js';

export function proofView(screen: Extract<Screen, { kind: 'proof' }>): HTMLElement {
  const input = h('input', {
    id: 'kiosk-rating-code',
    name: 'ratingCode',
    class: 'kiosk-code',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: 11,
    'aria-describedby': 'kiosk-rating-code-help err-ratingCode',
    'aria-invalid': screen.error ? 'true' : undefined,
    'data-focus': true,
  });
  input.value = screen.typed;
  const error = h('p', { id: 'err-ratingCode', class: 'kiosk-error', role: screen.error ? 'alert' : undefined }, screen.error ? t(screen.error) : '');
  const changed = (value: string) => {
    screen.typed = value;
    if (screen.error) {
      screen.error = null;
      clearError(error, input);
    }
  };
  input.addEventListener('input', () => changed(input.value));
  const cancel = h('button', { type: 'button', class: 'kiosk-secondary' }, t({ vi: 'Hủy', en: 'Cancel' }));
  cancel.addEventListener('click', resetForNextCitizen);
  const go = h('button', { type: 'submit', class: 'kiosk-primary', id: 'kiosk-proof-go', disabled: screen.sending }, t({ vi: 'Tiếp tục', en: 'Continue' }));
  const form = h(
    'form',
    { id: 'kiosk-proof', class: 'kiosk-with-pad', novalidate: true },
    h(
      'div',
      { class: 'kiosk-entry' },
      h('h2', { tabindex: -1 }, t({ vi: `Hồ sơ ${screen.view.code}`, en: `Dossier ${screen.view.code}` })),
      h('label', { for: 'kiosk-rating-code', class: 'kiosk-big-label' }, t({ vi: 'Mã đánh giá tại quầy', en: 'Desk rating code' })),
      input,
      h('p', { id: 'kiosk-rating-code-help', class: 'kiosk-note' }, t({
        vi: 'Tám chữ số in trên giấy tiếp nhận, dưới dòng “Mã đánh giá tại quầy”.',
        en: 'The eight digits printed on your receipt, on the line “Desk rating code”.',
      })),
      error,
      h('div', { class: 'kiosk-actions' }, cancel, go),
    ),
    keypad(input, changed),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void proveReceipt(screen);
  });
  return form;
}
