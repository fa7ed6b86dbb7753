// "Hồ sơ của tôi" (/ho-so/): the signed-in citizen's dossiers, newest first, each with its code (whole,
// with a copy button), status and due date ("paused" while a supplement is awaited), and what the citizen
// must do now (send documents, pay the fee). One tree printed by the server when a citizen's session
// cookie lets it send the list already drawn (features/dossiers/my-dossiers-page.ts, issue 20) and drawn
// by the page (hosting/src/ho-so/view-list.ts) from the API's answer or the live listener.
import type { Bilingual } from '../../domain/shared/bilingual.js';
import { STATUS_INFO } from '../facts.js';
import { formatDateTime } from '../format.js';
import { dueState, PAUSED, stampDate, type Stamp } from './due-state.js';
import { el, type Translate, type ViewNode } from './node.js';

/**
 * A row of the list: what GET /api/me/dossiers answers (ISO strings) and what the live listener delivers
 * afterwards (Firestore documents) both fit it.
 */
export type ListedDossier = {
  id: string;
  code?: string | null;
  status: keyof typeof STATUS_INFO;
  procedure: { code: string; name: Bilingual };
  createdAt?: Stamp;
  receivedAt?: Stamp;
  dueAt?: Stamp;
  supplement?: { requestedAt: Stamp; submittedAt?: Stamp } | null;
  stopRequest?: { confirmedAt?: Stamp } | null;
};

/** A document's time in Vietnam, or a dash. */
export const whenText = (value: Stamp): string => {
  const d = stampDate(value);
  return d ? formatDateTime(d) : '—';
};

export const statusText = (status: ListedDossier['status'], t: Translate): string =>
  t(STATUS_INFO[status]?.label ?? { vi: status, en: status });

/**
 * The dossier code kept whole on one line, with a "Chép mã" button and its status line; the page wires
 * the button (hosting/src/shared/dossier-code.ts `copyCodesIn`), whether it drew it or the server did.
 */
export function dossierCodeView(code: string, t: Translate): ViewNode {
  return el(
    'span',
    { class: 'code-copy', 'data-code': code },
    el('span', { class: 'dossier-code', translate: 'no' }, code),
    ' ',
    el(
      'button',
      { type: 'button', class: 'secondary copy-code', 'aria-label': t({ vi: `Chép mã hồ sơ ${code}`, en: `Copy the dossier code ${code}` }) },
      t({ vi: 'Chép mã', en: 'Copy' }),
    ),
    el('span', { class: 'copy-status', role: 'status' }),
  );
}

function dueLine(d: ListedDossier, t: Translate): ViewNode {
  const due = dueState(d);
  const text =
    due.kind === 'paused'
      ? t({ vi: `Hẹn trả: ${PAUSED.vi}`, en: `Due: ${PAUSED.en}` })
      : due.kind === 'set'
        ? t({ vi: `Hẹn trả: ${whenText(d.dueAt)}`, en: `Due: ${whenText(d.dueAt)}` })
        : t({ vi: 'Chưa có ngày hẹn (chờ tiếp nhận)', en: 'No due date yet (awaiting reception)' });
  return el('span', { class: 'due', 'data-due': due.kind }, text);
}

/** What the citizen has to do on this dossier now, if anything, as a link to it. */
function toDo(d: ListedDossier, t: Translate): ViewNode | null {
  const href = `/ho-so/${encodeURIComponent(d.id)}`;
  if (d.status === 'awaitingSupplement') return el('a', { href, class: 'to-do', 'data-testid': 'to-do' }, t({ vi: 'Cần bổ sung giấy tờ — xem yêu cầu', en: 'Documents needed — see the request' }));
  if (d.status === 'awaitingPayment') return el('a', { href: `${href}#payment`, class: 'to-do', 'data-testid': 'to-do' }, t({ vi: 'Cần nộp phí, lệ phí — xem số tiền và cách nộp', en: 'Fee to pay — see the amount and how to pay' }));
  return null;
}

/** The list's content (the children of `#app`): who is signed in, the heading, the count and the rows. */
export function myDossiersView(list: ListedDossier[], who: string, t: Translate): ViewNode[] {
  const sorted = [...list].sort((a, b) => (stampDate(b.createdAt)?.getTime() ?? 0) - (stampDate(a.createdAt)?.getTime() ?? 0));
  return [
    // The page wires the button (hosting/src/ho-so/main.ts): signing out also ends the page session.
    el('p', { class: 'who', 'data-who': who }, t({ vi: `Đăng nhập: ${who}`, en: `Signed in as ${who}` }), ' ', el('button', { type: 'button', class: 'link', id: 'sign-out' }, t({ vi: 'Đăng xuất', en: 'Sign out' }))),
    el('h2', {}, t({ vi: 'Danh sách hồ sơ', en: 'Your dossiers' })),
    el('p', { id: 'dossier-count', role: 'status' }, t({ vi: `${sorted.length} hồ sơ`, en: `${sorted.length} dossier${sorted.length === 1 ? '' : 's'}` })),
    sorted.length === 0
      ? el('p', {}, t({ vi: 'Bạn chưa nộp hồ sơ trực tuyến nào. ', en: 'You have not applied online yet. ' }), el('a', { href: '/' }, t({ vi: 'Tìm thủ tục', en: 'Find a procedure' })))
      : el(
          'ul',
          { class: 'dossiers', id: 'dossier-list' },
          ...sorted.map((d) =>
            el(
              'li',
              { 'data-code': d.code ?? '', 'data-status': d.status },
              el('a', { href: `/ho-so/${encodeURIComponent(d.id)}`, class: 'procedure' }, t(d.procedure.name)),
              d.code ? dossierCodeView(d.code, t) : el('span', {}, t({ vi: '(chưa có mã)', en: '(no code yet)' })),
              el('span', { class: 'status-label', 'data-testid': 'status' }, statusText(d.status, t)),
              d.stopRequest && !d.stopRequest.confirmedAt ? el('span', { class: 'stop-note', 'data-testid': 'stop-note' }, t({ vi: 'Đã đề nghị dừng, đang chờ xác nhận', en: 'Stop requested, awaiting confirmation' })) : null,
              dueLine(d, t),
              toDo(d, t),
            ),
          ),
        ),
  ];
}
