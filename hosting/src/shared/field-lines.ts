// Staff forms (officer views, admin console): a labelled control with its own error line, and the mapping of
// the API's `fields[].path` (docs/API.md) onto those lines. A path with no control of its own goes to the
// nearest enclosing one (`officers.0.phone` → `officers.0` → `officers`); one that matches nothing is
// returned to the caller for the form's summary, so nothing the server says is lost. (The citizen pages
// use the GOV.UK-style summary of form-errors.ts instead.)
import type { Bilingual } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

let seq = 0;
export const uid = (prefix: string): string => `${prefix}-${(seq++).toString(36)}`;

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** `<div class="field"><label for>…</label><hint/><control/><p class="field-error"/></div>`; `path` is the API field. */
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

/** Empties every error line and the summary line (`.form-summary`) under `form`, and drops the invalid marks. */
export function clearFieldLines(form: HTMLElement): void {
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

function findControl(form: HTMLElement, path: string): HTMLElement | undefined {
  const parts = path.split('.');
  while (parts.length > 0) {
    const found = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.join('.'))}"]`);
    if (found) return found;
    parts.pop();
  }
  return undefined;
}

/**
 * Writes each message on its control's line and marks the control invalid (paths relative to `prefix`,
 * e.g. `action.` for action forms). Returns the messages that matched no control and the first invalid
 * control in reading order, whatever order the errors came in.
 */
export function placeFieldErrors(
  form: HTMLElement,
  fields: readonly { path: string; message: Bilingual }[],
  prefix = '',
): { unmatched: string[]; first: HTMLElement | undefined } {
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
    if (!first || first.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING) first = control;
  }
  return { unmatched, first };
}
