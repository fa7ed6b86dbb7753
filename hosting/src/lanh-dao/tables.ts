// A table with its caption and its CSV and PDF exports (the server builds both from the same figures).
import { describeError, type Bilingual } from '../shared/api.js';
import { saveBlob } from '../shared/download.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { fetchBlob, type DashboardTable } from './api.js';

type Cell = string | number | Node;
export type ExportQuery = Record<string, string | undefined>;

export function table(id: string, caption: Bilingual, head: Bilingual[], rows: Cell[][], exportAs?: { table: DashboardTable; query: ExportQuery }): HTMLElement {
  const status = h('p', { class: 'status', role: 'status' });
  const exportButton = (format: 'csv' | 'pdf') =>
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-export': `${exportAs?.table}-${format}`,
        onclick: () => {
          if (!exportAs) return;
          status.textContent = t({ vi: 'Đang tạo tệp…', en: 'Preparing the file…' });
          const query = Object.fromEntries(Object.entries({ ...exportAs.query, table: exportAs.table, format }).filter(([, v]) => v !== undefined)) as never;
          fetchBlob('exportDashboard', { query }).then(
            (blob) => {
              saveBlob(blob, `${exportAs.table}.${format}`);
              status.textContent = t({ vi: 'Đã tải tệp.', en: 'Downloaded.' });
            },
            (err: unknown) => (status.textContent = t(describeError(err))),
          );
        },
      },
      `${t({ vi: 'Tải', en: 'Download' })} ${format.toUpperCase()}`,
    );
  return h(
    'div',
    { class: 'table-block' },
    h(
      'table',
      { id },
      h('caption', {}, t(caption)),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, t(c))))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c as never) : h('td', {}, c as never)))))),
    ),
    exportAs ? h('p', { class: 'exports' }, exportButton('csv'), ' ', exportButton('pdf')) : null,
    status,
  );
}
