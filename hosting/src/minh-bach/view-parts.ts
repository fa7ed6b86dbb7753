// Pieces every section of the transparency page uses: its loading or error line, the box a wide table
// scrolls in on a phone, month labels, and the mark a section gets once its data has come.
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { data, type Section } from './state.js';

const LOADING: Bilingual = { vi: 'Đang tải…', en: 'Loading…' };

/** "2026-11" → "11/2026". */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The section's error, or a loading line while `loading`, or nothing. */
export function status(key: Section, loading: boolean): HTMLElement | null {
  const error = data.errors[key];
  if (error) return h('p', { class: 'status', role: 'alert', 'data-state': 'error' }, t(error));
  return loading ? h('p', { class: 'status', role: 'status' }, t(LOADING)) : null;
}

/**
 * A wide table scrolls sideways on a phone inside this box; the box takes the keyboard focus (so it can
 * be scrolled without a mouse) and is named after the table's caption.
 */
export function scrollBox(table: HTMLTableElement): HTMLElement {
  const name = table.querySelector('caption')?.textContent ?? '';
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': name }, table);
}

/**
 * A table that becomes a stack of cards on a narrow screen (page.css): each cell is labelled with its
 * column's header, so a phone reads "Phí, lệ phí: 50.000 đ" instead of scrolling a 512 px table sideways.
 * On a wider screen it stays a table in its scroll box.
 */
export function cardTable(table: HTMLTableElement): HTMLElement {
  const headers = Array.from(table.querySelectorAll('thead tr:last-child th')).map((th) => th.textContent ?? '');
  for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
    Array.from(row.children).forEach((cell, i) => {
      if (!headers[i] || cell.tagName !== 'TD') return;
      (cell as HTMLElement).dataset.label = headers[i];
      // One box for the value, so the card lays out label | value whatever the cell holds.
      if (cell.childNodes.length > 1) cell.replaceChildren(h('span', {}, ...Array.from(cell.childNodes)));
    });
  }
  const box = scrollBox(table);
  box.classList.add('cards');
  return box;
}

/** replaceChildren that skips the sections left out (null). */
export function put(el: HTMLElement, ...children: (Node | null)[]): void {
  el.replaceChildren(...children.filter((c): c is Node => c !== null));
}

/** `data-state` of the section elements once their data has come (or failed). */
export function markLoaded(ids: string[], key: Section): void {
  for (const id of ids) byId(id).dataset.state = data.errors[key] ? 'error' : 'ok';
}
