// The start screen: scan the receipt's QR code or type the dossier code, with a large number pad for a
// touch screen. A handheld scanner types into the code field like a keyboard.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { lookUpCode } from './citizen-turn.js';
import type { Screen } from './state.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '0', '⌫'];

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
  input.addEventListener('input', () => {
    state.typed = input.value;
  });
  const keypad = h('div', { class: 'kiosk-keypad', role: 'group', 'aria-label': t({ vi: 'Bàn phím số', en: 'Number pad' }) });
  for (const key of KEYS) {
    const label = key === '⌫' ? t({ vi: 'Xóa một ký tự', en: 'Delete one character' }) : key === '-' ? t({ vi: 'Dấu gạch ngang', en: 'Dash' }) : key;
    const button = h('button', { type: 'button', class: 'kiosk-key', 'aria-label': label }, key);
    button.addEventListener('click', () => {
      input.value = key === '⌫' ? input.value.slice(0, -1) : input.value + key;
      state.typed = input.value;
    });
    keypad.append(button);
  }
  const clear = h('button', { type: 'button', class: 'kiosk-secondary' }, t({ vi: 'Xóa hết', en: 'Clear' }));
  clear.addEventListener('click', () => {
    input.value = '';
    state.typed = '';
    input.focus();
  });
  const go = h('button', { type: 'submit', class: 'kiosk-primary', id: 'kiosk-go' }, t({ vi: 'Tiếp tục', en: 'Continue' }));
  const form = h(
    'form',
    { id: 'kiosk-start', class: 'kiosk-start', novalidate: true },
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
    h('p', { id: 'kiosk-code-error', class: 'kiosk-error', role: 'alert' }, state.error ? t(state.error) : ''),
    keypad,
    h('div', { class: 'kiosk-actions' }, clear, go),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await lookUpCode(input.value, go);
  });
  return form;
}
