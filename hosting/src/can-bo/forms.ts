// Form pieces for the officer views: a labelled field with its own error line, and the mapping of the
// API's `fields[].path` onto those lines (docs/API.md error shape). An error whose path matches no
// input goes to the form's summary, so nothing the server says is lost.
import type { ApiErrorBody, Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

let seq = 0;
export const uid = (prefix: string): string => `${prefix}-${(seq++).toString(36)}`;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** `<div class="field"><label for>…</label><control/><p class="field-error"/></div>`. */
export function field(label: Bilingual, control: Control, path: string, hint?: Bilingual): HTMLElement {
  control.id ||= uid('f');
  control.dataset.path = path;
  const errorId = `${control.id}-error`;
  const hintId = hint ? `${control.id}-hint` : undefined;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, t(label)),
    hint ? h('p', { class: 'hint', id: hintId }, t(hint)) : null,
    control,
    h('p', { class: 'field-error', id: errorId, 'data-error-for': path, hidden: true }),
  );
}

export function clearFieldErrors(form: HTMLElement): void {
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('.field-error'))) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  const summary = form.querySelector<HTMLElement>('.form-summary');
  if (summary) {
    summary.textContent = '';
    summary.hidden = true;
  }
}

/** The input for `path`, or for the nearest enclosing path (`applicant.identity.number` → `applicant.identity`). */
function findControl(form: HTMLElement, path: string): HTMLElement | undefined {
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.join('.'))}"]`);
    if (candidate) return candidate;
    parts.pop();
  }
  return undefined;
}

/**
 * Shows each error next to its input (paths relative to `prefix`, e.g. `action.` for action forms);
 * focuses the first invalid input. Returns how many errors had no input.
 */
export function showFieldErrors(form: HTMLElement, fields: readonly { path: string; message: Bilingual }[], prefix = ''): number {
  const unmatched: string[] = [];
  let first: HTMLElement | undefined;
  for (const f of fields) {
    const path = prefix && f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path;
    const control = findControl(form, path);
    const line = control ? form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(control.dataset.path ?? '')}"]`) : null;
    if (!control || !line) {
      unmatched.push(t(f.message));
      continue;
    }
    line.textContent = line.textContent ? `${line.textContent} ${t(f.message)}` : t(f.message);
    line.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    // The first invalid input in reading order, whatever order the errors came in.
    if (!first || first.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING) first = control;
  }
  const summary = form.querySelector<HTMLElement>('.form-summary');
  if (summary && unmatched.length > 0) {
    summary.textContent = unmatched.join(' · ');
    summary.hidden = false;
  }
  first?.focus();
  return unmatched.length;
}

export function errorFields(body: ApiErrorBody | undefined): readonly { path: string; message: Bilingual }[] {
  return body?.error.fields ?? [];
}

export function textInput(attrs: Record<string, string | number | boolean | undefined> = {}): HTMLInputElement {
  return h('input', { type: 'text', ...attrs });
}
export function textArea(attrs: Record<string, string | number | boolean | undefined> = {}): HTMLTextAreaElement {
  return h('textarea', { rows: 3, ...attrs });
}
export function select(options: { value: string; label: string }[], value?: string): HTMLSelectElement {
  const el = h('select', {}, ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
  return el;
}
