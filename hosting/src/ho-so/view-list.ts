// The list (/ho-so/): the signed-in citizen's dossiers, newest first, each with its code (whole, with a
// copy button), status and due date ("paused" while a supplement is awaited), and what the citizen must
// do now (send documents, pay the fee).
import { dossierCodeWithCopy } from '../shared/dossier-code.js';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { signedInAs } from '../shared/phone.js';
import { toDate } from '../shared/timestamps.js';
import { dueState, PAUSED } from './due.js';
import { page, type ListedDossier } from './state.js';
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
    h('p', { class: 'who' }, t({ vi: `Đăng nhập: ${user ? signedInAs(user) : ''}`, en: `Signed in as ${user ? signedInAs(user) : ''}` })),
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
              h('a', { href: `/ho-so/${encodeURIComponent(d.id)}`, class: 'procedure' }, t(d.procedure.name)),
              d.code ? dossierCodeWithCopy(d.code) : h('span', {}, t({ vi: '(chưa có mã)', en: '(no code yet)' })),
              h('span', { class: 'status-label', 'data-testid': 'status' }, statusLabel(d.status)),
              d.stopRequest && !d.stopRequest.confirmedAt ? h('span', { class: 'stop-note', 'data-testid': 'stop-note' }, t({ vi: 'Đã đề nghị dừng, đang chờ xác nhận', en: 'Stop requested, awaiting confirmation' })) : null,
              dueLine(d),
              toDo(d),
            ),
          ),
        ),
  );
}

function dueLine(d: ListedDossier): HTMLElement {
  const due = dueState(d);
  const text =
    due.kind === 'paused'
      ? t({ vi: `Hẹn trả: ${PAUSED.vi}`, en: `Due: ${PAUSED.en}` })
      : due.kind === 'set'
        ? t({ vi: `Hẹn trả: ${when(d.dueAt)}`, en: `Due: ${when(d.dueAt)}` })
        : t({ vi: 'Chưa có ngày hẹn (chờ tiếp nhận)', en: 'No due date yet (awaiting reception)' });
  return h('span', { class: 'due', 'data-due': due.kind }, text);
}

/** What the citizen has to do on this dossier now, if anything, as a link to it. */
function toDo(d: ListedDossier): HTMLElement | null {
  const href = `/ho-so/${encodeURIComponent(d.id)}`;
  if (d.status === 'awaitingSupplement') return h('a', { href, class: 'to-do', 'data-testid': 'to-do' }, t({ vi: 'Cần bổ sung giấy tờ — xem yêu cầu', en: 'Documents needed — see the request' }));
  if (d.status === 'awaitingPayment') return h('a', { href: `${href}#payment`, class: 'to-do', 'data-testid': 'to-do' }, t({ vi: 'Cần nộp phí, lệ phí — xem số tiền và cách nộp', en: 'Fee to pay — see the amount and how to pay' }));
  return null;
}
