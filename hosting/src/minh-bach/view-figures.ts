// How many dossiers each agency resolved on time per month (a bar chart and the same figures in a
// table), and the Circular 01/2018 evaluation: the average score per index and the citizens' ratings.
import { EVALUATION_INDEX_LABELS } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { lang, t } from '../shared/i18n.js';
import type { AgencyFigures, Figures, Transparency } from './api.js';
import { formatPercent, percentBarChart } from './chart.js';
import { data } from './state.js';
import { cardTable, monthLabel, put, status } from './view-parts.js';

function nameOf(f: AgencyFigures): string {
  const name = f.name ?? data.agencies?.find((a) => a.id === f.agencyId)?.name;
  return name ? t(name) : f.agencyId;
}

/** Where a rate cannot be computed, a sentence says why (not a dash a reader must decode). */
const NO_RATE: Bilingual = { vi: 'Không có hồ sơ nào được giải quyết trong tháng, nên chưa có tỷ lệ.', en: 'No dossier was resolved this month, so there is no rate.' };
const NO_FIGURES: Bilingual = {
  vi: 'Chưa có hồ sơ nào được tiếp nhận hoặc giải quyết trong thời gian này, nên chưa tính được tỷ lệ đúng hạn.',
  en: 'No dossier was received or resolved in this period, so there is no on-time rate yet.',
};
/** Indices 5, 6, 8 and 9 need inputs agencies report themselves, which the system does not hold. */
const NOT_HELD = new Set(['index5', 'index6', 'index8', 'index9']);
const NOT_HELD_TEXT: Bilingual = { vi: 'Chưa tính được: hệ thống không có số liệu của chỉ số này.', en: 'Not computed: the system holds no data for this index.' };
const NO_SCORE_TEXT: Bilingual = { vi: 'Chưa tính được: chưa có hồ sơ được đánh giá.', en: 'Not computed: no dossier has been scored yet.' };

/** An agency with a desk but no figures in the period: its name and why there is nothing to show. */
function emptyBlock(agencyId: string, name: Bilingual): HTMLElement {
  return h('article', { class: 'agency', 'data-agency': agencyId }, h('h3', {}, t(name)), h('p', { 'data-testid': 'no-figures' }, t(NO_FIGURES)));
}

function onTimeBlock(f: AgencyFigures, index: number): HTMLElement {
  const tableId = `ontime-table-${index}`;
  const title = `${t({ vi: 'Tỷ lệ giải quyết đúng hạn', en: 'On-time rate' })} — ${nameOf(f)}`;
  // Short month labels ("11/26"): six of them fit a phone's width at a readable size.
  const bars = f.months.map((m) => ({ label: `${m.month.slice(5, 7)}/${m.month.slice(2, 4)}`, value: m.onTimeRate === null ? null : m.onTimeRate * 100 }));
  return h(
    'article',
    { class: 'agency', 'data-agency': f.agencyId },
    h('h3', {}, nameOf(f)),
    percentBarChart(bars, { title, describedBy: tableId, noValue: '—' }),
    cardTable(
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
              h('td', { class: 'num', 'data-testid': 'rate' }, m.onTimeRate === null ? t(NO_RATE) : formatPercent(m.onTimeRate * 100)),
            ),
          ),
        ),
      ),
    ),
  );
}

function indicesTable(rows: { name: string; indices: Record<string, number | null> }[], labels: Record<string, Bilingual>): HTMLElement {
  const keys = Object.keys(labels);
  return cardTable(
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
              return value === null || value === undefined
                ? h('td', { class: 'note' }, t(NOT_HELD.has(key) ? NOT_HELD_TEXT : NO_SCORE_TEXT))
                : h('td', { class: 'num' }, value.toFixed(1).replace('.', lang() === 'vi' ? ',' : '.'));
            }),
          ),
        ),
      ),
    ),
  );
}

export function renderFigures(): void {
  const { figures } = data;
  const onTime = byId('on-time');
  const scores = byId('scores');
  const range = figures ? `${monthLabel(figures.from)} – ${monthLabel(figures.to)}` : '';
  const withData = (figures?.agencies ?? []).filter((f) => f.months.some((m) => m.received > 0 || m.resolved > 0));
  const counted = new Set(withData.map((f) => f.agencyId));
  const quiet = (data.agencies ?? []).filter((a) => a.hasOneStopDesk && !a.effectiveTo && !counted.has(a.id));
  put(
    onTime,
    h('h2', {}, t({ vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' })),
    figures ? h('p', { class: 'en' }, `${t({ vi: 'Theo cơ quan tiếp nhận và tháng', en: 'By receiving agency and month' })}, ${range}`) : null,
    status('figures', figures === null),
    figures && withData.length === 0 && quiet.length === 0 ? h('p', {}, t({ vi: 'Chưa có số liệu trong thời gian này.', en: 'No figures for this period yet.' })) : null,
    ...withData.map(onTimeBlock),
    // Every open desk is listed: one without dossiers says so, rather than being left out.
    ...(figures ? quiet.map((a) => emptyBlock(a.id, a.name)) : []),
  );
  put(
    scores,
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
  const rows: [keyof Figures['ratings'], Bilingual][] = [
    ...(Object.entries(f.satisfactionLabels) as [keyof Figures['ratings'], Bilingual][]),
    ['total', { vi: 'Tổng số lượt đánh giá', en: 'Ratings in total' }],
  ];
  return cardTable(
    h(
      'table',
      { 'data-testid': 'ratings' },
      h('caption', {}, t({ vi: 'Mức độ hài lòng của người dân (số lượt đánh giá)', en: 'Citizen satisfaction (number of ratings)' })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t({ vi: 'Mức độ', en: 'Level' })), ...columns.map((c) => h('th', { scope: 'col', class: 'num' }, c.name)))),
      h('tbody', {}, ...rows.map(([key, label]) => h('tr', { 'data-level': key }, h('th', { scope: 'row' }, t(label)), ...columns.map((c) => h('td', { class: 'num' }, c.ratings[key] ?? 0))))),
    ),
  );
}
