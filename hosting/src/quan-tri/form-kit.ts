// Form pieces of the console: the shared field lines (shared/field-lines.ts) with the console's refusal
// summary, controls, and rows that can be added and removed.
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { clearFieldLines, placeFieldErrors, uid, type Control } from '../shared/field-lines.js';
import { t } from '../shared/i18n.js';

export { field, uid, type Control } from '../shared/field-lines.js';
type Attrs = Record<string, string | number | boolean | undefined>;

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

export const clearErrors = clearFieldLines;

/** Shows a refusal on the form: each field's message beside it, the rest in the summary; focuses the first. */
export function showRefusal(form: HTMLElement, err: unknown): void {
  clearErrors(form);
  const fields = err instanceof ApiCallError ? (err.body?.error.fields ?? []) : [];
  const { unmatched, first } = placeFieldErrors(form, fields);
  const line = form.querySelector<HTMLElement>('.form-summary');
  if (line) {
    line.textContent = [t(describeError(err)), ...unmatched].join(' · ');
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
