// The start screen: scan the receipt's QR code or type the dossier code, with a large number pad for a
// touch screen. A handheld scanner types into the code field like a keyboard. On a landscape screen the
// pad stands beside the field, so "Tiếp tục" stays in view at 1280×800 without scrolling.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { lookUpCode } from './citizen-turn.js';
import { clearError, keypad } from './keypad.js';
import type { Screen } from './state.js';

export function startView(state: Extract<Screen, { kind: 'start' }>): HTMLElement {
  const input = h('input', {
    id: 'kiosk-code',
    name: 'code',
    class: 'kiosk-code',
    inputmode: 'numeric',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'aria-describedby': 'kiosk-code-help kiosk-code-error',
    'aria-invalid': state.error ? 'true' : undefined,
    'data-focus': true,
  });
  input.value = state.typed;
  const error = h('p', { id: 'kiosk-code-error', class: 'kiosk-error', role: state.error ? 'alert' : undefined }, state.error ? t(state.error) : '');
  const changed = (value: string) => {
    state.typed = value;
    // The message was about what was typed before: once the citizen corrects it, it goes.
    if (state.error) {
      state.error = null;
      clearError(error, input);
    }
  };
  input.addEventListener('input', () => changed(input.value));
  const clear = h('button', { type: 'button', class: 'kiosk-secondary' }, t({ vi: 'Xóa hết', en: 'Clear' }));
  clear.addEventListener('click', () => {
    input.value = '';
    changed('');
    input.focus();
  });
  const go = h('button', { type: 'submit', class: 'kiosk-primary', id: 'kiosk-go' }, t({ vi: 'Tiếp tục', en: 'Continue' }));
  const form = h(
    'form',
    { id: 'kiosk-start', class: 'kiosk-start kiosk-with-pad', novalidate: true },
    h(
      'div',
      { class: 'kiosk-entry' },
      h('h2', {}, t({ vi: 'Mời ông/bà đánh giá mức độ hài lòng', en: 'Please rate our service' })),
      h('label', { for: 'kiosk-code', class: 'kiosk-big-label' }, t({
        vi: 'Quét mã QR trên giấy tiếp nhận, hoặc nhập mã hồ sơ',
        en: 'Scan the QR code on your receipt, or type the dossier code',
      })),
      input,
      h('p', { id: 'kiosk-code-help', class: 'kiosk-note' }, t({
        vi: `Có thể chỉ nhập ngày và số, ví dụ 261128-0001 (mã hồ sơ tiếp nhận tại quầy này).`,
        en: `You may type just the date and number, e.g. 261128-0001 (dossiers received at this desk).`,
      })),
      error,
      h('div', { class: 'kiosk-actions' }, clear, go),
    ),
    keypad(input, changed),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await lookUpCode(input.value, go);
  });
  return form;
}
