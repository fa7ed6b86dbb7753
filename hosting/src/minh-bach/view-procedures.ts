// The procedures and their fees (Decree 61/2018 Art. 11: public): a table that grows a page at a time
// with "more procedures".
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { formatVnd } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { data, loadProcedures } from './state.js';
import { cardTable, markLoaded, put, status } from './view-parts.js';

// The same words as domain/procedure/labels.ts. Importing that module here would make the bundler split
// it from the agency-level labels the landing page loads with it: one more script on the landing page.
const ONLINE_LEVEL: Record<string, Bilingual> = {
  full: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Trực tuyến một phần', en: 'Partly online' },
};

export function renderProcedures(): void {
  const { procedures, nextAfter } = data;
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
    ? h('button', { type: 'button', class: 'secondary', id: 'procedures-more', onclick: () => void loadProcedures().then(proceduresLoaded) }, t({ vi: 'Xem thêm thủ tục', en: 'More procedures' }))
    : null;
  put(
    section,
    h('h2', {}, t({ vi: 'Thủ tục hành chính và phí, lệ phí', en: 'Procedures and fees' })),
    procedures.length > 0 ? cardTable(table) : null,
    status('procedures', procedures.length === 0),
    more,
  );
}

/** Redraws the section once a page of procedures has come (or failed). */
export function proceduresLoaded(): void {
  renderProcedures();
  markLoaded(['procedures'], 'procedures');
}
