// The landing page's live parts: the search form's fields (kept in the address bar, so a search can be
// shared or bookmarked), the list of procedures found and its count, and the loading failure with a
// "try again" button. The header, the form and a loading line are in the HTML, so a slow phone shows the
// page before this script runs.
import { catalogueCount, catalogueView } from '../../../functions/src/contract/views/catalogue-view.js';
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { drawInto } from '../shared/view-dom.js';
import { all, loadCatalogue, loadError, matching, type Indexed } from './state.js';

export const form = byId<HTMLFormElement>('search-form');
export const queryInput = byId<HTMLInputElement>('q');
export const fieldSelect = byId<HTMLSelectElement>('field');
export const levelSelect = byId<HTMLSelectElement>('level');
const catalog = byId('catalog');
const count = byId('result-count');

/** Puts the filters of the address into the form; the field is chosen once its options exist. */
export function readUrl(): void {
  const params = new URLSearchParams(location.search);
  queryInput.value = params.get('q') ?? '';
  fieldSelect.dataset.wanted = params.get('field') ?? '';
  levelSelect.value = params.get('level') ?? '';
}

/** The address bar follows the filters shown: `/?q=…&field=…&level=…`, or `/` when there are none. */
export function writeUrl(): void {
  const params = new URLSearchParams();
  if (queryInput.value.trim()) params.set('q', queryInput.value.trim());
  if (fieldSelect.value) params.set('field', fieldSelect.value);
  if (levelSelect.value) params.set('level', levelSelect.value);
  const search = params.toString();
  history.replaceState(null, '', search ? `/?${search}` : '/');
}

/** Loads the catalogue (again, after a failure) and shows it. */
export async function showCatalogue(): Promise<void> {
  catalog.dataset.state = 'pending';
  await loadCatalogue();
  if (all) fillFilters(all);
  render();
}

/** The field filter lists the fields of the catalogue; the level filter appears once the server says which level handles each procedure. */
export function fillFilters(items: Indexed[]): void {
  const fields = new Map<string, Bilingual>();
  for (const p of items) fields.set(p.field, p.fieldName);
  const wanted = fieldSelect.value || fieldSelect.dataset.wanted || '';
  const first = fieldSelect.options[0]!;
  const options = [...fields]
    .sort((a, b) => a[1].vi.localeCompare(b[1].vi, 'vi'))
    .map(([value, name]) => h('option', { value }, t(name)));
  fieldSelect.replaceChildren(first, ...options);
  fieldSelect.value = fields.has(wanted) ? wanted : '';
  byId('level-filter').hidden = !items.some((p) => Array.isArray(p.competentLevels));
}

export function render(): void {
  if (loadError) {
    catalog.dataset.state = 'error';
    catalog.replaceChildren(h('p', {}, `${t(loadError)} `, h('button', { type: 'button', class: 'secondary', onclick: () => void showCatalogue() }, t({ vi: 'Thử lại', en: 'Try again' }))));
    count.textContent = '';
    return;
  }
  if (!all) return;
  const found = matching(queryInput.value, fieldSelect.value, levelSelect.value);
  count.textContent = catalogueCount(found.length, t);
  drawInto(catalog, catalogueView(found, t));
  catalog.dataset.state = 'ok';
}
