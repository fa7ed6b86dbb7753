// The list (/ho-so/): the signed-in citizen's dossiers, newest first, each with its status and due date.
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { toDate } from '../shared/timestamps.js';
import { page } from './state.js';
import { statusLabel, when } from './view-parts.js';

export function renderList(): void {
  const app = byId('app');
  const { list, listError, user } = page;
  if (listError) {
    app.dataset.state = 'error';
    app.replaceChildren(h('p', { class: 'status' }, t(listError)));
    return;
  }
  if (!list) return;
  app.dataset.state = 'ok';
  const sorted = [...list].sort((a, b) => (toDate(b.createdAt)?.getTime() ?? 0) - (toDate(a.createdAt)?.getTime() ?? 0));
  app.replaceChildren(
    h('p', { class: 'who' }, t({ vi: `Đăng nhập: ${user?.email ?? ''}`, en: `Signed in as ${user?.email ?? ''}` })),
    h('h2', {}, t({ vi: 'Danh sách hồ sơ', en: 'Your dossiers' })),
    h('p', { id: 'dossier-count', role: 'status' }, t({ vi: `${sorted.length} hồ sơ`, en: `${sorted.length} dossier${sorted.length === 1 ? '' : 's'}` })),
    sorted.length === 0
      ? h('p', {}, t({ vi: 'Bạn chưa nộp hồ sơ trực tuyến nào. ', en: 'You have not applied online yet. ' }), h('a', { href: '/' }, t({ vi: 'Tìm thủ tục', en: 'Find a procedure' })))
      : h(
          'ul',
          { class: 'dossiers', id: 'dossier-list' },
          ...sorted.map((d) =>
            h(
              'li',
              { 'data-code': d.code ?? '', 'data-status': d.status },
              h('a', { href: `/ho-so/${encodeURIComponent(d.id)}` }, d.code ?? t({ vi: '(chưa có mã)', en: '(no code yet)' })),
              h('span', { class: 'procedure' }, t(d.procedure.name)),
              h('span', { class: 'status-label', 'data-testid': 'status' }, statusLabel(d.status)),
              d.stopRequest && !d.stopRequest.confirmedAt ? h('span', { class: 'stop-note', 'data-testid': 'stop-note' }, t({ vi: 'Đã đề nghị dừng, đang chờ xác nhận', en: 'Stop requested, awaiting confirmation' })) : null,
              h('span', { class: 'due' }, d.dueAt ? t({ vi: `Hẹn trả: ${when(d.dueAt)}`, en: `Due: ${when(d.dueAt)}` }) : t({ vi: 'Chưa có ngày hẹn (chờ tiếp nhận)', en: 'No due date yet (awaiting reception)' })),
            ),
          ),
        ),
  );
}
