// How many dossiers each agency resolved on time per month (a bar chart and the same figures in a
// table), and the Circular 01/2018 evaluation: the average score per index and the citizens' ratings.
import { EVALUATION_INDEX_LABELS } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { lang, t } from '../shared/i18n.js';
import type { AgencyFigures, Figures, Transparency } from './api.js';
import { formatPercent, percentBarChart } from './chart.js';
import { data } from './state.js';
import { monthLabel, put, scrollBox, status } from './view-parts.js';

function nameOf(f: AgencyFigures): string {
  const name = f.name ?? data.agencies?.find((a) => a.id === f.agencyId)?.name;
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

export function renderFigures(): void {
  const { figures } = data;
  const onTime = byId('on-time');
  const scores = byId('scores');
  const range = figures ? `${monthLabel(figures.from)} – ${monthLabel(figures.to)}` : '';
  const withData = (figures?.agencies ?? []).filter((f) => f.months.some((m) => m.received > 0 || m.resolved > 0));
  put(
    onTime,
    h('h2', {}, t({ vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' })),
    figures ? h('p', { class: 'en' }, `${t({ vi: 'Theo cơ quan tiếp nhận và tháng', en: 'By receiving agency and month' })}, ${range}`) : null,
    status('figures', figures === null),
    figures && withData.length === 0 ? h('p', {}, t({ vi: 'Chưa có số liệu trong thời gian này.', en: 'No figures for this period yet.' })) : null,
    ...withData.map(onTimeBlock),
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
