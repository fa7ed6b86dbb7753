// Form pieces for the officer views: the shared field lines (shared/field-lines.ts) with the officer
// pages' summary, and plain controls.
import type { ApiErrorBody, Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { clearFieldLines, placeFieldErrors } from '../shared/field-lines.js';

export { field, uid } from '../shared/field-lines.js';

export const clearFieldErrors = clearFieldLines;

/**
 * Shows each error next to its input (paths relative to `prefix`, e.g. `action.` for action forms);
 * focuses the first invalid input. Returns how many errors had no input.
 */
export function showFieldErrors(form: HTMLElement, fields: readonly { path: string; message: Bilingual }[], prefix = ''): number {
  const { unmatched, first } = placeFieldErrors(form, fields, prefix);
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
