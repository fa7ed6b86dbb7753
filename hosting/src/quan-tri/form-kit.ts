// Form pieces of the console: a labelled control with its own error line, rows that can be added and
// removed, and the mapping of the API's `fields[].path` (docs/API.md) onto those lines. An error whose
// path matches no control goes to the form's summary, so nothing the server says is lost.
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

let seq = 0;
export const uid = (prefix: string): string => `${prefix}-${(seq++).toString(36)}`;

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Attrs = Record<string, string | number | boolean | undefined>;

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

/** A checkbox with its label after it. */
export function checkbox(label: Bilingual, checked: boolean, path: string): HTMLElement {
  const input = h('input', { type: 'checkbox', id: uid('c'), checked, 'data-path': path });
  return h('label', { class: 'choice', for: input.id }, input, h('span', {}, t(label)));
}

export const textInput = (value = '', attrs: Attrs = {}): HTMLInputElement => h('input', { type: 'text', value, ...attrs });
export const numberInput = (value: number | '', attrs: Attrs = {}): HTMLInputElement => h('input', { type: 'number', inputmode: 'decimal', value: String(value), ...attrs });
export const dateInput = (value = ''): HTMLInputElement => h('input', { type: 'date', value });
export const textArea = (value = '', attrs: Attrs = {}): HTMLTextAreaElement => {
  const el = h('textarea', { rows: 3, ...attrs });
  el.value = value;
  return el;
};
export function select(options: readonly { value: string; label: string }[], value?: string): HTMLSelectElement {
  return h('select', {}, ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
}

/** The value of the control for `path` under `root` ('' when absent). */
export function valueOf(root: ParentNode, path: string): string {
  const el = root.querySelector<Control>(`[data-path="${CSS.escape(path)}"]`);
  return el ? el.value.trim() : '';
}
export function checked(root: ParentNode, path: string): boolean {
  return root.querySelector<HTMLInputElement>(`[data-path="${CSS.escape(path)}"]`)?.checked ?? false;
}

/** The summary line at the top of a form: problems without a field, and the outcome. */
export const summary = (): HTMLElement => h('p', { class: 'form-summary notice notice-error', role: 'alert', tabindex: '-1', hidden: true });

export function clearErrors(form: HTMLElement): void {
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('.field-error'))) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  const line = form.querySelector<HTMLElement>('.form-summary');
  if (line) {
    line.textContent = '';
    line.hidden = true;
  }
}

/** The control for `path`, or for the nearest enclosing path (`officers.0.phone` → `officers.0` → `officers`). */
function findControl(form: HTMLElement, path: string): HTMLElement | undefined {
  const parts = path.split('.');
  while (parts.length > 0) {
    const found = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.join('.'))}"]`);
    if (found) return found;
    parts.pop();
  }
  return undefined;
}

/** Shows a refusal on the form: each field's message beside it, the rest in the summary; focuses the first. */
export function showRefusal(form: HTMLElement, err: unknown): void {
  clearErrors(form);
  const fields = err instanceof ApiCallError ? (err.body?.error.fields ?? []) : [];
  const unmatched: string[] = [t(describeError(err))];
  let first: HTMLElement | undefined;
  for (const f of fields) {
    const control = findControl(form, f.path);
    const line = control ? form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(control.dataset.path ?? '')}"]`) : null;
    if (!control || !line) {
      unmatched.push(t(f.message));
      continue;
    }
    line.textContent = line.textContent ? `${line.textContent} ${t(f.message)}` : t(f.message);
    line.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const line = form.querySelector<HTMLElement>('.form-summary');
  if (line) {
    line.textContent = unmatched.join(' · ');
    line.hidden = false;
  }
  (first ?? line)?.focus();
}

/** A success line that replaces the summary (announced politely). */
export function done(root: HTMLElement, message: Bilingual): void {
  root.querySelector('.done')?.remove();
  root.prepend(h('p', { class: 'done notice notice-ok', role: 'status' }, t(message)));
}

/** A list of rows the administrator adds to and removes from (components, fees, steps, days off…). */
export function rowList<T>(legend: Bilingual, items: readonly T[], row: (item: T | undefined, index: number) => HTMLElement, addLabel: Bilingual, path: string): HTMLFieldSetElement {
  const list = h('ol', { class: 'rows', 'data-path': path, tabindex: '-1' });
  const add = (item: T | undefined) => {
    const index = list.children.length;
    const el = row(item, index);
    const remove = h('button', { type: 'button', class: 'secondary small', onclick: () => { el.remove(); renumber(list); } }, t({ vi: 'Xoá dòng', en: 'Remove row' }));
    list.append(h('li', {}, el, remove));
  };
  items.forEach((item) => add(item));
  return h(
    'fieldset',
    {},
    h('legend', {}, t(legend)),
    h('p', { class: 'field-error', 'data-error-for': path, hidden: true }),
    list,
    h('button', { type: 'button', class: 'secondary small', onclick: () => { add(undefined); list.lastElementChild?.querySelector<HTMLElement>('input, select')?.focus(); } }, t(addLabel)),
  );
}

/** After a row is removed, its followers take the index in their paths (`holidays.3.date` → `holidays.2.date`). */
function renumber(list: HTMLElement): void {
  const base = list.dataset.path ?? '';
  Array.from(list.children).forEach((li, index) => {
    for (const el of Array.from(li.querySelectorAll<HTMLElement>('[data-path], [data-error-for]'))) {
      for (const attr of ['data-path', 'data-error-for']) {
        const value = el.getAttribute(attr);
        if (value?.startsWith(`${base}.`)) el.setAttribute(attr, value.replace(new RegExp(`^${base.replace(/\./g, '\\.')}\\.\\d+`), `${base}.${index}`));
      }
    }
  });
}

/** The rows of a list, each as its root element (in order). */
export const rowsOf = (root: ParentNode, path: string): HTMLElement[] =>
  Array.from(root.querySelector<HTMLElement>(`ol.rows[data-path="${CSS.escape(path)}"]`)?.children ?? []).map((li) => li.firstElementChild as HTMLElement);
