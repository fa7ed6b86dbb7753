// Citizen portal landing (/): the procedure catalogue with search and filters. Deliberately free of the
// Firebase SDK and zod: the HTML already shows the header, the search form and a loading line, and this
// one small script fills in the list (a cheap phone on a slow connection sees the page at once).
// Wiring only: state.ts (the catalogue and the filters), api.ts (the catalogue call), view.ts (the list).
import '../shared/style.css';
import './page.css';
import { byId } from '../shared/dom.js';
import { mountHealthCheck } from '../shared/health-check.js';
import { applyBranding } from '../shared/branding.js';
import { mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { all } from './state.js';
import { fieldSelect, fillFilters, form, levelSelect, queryInput, readUrl, render, showCatalogue, writeUrl } from './view.js';

mountLangSwitch();
void applyBranding();
mountHealthCheck(byId<HTMLButtonElement>('health-button'), byId('health-output'));

function filtersChanged(): void {
  writeUrl();
  render();
}

let typing: ReturnType<typeof setTimeout> | undefined;
queryInput.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(filtersChanged, 150);
});
for (const select of [fieldSelect, levelSelect]) select.addEventListener('change', filtersChanged);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  filtersChanged();
});
onLangChange(() => {
  if (all) fillFilters(all);
  render();
});

readUrl();
void showCatalogue();
