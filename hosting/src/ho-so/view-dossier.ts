// One dossier (/ho-so/<id>): its code, status, dates and how the due date was set, the agency's apology
// if it extended the date, the supplement request to answer, the fee to pay and its e-receipts, the way to rate once the result is
// returned, the timeline of its events, and its official slips.
import { ACTION_LABEL_TEXT } from '../../../functions/src/contract/index.js';
import { byId, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { agencyNames, page } from './state.js';
import { ownActionSection } from './view-own-actions.js';
import { statusLabel, when } from './view-parts.js';
import { resultsSection } from './view-results.js';
import { paymentSection } from './view-payment.js';
import { slipsSection } from './view-slips.js';
import { supplementSection } from './view-supplement.js';

function timeline(): HTMLElement {
  return h(
    'ol',
    { class: 'timeline', id: 'timeline' },
    ...page.events.map((e) =>
      h(
        'li',
        { 'data-type': e.type },
        h('span', { class: 'when' }, when(e.at)),
        h('strong', {}, t(ACTION_LABEL_TEXT[e.type] ?? { vi: e.type, en: e.type })),
        e.to && e.to !== e.from ? h('span', { class: 'to' }, ` → ${statusLabel(e.to)}`) : null,
      ),
    ),
  );
}

const agencyName = (id: string): string => (agencyNames.has(id) ? t(agencyNames.get(id)!) : id);

/** Where the dossier was received and, when another agency decides it (Decree 118 Art. 14), which one. */
function agencyRows(d: { receivingAgencyId: string; competentAgencyId?: string }): HTMLElement[] {
  const competent = d.competentAgencyId !== undefined && d.competentAgencyId !== d.receivingAgencyId ? d.competentAgencyId : undefined;
  return [
    h('dt', {}, t({ vi: 'Nơi tiếp nhận', en: 'Received at' })),
    h('dd', { 'data-testid': 'receiving-agency' }, agencyName(d.receivingAgencyId)),
    ...(competent
      ? [h('dt', {}, t({ vi: 'Cơ quan có thẩm quyền giải quyết', en: 'Agency deciding the dossier' })), h('dd', { 'data-testid': 'competent-agency' }, agencyName(competent))]
      : []),
  ];
}

export function renderDossier(): void {
  const app = byId('app');
  const { current, message, answerError } = page;
  if (current === undefined) return;
  if (current === null) {
    app.dataset.state = 'error';
    app.replaceChildren(h('h2', {}, t({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' })), h('p', {}, h('a', { href: '/ho-so/' }, t({ vi: 'Về danh sách hồ sơ của tôi', en: 'Back to my dossiers' }))));
    return;
  }
  const d = current;
  const canRate = d.status === 'returned';
  app.dataset.state = 'ok';
  const focusedId = document.activeElement?.id;
  const parts: (HTMLElement | null)[] = [
    h('p', {}, h('a', { href: '/ho-so/' }, t({ vi: '← Hồ sơ của tôi', en: '← My dossiers' }))),
    h('h2', { id: 'dossier-title' }, t(d.procedure.name)),
    message ? h('p', { class: 'status', id: 'dossier-message', role: 'status', tabindex: -1, 'data-state': message.state }, t(message.text)) : null,
    h(
      'dl',
      {},
      h('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
      h('dd', { 'data-testid': 'code' }, d.code ?? '—'),
      h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })),
      h('dd', { 'data-testid': 'status' }, statusLabel(d.status)),
      ...agencyRows(d),
      h('dt', {}, t({ vi: 'Ngày nộp', en: 'Submitted' })),
      h('dd', {}, when(d.submittedAt ?? d.createdAt)),
      d.receivedAt ? h('dt', {}, t({ vi: 'Ngày tiếp nhận', en: 'Received' })) : null,
      d.receivedAt ? h('dd', {}, when(d.receivedAt)) : null,
      h('dt', {}, t({ vi: 'Hẹn trả kết quả', en: 'Result due' })),
      h('dd', { 'data-testid': 'due' }, d.dueAt ? when(d.dueAt) : t({ vi: 'Có khi hồ sơ được tiếp nhận', en: 'Set when the dossier is received' })),
      d.dueExplanation ? h('dt', {}, t({ vi: 'Cách tính hạn', en: 'How the date was set' })) : null,
      d.dueExplanation ? h('dd', { 'data-testid': 'explanation', class: 'explanation' }, t(d.dueExplanation)) : null,
      d.resultReturnedAt ? h('dt', {}, t({ vi: 'Đã trả kết quả', en: 'Result returned' })) : null,
      d.resultReturnedAt ? h('dd', {}, when(d.resultReturnedAt)) : null,
    ),
    d.extension ? h('p', { class: 'panel note' }, t({ vi: 'Cơ quan đã gửi phiếu xin lỗi và hẹn lại ngày trả: ', en: 'The agency apologised and set a new date: ' }), d.extension.apology) : null,
    supplementSection(d),
    ownActionSection(d),
    resultsSection(),
    paymentSection(),
    canRate
      ? h('p', { class: 'panel' }, h('a', { id: 'rate-link', href: `/danh-gia/${encodeURIComponent(d.code ?? '')}` }, t({ vi: 'Đánh giá mức độ hài lòng với việc giải quyết hồ sơ', en: 'Rate how your dossier was handled' })))
      : null,
    h('section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, t({ vi: 'Quá trình xử lý', en: 'Progress' })), timeline()),
    slipsSection(),
    answerError ? h('p', { class: 'status', 'data-state': 'error' }, t(answerError)) : null,
  ];
  app.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  if (focusedId) document.getElementById(focusedId)?.focus();
}
