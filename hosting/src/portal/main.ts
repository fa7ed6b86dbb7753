// Citizen portal landing (/): the procedure catalogue with search and filters. Deliberately free of the
// Firebase SDK and zod: the HTML already shows the header, the search form and a loading line, and this
// one small script fills in the list (a cheap phone on a slow connection sees the page at once).
import '../shared/style.css';
import './page.css';
import { AGENCY_LEVEL_LABELS } from '../../../functions/src/domain/agency/level-labels.js';
import { ONLINE_LEVEL_LABELS } from '../../../functions/src/domain/procedure/labels.js';
import { callApi, describeError, type Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { mountHealthCheck } from '../shared/health-check.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { foldVietnamese, matchesQuery } from '../shared/search-text.js';

/** GET /api/procedures items. `competentLevels` arrives with the server's catalogue update; until then the level filter stays hidden. */
type ProcedureSummary = {
  code: string;
  name: Bilingual;
  field: string;
  fieldName: Bilingual;
  durationText: Bilingual;
  onlineLevel: keyof typeof ONLINE_LEVEL_LABELS;
  feeVnd: number;
  competentLevels?: string[];
};
type Page = { items: ProcedureSummary[]; nextAfter: string | null };
type Indexed = ProcedureSummary & { folded: string };

const form = byId<HTMLFormElement>('search-form');
const queryInput = byId<HTMLInputElement>('q');
const fieldSelect = byId<HTMLSelectElement>('field');
const levelSelect = byId<HTMLSelectElement>('level');
const catalog = byId('catalog');
const count = byId('result-count');

mountLangSwitch();
mountHealthCheck(byId<HTMLButtonElement>('health-button'), byId('health-output'));

let all: Indexed[] | undefined;
let loadError: Bilingual | undefined;

/** The whole catalogue, 100 at a time (a province publishes hundreds; the list endpoint pages by code). */
async function loadAll(): Promise<ProcedureSummary[]> {
  const items: ProcedureSummary[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const query: string = after ? `?limit=100&after=${encodeURIComponent(after)}` : '?limit=100';
    const page: Page = await callApi<Page>(`/procedures${query}`);
    items.push(...page.items);
    after = page.nextAfter;
    if (!after) break;
  }
  return items;
}

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  queryInput.value = params.get('q') ?? '';
  fieldSelect.dataset.wanted = params.get('field') ?? '';
  levelSelect.value = params.get('level') ?? '';
}

function writeUrl(): void {
  const params = new URLSearchParams();
  if (queryInput.value.trim()) params.set('q', queryInput.value.trim());
  if (fieldSelect.value) params.set('field', fieldSelect.value);
  if (levelSelect.value) params.set('level', levelSelect.value);
  const search = params.toString();
  history.replaceState(null, '', search ? `/?${search}` : '/');
}

function fillFieldOptions(items: Indexed[]): void {
  const fields = new Map<string, Bilingual>();
  for (const p of items) fields.set(p.field, p.fieldName);
  const wanted = fieldSelect.value || fieldSelect.dataset.wanted || '';
  const first = fieldSelect.options[0]!;
  const options = [...fields]
    .sort((a, b) => a[1].vi.localeCompare(b[1].vi, 'vi'))
    .map(([value, name]) => h('option', { value }, t(name)));
  fieldSelect.replaceChildren(first, ...options);
  fieldSelect.value = fields.has(wanted) ? wanted : '';
}

function render(): void {
  if (loadError) {
    catalog.dataset.state = 'error';
    catalog.replaceChildren(h('p', {}, `${t(loadError)} `, h('button', { type: 'button', class: 'secondary', onclick: () => void start() }, t({ vi: 'Thử lại', en: 'Try again' }))));
    count.textContent = '';
    return;
  }
  if (!all) return;
  const query = queryInput.value;
  const field = fieldSelect.value;
  const level = levelSelect.value;
  const found = all.filter(
    (p) => (!field || p.field === field) && (!level || (p.competentLevels ?? []).includes(level)) && matchesQuery(p.folded, query),
  );
  count.textContent =
    found.length === 0
      ? t({ vi: 'Không tìm thấy thủ tục nào. Hãy thử từ khóa khác.', en: 'No procedure found. Try other words.' })
      : t({ vi: `Tìm thấy ${found.length} thủ tục`, en: `${found.length} procedure${found.length === 1 ? '' : 's'} found` });
  const list = h('ul', { class: 'procedures' });
  for (const p of found) {
    const levels = (p.competentLevels ?? []).flatMap((l) => (l in AGENCY_LEVEL_LABELS ? [t(AGENCY_LEVEL_LABELS[l as keyof typeof AGENCY_LEVEL_LABELS])] : []));
    list.append(
      h(
        'li',
        { 'data-code': p.code },
        h('a', { href: `/thu-tuc/${encodeURIComponent(p.code)}` }, t(p.name)),
        h(
          'p',
          { class: 'meta' },
          [t(p.fieldName), ...levels, t(p.durationText), ONLINE_LEVEL_LABELS[p.onlineLevel] ? t(ONLINE_LEVEL_LABELS[p.onlineLevel]) : null]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
    );
  }
  catalog.replaceChildren(list);
  catalog.dataset.state = 'ok';
}

async function start(): Promise<void> {
  loadError = undefined;
  catalog.dataset.state = 'pending';
  try {
    const items = await loadAll();
    all = items.map((p) => ({ ...p, folded: foldVietnamese(`${p.code} ${p.name.vi} ${p.name.en} ${p.fieldName.vi} ${p.fieldName.en}`) }));
    fillFieldOptions(all);
    // The level filter appears once the server says which level handles each procedure.
    byId('level-filter').hidden = !all.some((p) => Array.isArray(p.competentLevels));
  } catch (err) {
    loadError = describeError(err);
  }
  render();
}

let typing: ReturnType<typeof setTimeout> | undefined;
queryInput.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    writeUrl();
    render();
  }, 150);
});
for (const select of [fieldSelect, levelSelect]) {
  select.addEventListener('change', () => {
    writeUrl();
    render();
  });
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  writeUrl();
  render();
});
onLangChange(() => {
  if (all) fillFieldOptions(all);
  render();
});

readUrl();
void start();
