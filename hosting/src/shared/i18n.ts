// Vietnamese first, English on request. Static text lives in the HTML in Vietnamese with its English in
// `data-en`; dynamic text goes through `t()`. The choice is remembered on the device.
import type { Bilingual } from './api.js';

export type Lang = 'vi' | 'en';
const KEY = 'motcua.lang';
const listeners = new Set<() => void>();

function stored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage disabled (private mode on some phones)
  }
}

let current: Lang = stored();

export function lang(): Lang {
  return current;
}

export function t(text: Bilingual): string {
  return text[current];
}

/** Swaps the text of every `[data-en]` element under `root` (the Vietnamese is kept in `data-vi`). */
export function translateStatic(root: ParentNode = document): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-en]'))) {
    if (el.dataset.vi === undefined) el.dataset.vi = el.textContent ?? '';
    el.textContent = current === 'en' ? (el.dataset.en ?? '') : el.dataset.vi;
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-en-label]'))) {
    if (el.dataset.viLabel === undefined) el.dataset.viLabel = el.getAttribute('aria-label') ?? '';
    el.setAttribute('aria-label', current === 'en' ? (el.dataset.enLabel ?? '') : el.dataset.viLabel);
  }
  for (const el of Array.from(root.querySelectorAll<HTMLInputElement>('[data-en-placeholder]'))) {
    if (el.dataset.viPlaceholder === undefined) el.dataset.viPlaceholder = el.placeholder;
    el.placeholder = current === 'en' ? (el.dataset.enPlaceholder ?? '') : el.dataset.viPlaceholder;
  }
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // not remembered; the page still switches
  }
  document.documentElement.lang = next;
  translateStatic();
  for (const fn of listeners) fn();
}

/** Re-render dynamic content when the language changes. */
export function onLangChange(fn: () => void): void {
  listeners.add(fn);
}

/** Wires the header's `#lang-switch` button and applies the stored choice to the static text. */
export function mountLangSwitch(): void {
  document.documentElement.lang = current;
  if (current !== 'vi') translateStatic();
  const button = document.getElementById('lang-switch');
  if (!button) return;
  const label = () => {
    button.textContent = current === 'vi' ? 'English' : 'Tiếng Việt';
    button.setAttribute('lang', current === 'vi' ? 'en' : 'vi');
  };
  label();
  button.addEventListener('click', () => {
    setLang(current === 'vi' ? 'en' : 'vi');
    label();
  });
}
