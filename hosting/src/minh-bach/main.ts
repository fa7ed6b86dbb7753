// Transparency (Công khai minh bạch): what Decree 61/2018 and Circular 01/2018 require to be public —
// procedures and their fees, the officers at each one-stop desk, how many dossiers each agency resolved
// on time per month, and the Circular 01 evaluation scores. No sign-in and no Firebase SDK: plain fetch
// keeps the page light on a cheap phone.
import '../shared/style.css';
import './page.css';
import { callApi, describeError, type Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { formatVnd } from '../shared/format.js';
import { lang, mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { EVALUATION_INDEX_LABELS } from '../../../functions/src/domain/evaluation/index-labels.js';
import { formatPercent, percentBarChart } from './chart.js';
import type { AgencyPublic } from '../shared/agency-public.js';

// ---- answers (docs/API.md) ----

type ProcedureSummary = {
  code: string;
  name: Bilingual;
  fieldName: Bilingual;
  durationText: Bilingual;
  onlineLevel: string;
  feeVnd: number;
};
type ProcedurePage = { items: ProcedureSummary[]; nextAfter: string | null };


type Figures = {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** resolvedOnTime / resolved, 0–1; null when nothing was resolved. */
  onTimeRate: number | null;
  ratings: Record<string, number>;
  indices: Record<string, number | null>;
};
type MonthFigures = Figures & { month: string };
type AgencyFigures = { agencyId: string; name: Bilingual | null; months: MonthFigures[]; total: Figures };
type Transparency = {
  from: string;
  to: string;
  agencies: AgencyFigures[];
  province: { months: MonthFigures[]; total: Figures };
  indexLabels?: Record<string, Bilingual>;
  satisfactionLabels?: Record<string, Bilingual>;
};

// ---- state ----

const procedures: ProcedureSummary[] = [];
let nextAfter: string | null = null;
let agencies: AgencyPublic[] | null = null;
let figures: Transparency | null = null;
const errors: Partial<Record<'procedures' | 'agencies' | 'figures', Bilingual>> = {};

const ONLINE_LEVEL: Record<string, Bilingual> = {
  full: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Trực tuyến một phần', en: 'Partly online' },
};
const LOADING: Bilingual = { vi: 'Đang tải…', en: 'Loading…' };

/** `YYYY-MM` in Vietnam, `back` months before the current one. */
function vietnamMonth(back: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "2026-11" → "11/2026". */
const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

function status(key: keyof typeof errors, loading: boolean): HTMLElement | null {
  const error = errors[key];
  if (error) return h('p', { class: 'status', role: 'alert', 'data-state': 'error' }, t(error));
  return loading ? h('p', { class: 'status', role: 'status' }, t(LOADING)) : null;
}

/**
 * A wide table scrolls sideways on a phone inside this box; the box takes the keyboard focus (so it can
 * be scrolled without a mouse) and is named after the table's caption.
 */
function scrollBox(table: HTMLTableElement): HTMLElement {
  const name = table.querySelector('caption')?.textContent ?? '';
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': name }, table);
}

/** replaceChildren that skips the sections left out (null). */
function put(el: HTMLElement, ...children: (Node | null)[]): void {
  el.replaceChildren(...children.filter((c): c is Node => c !== null));
}

// ---- procedures and fees ----

function renderProcedures(): void {
  const section = byId('procedures');
  const table = h(
    'table',
    { 'data-testid': 'procedures' },
    h('caption', {}, t({ vi: 'Thủ tục hành chính, thời hạn và phí, lệ phí', en: 'Procedures, time limits and fees' })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t({ vi: 'Mã', en: 'Code' })),
        h('th', { scope: 'col' }, t({ vi: 'Tên thủ tục', en: 'Procedure' })),
        h('th', { scope: 'col' }, t({ vi: 'Thời hạn giải quyết', en: 'Time limit' })),
        h('th', { scope: 'col', class: 'num' }, t({ vi: 'Phí, lệ phí', en: 'Fees' })),
      ),
    ),
    h(
      'tbody',
      {},
      ...procedures.map((p) =>
        h(
          'tr',
          { 'data-code': p.code },
          h('td', {}, p.code),
          h(
            'td',
            {},
            h('a', { href: `/thu-tuc/${encodeURIComponent(p.code)}` }, t(p.name)),
            h('br'),
            h('span', { class: 'en' }, `${t(p.fieldName)} · ${t(ONLINE_LEVEL[p.onlineLevel] ?? { vi: p.onlineLevel, en: p.onlineLevel })}`),
          ),
          h('td', {}, t(p.durationText)),
          h('td', { class: 'num', 'data-testid': 'fee' }, p.feeVnd > 0 ? formatVnd(p.feeVnd) : t({ vi: 'Không thu', en: 'Free' })),
        ),
      ),
    ),
  );
  const more = nextAfter
    ? h('button', { type: 'button', class: 'secondary', id: 'procedures-more', onclick: () => void loadProcedures() }, t({ vi: 'Xem thêm thủ tục', en: 'More procedures' }))
    : null;
  put(section, 
    h('h2', {}, t({ vi: 'Thủ tục hành chính và phí, lệ phí', en: 'Procedures and fees' })),
    procedures.length > 0 ? scrollBox(table) : null,
    status('procedures', procedures.length === 0),
    more,
  );
}

async function loadProcedures(): Promise<void> {
  delete errors.procedures;
  try {
    const query = nextAfter ? `?after=${encodeURIComponent(nextAfter)}` : '';
    const page = await callApi<ProcedurePage>(`/procedures${query}`);
    procedures.push(...page.items);
    nextAfter = page.nextAfter;
  } catch (err) {
    errors.procedures = describeError(err);
  }
  renderProcedures();
  byId('procedures').dataset.state = errors.procedures ? 'error' : 'ok';
}

// ---- officer directory ----

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
/** +842983800101 → 0298 3800 101 (as printed at the desk). */
function displayPhone(phone: string): string {
  const national = phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
  return national.length === 11 ? `${national.slice(0, 4)} ${national.slice(4, 8)} ${national.slice(8)}` : national;
}

function renderAgencies(): void {
  const section = byId('directory');
  const desks = (agencies ?? []).filter((a) => a.hasOneStopDesk && !a.effectiveTo);
  put(section, 
    h('h2', {}, t({ vi: 'Công chức tại Bộ phận Một cửa', en: 'Officers at the one-stop desks' })),
    status('agencies', agencies === null),
    ...desks.map((a) =>
      h(
        'article',
        { class: 'agency', 'data-agency': a.id },
        h('h3', {}, t(a.name)),
        a.address ? h('p', {}, a.address) : null,
        a.phone ? h('p', {}, `${t({ vi: 'Điện thoại', en: 'Phone' })}: `, h('a', { href: telHref(a.phone) }, displayPhone(a.phone))) : null,
        a.workingHours
          ? h('p', {}, `${t({ vi: 'Giờ làm việc', en: 'Working hours' })}: ${a.workingHours.periods.map((p) => `${p.start}–${p.end}`).join(', ')}`)
          : null,
        a.officers.length === 0
          ? h('p', { class: 'en' }, t({ vi: 'Chưa công bố danh sách công chức.', en: 'No officer list published yet.' }))
          : scrollBox(
              h(
                'table',
                { 'data-testid': 'officers' },
                h('caption', { class: 'visually-hidden' }, `${t({ vi: 'Công chức tại', en: 'Officers at' })} ${t(a.name)}`),
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'col' }, t({ vi: 'Họ và tên', en: 'Name' })),
                    h('th', { scope: 'col' }, t({ vi: 'Chức danh', en: 'Title' })),
                    h('th', { scope: 'col' }, t({ vi: 'Lĩnh vực', en: 'Field' })),
                    h('th', { scope: 'col' }, t({ vi: 'Điện thoại', en: 'Phone' })),
                  ),
                ),
                h(
                  'tbody',
                  {},
                  ...a.officers.map((o) =>
                    h('tr', {}, h('td', {}, o.fullName), h('td', {}, o.title), h('td', {}, o.field), h('td', {}, h('a', { href: telHref(o.phone) }, displayPhone(o.phone)))),
                  ),
                ),
              ),
            ),
      ),
    ),
  );
}

