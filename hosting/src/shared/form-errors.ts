// Field errors the GOV.UK way: a message beside each invalid input and a summary at the top linking to
// each field. Server errors (`fields[].path`, docs/API.md) map to inputs through a path → input id table.
import type { Bilingual } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

export type FieldProblem = { inputId: string; message: Bilingual };

/** Removes every message and invalid mark under `root`. */
export function clearFieldErrors(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll('.field-error, .error-summary'))) el.remove();
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[aria-invalid="true"]'))) {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (described.length) el.setAttribute('aria-describedby', described.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/**
 * Shows each problem beside its input (before it, after the label, as GOV.UK does) and a summary at the
 * top of `root` with a link to each; focuses the summary. Problems whose input is missing stay in the
 * summary only.
 */
export function showFieldErrors(root: HTMLElement, problems: readonly FieldProblem[], title?: Bilingual): void {
  clearFieldErrors(root);
  if (problems.length === 0) return;
  const items: HTMLElement[] = [];
  for (const problem of problems) {
    const input = document.getElementById(problem.inputId);
    const text = t(problem.message);
    if (input) {
      const errorId = `${problem.inputId}-error`;
      if (!document.getElementById(errorId)) {
        const message = h('p', { class: 'field-error', id: errorId }, h('span', { class: 'visually-hidden' }, `${t({ vi: 'Lỗi', en: 'Error' })}: `), text);
        input.before(message);
        input.setAttribute('aria-invalid', 'true');
        const described = input.getAttribute('aria-describedby');
        input.setAttribute('aria-describedby', described ? `${described} ${errorId}` : errorId);
      }
      items.push(h('li', {}, h('a', { href: `#${problem.inputId}`, onclick: (e: Event) => focusInput(e, problem.inputId) }, text)));
    } else {
      items.push(h('li', {}, text));
    }
  }
  const summary = h(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, t(title ?? { vi: 'Có thông tin cần sửa', en: 'There is a problem' })),
    h('ul', {}, ...items),
  );
  root.prepend(summary);
  summary.focus();
}

function focusInput(event: Event, id: string): void {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  input.scrollIntoView({ block: 'center' });
  input.focus();
}
