// The drill-down: the dossiers behind a figure, by code, with their procedure, agency, dates and whether
// they finished on time — never the applicant — and the list as CSV or PDF.
import type { DashboardDossiersQuery } from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { call, type DrillRow } from './api.js';
import { table } from './tables.js';

const FIGURE_NAMES = {
  received: { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received' },
  finished: { vi: 'Hồ sơ kết thúc', en: 'Dossiers finished' },
  onTime: { vi: 'Hồ sơ đúng hạn', en: 'Dossiers on time' },
  late: { vi: 'Hồ sơ trễ hạn', en: 'Late dossiers' },
  overdue: { vi: 'Hồ sơ đang quá hạn', en: 'Dossiers overdue now' },
  dueSoon: { vi: 'Hồ sơ sắp đến hạn', en: 'Dossiers due soon' },
} as const;
const TIMELINESS = { early: { vi: 'Trước hạn', en: 'Early' }, onTime: { vi: 'Đúng hạn', en: 'On time' }, late: { vi: 'Trễ hạn', en: 'Late' } } as const;
const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

export async function openDrill(q: DashboardDossiersQuery): Promise<void> {
  const target = byId('drill');
  const title = `${t(FIGURE_NAMES[q.figure])}${q.period ? ` — ${q.period}` : ''}${q.agencyId ? ` — ${q.agencyId}` : ''}`;
  target.replaceChildren(h('h3', { id: 'drill-title', tabindex: '-1' }, title), h('p', { class: 'status' }, t({ vi: 'Đang tải…', en: 'Loading…' })));
  byId('drill-title').focus();
  try {
    const answer = await call('dashboardDossiers', { query: q });
    const { after: _shown, ...firstPage } = q;
    const next = answer.next;
    const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<string, string>;
    target.replaceChildren(
      h('h3', { id: 'drill-title', tabindex: '-1' }, title),
      table('t-drill', { vi: `${answer.rows.length} hồ sơ${answer.next || q.after ? ' (một trang)' : ''}`, en: `${answer.rows.length} dossiers${answer.next || q.after ? ' (one page)' : ''}` },
        [{ vi: 'Mã hồ sơ', en: 'Code' }, { vi: 'Thủ tục', en: 'Procedure' }, { vi: 'Cơ quan', en: 'Agency' }, { vi: 'Tiếp nhận', en: 'Received' }, { vi: 'Kết thúc', en: 'Finished' }, { vi: 'Kết quả', en: 'Outcome' }, { vi: 'Hạn', en: 'Due' }],
        answer.rows.map((r: DrillRow) => [r.code ?? '—', r.procedureName ? t(r.procedureName) : r.procedureCode, r.agencyId, when(r.receivedAt), when(r.finishedAt), r.timeliness ? t(TIMELINESS[r.timeliness]) : '—', when(r.dueAt)]),
        { table: 'dossiers', query }),
      // Pages of 50 by code: a leader can walk the whole list, not only its first page.
      h('p', { class: 'actions' },
        ...(q.after ? [h('button', { type: 'button', id: 'drill-first', onclick: () => void openDrill(firstPage) }, t({ vi: 'Trang đầu', en: 'First page' }))] : []),
        ...(next ? [h('button', { type: 'button', id: 'drill-next', onclick: () => void openDrill({ ...firstPage, after: next }) }, t({ vi: 'Trang sau', en: 'Next page' }))] : []),
      ),
    );
  } catch (err) {
    target.replaceChildren(h('h3', { id: 'drill-title' }, title), h('p', { class: 'status', role: 'alert' }, t(describeError(err))));
  }
}