async function loadAgencies(): Promise<void> {
  try {
    agencies = (await callApi<{ items: AgencyPublic[] }>('/agencies')).items;
  } catch (err) {
    errors.agencies = describeError(err);
  }
  renderAgencies();
  byId('directory').dataset.state = errors.agencies ? 'error' : 'ok';
}

// ---- on-time rate and Circular 01 scores ----

function nameOf(f: AgencyFigures): string {
  const name = f.name ?? agencies?.find((a) => a.id === f.agencyId)?.name;
  return name ? t(name) : f.agencyId;
}

function onTimeBlock(f: AgencyFigures, index: number): HTMLElement {
  const tableId = `ontime-table-${index}`;
  const title = `${t({ vi: 'Tỷ lệ giải quyết đúng hạn', en: 'On-time rate' })} — ${nameOf(f)}`;
  const bars = f.months.map((m) => ({ label: monthLabel(m.month), value: m.onTimeRate === null ? null : m.onTimeRate * 100 }));
  return h(
    'article',
    { class: 'agency', 'data-agency': f.agencyId },
    h('h3', {}, nameOf(f)),
    percentBarChart(bars, { title, describedBy: tableId, noValue: '—' }),
    scrollBox(
      h(
        'table',
        { id: tableId, 'data-testid': 'ontime-table' },
        h('caption', {}, title),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t({ vi: 'Tháng', en: 'Month' })),
            h('th', { scope: 'col', class: 'num' }, t({ vi: 'Tiếp nhận', en: 'Received' })),
            h('th', { scope: 'col', class: 'num' }, t({ vi: 'Đã giải quyết', en: 'Resolved' })),
            h('th', { scope: 'col', class: 'num' }, t({ vi: 'Đúng hạn', en: 'On time' })),
            h('th', { scope: 'col', class: 'num' }, t({ vi: 'Quá hạn', en: 'Late' })),
            h('th', { scope: 'col', class: 'num' }, t({ vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' })),
          ),
        ),
        h(
          'tbody',
          {},
          ...f.months.map((m) =>
            h(
              'tr',
              { 'data-month': m.month },
              h('th', { scope: 'row' }, monthLabel(m.month)),
              h('td', { class: 'num' }, m.received),
              h('td', { class: 'num' }, m.resolved),
              h('td', { class: 'num' }, m.resolvedOnTime),
              h('td', { class: 'num' }, m.resolvedLate),
              h('td', { class: 'num', 'data-testid': 'rate' }, m.onTimeRate === null ? t({ vi: 'Chưa có hồ sơ giải quyết', en: 'Nothing resolved' }) : formatPercent(m.onTimeRate * 100)),
            ),
          ),
        ),
      ),
    ),
  );
}

