// One dossier (/ho-so/<id>): its code (kept whole, with a copy button), status, dates and how the due date
// was set (paused while a supplement is awaited, and why it changed once set again), the agency's apology
// if it extended the date, the decision's summary, the supplement request to answer, the fee (what the
// procedure costs and how to pay, then the notice and its e-receipts), the way to rate once the result is
// returned, the timeline in plain steps, and the slips addressed to the citizen.
import { citizenTimeline } from '../../../functions/src/contract/index.js';
import { byId, h } from '../shared/dom.js';
import { dossierCodeWithCopy } from '../shared/dossier-code.js';
import { feeBlock } from '../shared/fee.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { changedNote, dueState, PAUSED, PAUSED_HINT } from './due.js';
import { agencyNames, page } from './state.js';
import type { DossierDoc } from './store.js';
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
    // Plain steps from the citizen's side; the agencies' housekeeping is left out (domain/lifecycle/citizen-steps.ts).
    ...citizenTimeline(page.events).map(({ event: e, text }) => h('li', { 'data-type': e.type }, h('span', { class: 'when' }, when(e.at)), h('strong', {}, t(text)))),
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

/** The due date, or "paused" while a supplement is awaited, with how it was set (or will be). */
function dueRows(d: DossierDoc): HTMLElement[] {
  const due = dueState(d);
  if (due.kind === 'paused') {
    return [
      h('dt', {}, t({ vi: 'Hẹn trả kết quả', en: 'Result due' })),
      h('dd', { 'data-testid': 'due', 'data-due': 'paused' }, t(PAUSED)),
      h('dt', {}, t({ vi: 'Cách tính hạn', en: 'How the date is set' })),
      h('dd', { 'data-testid': 'explanation', class: 'explanation' }, t(PAUSED_HINT)),
    ];
  }
  return [
    h('dt', {}, t({ vi: 'Hẹn trả kết quả', en: 'Result due' })),
    h('dd', { 'data-testid': 'due', 'data-due': due.kind }, due.kind === 'set' ? when(d.dueAt) : t({ vi: 'Có khi hồ sơ được tiếp nhận', en: 'Set when the dossier is received' })),
    ...(d.dueExplanation ? [h('dt', {}, t({ vi: 'Cách tính hạn', en: 'How the date was set' })), h('dd', { 'data-testid': 'explanation', class: 'explanation' }, t(d.dueExplanation))] : []),
  ];
}

/** The receipt is never reissued silently: when the date was set again after a supplement, say so and why. */
function changedAfterSupplement(d: DossierDoc): HTMLElement | null {
  const due = dueState(d);
  if (due.kind !== 'set' || !due.changedAfterSupplement) return null;
  return h('p', { class: 'panel note', id: 'due-changed', role: 'note' }, t(changedNote(formatDateTime(due.changedAfterSupplement))));
}

/** The decision in plain words, once there is one (the summary the handler wrote, or the reason for a refusal). */
function decision(d: DossierDoc): HTMLElement | null {
  const r = d.resolution;
  if (!r) return null;
  const approved = r.outcome === 'approved';
  const detail = approved ? r.summary : (r.reason ?? r.summary);
  return h(
    'section',
    { class: 'panel', id: 'decision', 'aria-labelledby': 'decision-title' },
    h('h2', { id: 'decision-title' }, t({ vi: 'Kết quả giải quyết', en: 'Decision' })),
    h('p', { 'data-testid': 'decision-outcome' }, h('strong', {}, t(approved ? { vi: 'Hồ sơ được chấp thuận.', en: 'Your application was approved.' } : { vi: 'Hồ sơ không được chấp thuận.', en: 'Your application was not approved.' }))),
    detail ? h('p', { 'data-testid': 'decision-summary' }, detail) : null,
  );
}

/** What the procedure costs and how it is paid, until the agency's own fee notice takes over (view-payment.ts). */
function feeSection(): HTMLElement | null {
  const fees = page.procedureFees;
  if (!fees || page.payment?.feeNotice || page.payment?.receipts.length) return null;
  return h('section', { id: 'fees', 'aria-labelledby': 'fees-title' }, h('h2', { id: 'fees-title' }, t({ vi: 'Phí, lệ phí', en: 'Fees' })), feeBlock(fees, 'procedure-fee'));
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
    // Outside the two-column list: a 25-character code needs the whole width of a phone to stay on one line.
    h('p', { class: 'code-line' }, h('strong', {}, `${t({ vi: 'Mã hồ sơ', en: 'Dossier code' })}: `), d.code ? dossierCodeWithCopy(d.code, { testId: 'code' }) : h('span', { 'data-testid': 'code' }, '—')),
    h(
      'dl',
      {},
      h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })),
      h('dd', { 'data-testid': 'status' }, statusLabel(d.status)),
      ...agencyRows(d),
      h('dt', {}, t({ vi: 'Ngày nộp', en: 'Submitted' })),
      h('dd', {}, when(d.submittedAt ?? d.createdAt)),
      d.receivedAt ? h('dt', {}, t({ vi: 'Ngày tiếp nhận', en: 'Received' })) : null,
      d.receivedAt ? h('dd', {}, when(d.receivedAt)) : null,
      ...dueRows(d),
      d.resultReturnedAt ? h('dt', {}, t({ vi: 'Đã trả kết quả', en: 'Result returned' })) : null,
      d.resultReturnedAt ? h('dd', {}, when(d.resultReturnedAt)) : null,
    ),
    changedAfterSupplement(d),
    decision(d),
    d.extension ? h('p', { class: 'panel note' }, t({ vi: 'Cơ quan đã gửi phiếu xin lỗi và hẹn lại ngày trả: ', en: 'The agency apologised and set a new date: ' }), d.extension.apology) : null,
    supplementSection(d),
    ownActionSection(d),
    resultsSection(),
    feeSection(),
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
