// The large number pad of the touch screen, typing into one input (the dossier code, the rating code).
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '0', '⌫'];

/** `changed` runs after every key, as an `input` event would. */
export function keypad(input: HTMLInputElement, changed: (value: string) => void): HTMLElement {
  const pad = h('div', { class: 'kiosk-keypad', role: 'group', 'aria-label': t({ vi: 'Bàn phím số', en: 'Number pad' }) });
  for (const key of KEYS) {
    const label = key === '⌫' ? t({ vi: 'Xóa một ký tự', en: 'Delete one character' }) : key === '-' ? t({ vi: 'Dấu gạch ngang', en: 'Dash' }) : key;
    const button = h('button', { type: 'button', class: 'kiosk-key', 'aria-label': label }, key);
    button.addEventListener('click', () => {
      input.value = key === '⌫' ? input.value.slice(0, -1) : input.value + key;
      changed(input.value);
    });
    pad.append(button);
  }
  return pad;
}

/** Clears a shown error once the citizen changes what it was about (and only its text: the line stays). */
export function clearError(error: HTMLElement, input?: HTMLElement): void {
  error.textContent = '';
  error.removeAttribute('role');
  input?.removeAttribute('aria-invalid');
}
