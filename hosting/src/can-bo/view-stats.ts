// The agency's monthly figures from `stats` (query `agencyId == own`, the only one the rules allow an
// officer): received, resolved early / on time / late, in progress at the end of the month (a gauge kept
// as monthly deltas: summed over the months so far) and the on-time rate. Loaded on demand.
import { h } from '../shared/dom.js';
import { tx } from './labels.js';
import type { ViewFactory } from './state.js';
import { readStats } from './store.js';

type Month = { month: string; received: number; resolvedEarly: number; resolvedOnTime: number; resolvedLate: number; inProgressDelta: number };

export const mountStats: ViewFactory = (root, ctx) => {
  let unmounted = false;
  const status = h('p', { id: 'stats-status', class: 'status', 'aria-live': 'polite' }, tx('Đang tải số liệu…', 'Loading figures…'));
  const wrap = h('div', { class: 'table-wrap' });
  root.append(h('section', { 'aria-labelledby': 'stats-title' }, h('h2', { id: 'stats-title' }, tx('Thống kê theo tháng', 'Monthly statistics'), ' ', h('span', { class: 'en' }, ctx.officer.agencyId)), status, wrap));

  void (async () => {
    try {
      const docs = await readStats(ctx.officer.agencyId);
      if (unmounted) return;
      const months = new Map<string, Month>();
      for (const d of docs) {
        const m = months.get(d.month) ?? { month: d.month, received: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, inProgressDelta: 0 };
        m.received += d.received;
        m.resolvedEarly += d.resolvedEarly;
        m.resolvedOnTime += d.resolvedOnTime;
        m.resolvedLate += d.resolvedLate;
        m.inProgressDelta += d.inProgress;
        months.set(d.month, m);
      }
      const ordered = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
      let inProgress = 0;
      const rows = ordered.map((m) => {
        inProgress += m.inProgressDelta;
        const resolved = m.resolvedEarly + m.resolvedOnTime + m.resolvedLate;
        const rate = resolved === 0 ? undefined : ((m.resolvedEarly + m.resolvedOnTime) / resolved) * 100;
        return { ...m, inProgress, rate };
      });
      status.textContent = rows.length === 0 ? tx('Chưa có số liệu.', 'No figures yet.') : tx(`${rows.length} tháng`, `${rows.length} months`);
      if (rows.length === 0) return;
      const [mm, yy] = [(s: string) => s.slice(5), (s: string) => s.slice(0, 4)];
      wrap.replaceChildren(
        h(
          'table',
          { id: 'stats-table' },
          h('caption', {}, tx('Hồ sơ tiếp nhận và giải quyết mỗi tháng', 'Dossiers received and resolved per month')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[
                tx('Tháng', 'Month'),
                tx('Tiếp nhận', 'Received'),
                tx('Giải quyết trước hạn', 'Resolved early'),
                tx('Đúng hạn', 'On time'),
                tx('Quá hạn', 'Late'),
                tx('Đang giải quyết (cuối tháng)', 'In progress (month end)'),
                tx('Tỉ lệ đúng hạn', 'On-time rate'),
              ].map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((r) =>
              h(
                'tr',
                { 'data-month': r.month },
                h('th', { scope: 'row' }, `${mm(r.month)}/${yy(r.month)}`),
                h('td', { 'data-col': 'received' }, r.received),
                h('td', { 'data-col': 'resolvedEarly' }, r.resolvedEarly),
                h('td', { 'data-col': 'resolvedOnTime' }, r.resolvedOnTime),
                h('td', { 'data-col': 'resolvedLate' }, r.resolvedLate),
                h('td', { 'data-col': 'inProgress' }, r.inProgress),
                h('td', { 'data-col': 'rate' }, r.rate === undefined ? '—' : `${r.rate.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`),
              ),
            ),
          ),
        ),
      );
    } catch {
      if (unmounted) return;
      status.dataset.state = 'error';
      status.textContent = tx('Không tải được số liệu.', 'Could not load the figures.');
    }
  })();

  return { unmount: () => (unmounted = true) };
};