function indicesTable(rows: { name: string; indices: Record<string, number | null> }[], labels: Record<string, Bilingual>): HTMLElement {
  const keys = Object.keys(labels);
  const notComputed = t({ vi: 'Chưa tính được', en: 'Not computed' });
  return scrollBox(
    h(
      'table',
      { 'data-testid': 'indices' },
      h('caption', {}, t({ vi: 'Điểm trung bình từng chỉ số (thang 0–2)', en: 'Average score per index (0–2 scale)' })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t({ vi: 'Chỉ số', en: 'Index' })), ...rows.map((r) => h('th', { scope: 'col', class: 'num' }, r.name)))),
      h(
        'tbody',
        {},
        ...keys.map((key, i) =>
          h(
            'tr',
            { 'data-index': key },
            h('th', { scope: 'row' }, `${i + 1}. ${t(labels[key]!)}`),
            ...rows.map((r) => {
              const value = r.indices[key];
              return h('td', { class: 'num' }, value === null || value === undefined ? notComputed : value.toFixed(1).replace('.', lang() === 'vi' ? ',' : '.'));
            }),
          ),
        ),
      ),
    ),
  );
}

function renderFigures(): void {
  const onTime = byId('on-time');
  const scores = byId('scores');
  const range = figures ? `${monthLabel(figures.from)} – ${monthLabel(figures.to)}` : '';
  const withData = (figures?.agencies ?? []).filter((f) => f.months.some((m) => m.received > 0 || m.resolved > 0));
  put(onTime, 
    h('h2', {}, t({ vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' })),
    figures ? h('p', { class: 'en' }, `${t({ vi: 'Theo cơ quan tiếp nhận và tháng', en: 'By receiving agency and month' })}, ${range}`) : null,
    status('figures', figures === null),
    figures && withData.length === 0 ? h('p', {}, t({ vi: 'Chưa có số liệu trong thời gian này.', en: 'No figures for this period yet.' })) : null,
    ...withData.map(onTimeBlock),
  );
  put(scores, 
    h('h2', {}, t({ vi: 'Đánh giá theo Thông tư 01/2018/TT-VPCP', en: 'Evaluation under Circular 01/2018' })),
    status('figures', figures === null),
    figures
      ? indicesTable(
          [{ name: t({ vi: 'Toàn tỉnh', en: 'Province' }), indices: figures.province.total.indices }, ...withData.map((f) => ({ name: nameOf(f), indices: f.total.indices }))],
          // The answer's labels if it has them, else the domain's (the same text).
          figures.indexLabels ?? EVALUATION_INDEX_LABELS,
        )
      : null,
    figures?.satisfactionLabels ? ratingsTable(figures, withData) : null,
  );
}

/** Ratings received in the period by satisfaction level: the province, then each agency. */
function ratingsTable(f: Transparency, agencies: AgencyFigures[]): HTMLElement {
  const columns = [{ name: t({ vi: 'Toàn tỉnh', en: 'Province' }), ratings: f.province.total.ratings }, ...agencies.map((a) => ({ name: nameOf(a), ratings: a.total.ratings }))];
  const rows: [string, Bilingual][] = [
    ...Object.entries(f.satisfactionLabels ?? {}),
    ['total', { vi: 'Tổng số lượt đánh giá', en: 'Ratings in total' }],
  ];
  return scrollBox(
    h(
      'table',
      { 'data-testid': 'ratings' },
      h('caption', {}, t({ vi: 'Mức độ hài lòng của người dân (số lượt đánh giá)', en: 'Citizen satisfaction (number of ratings)' })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t({ vi: 'Mức độ', en: 'Level' })), ...columns.map((c) => h('th', { scope: 'col', class: 'num' }, c.name)))),
      h('tbody', {}, ...rows.map(([key, label]) => h('tr', { 'data-level': key }, h('th', { scope: 'row' }, t(label)), ...columns.map((c) => h('td', { class: 'num' }, c.ratings[key] ?? 0))))),
    ),
  );
}

async function loadFigures(): Promise<void> {
  try {
    figures = await callApi<Transparency>(`/transparency?from=${vietnamMonth(5)}&to=${vietnamMonth(0)}`);
  } catch (err) {
    errors.figures = describeError(err);
  }
  renderFigures();
  byId('on-time').dataset.state = errors.figures ? 'error' : 'ok';
  byId('scores').dataset.state = errors.figures ? 'error' : 'ok';
}

function renderAll(): void {
  renderProcedures();
  renderAgencies();
  renderFigures();
}

mountLangSwitch();
onLangChange(renderAll);
renderAll();
// The directory first: the on-time chart names agencies from it.
void loadAgencies().then(() => (figures ? renderFigures() : undefined));
void loadProcedures();
void loadFigures();
