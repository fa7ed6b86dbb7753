// Two panels of one dossier that come from their own endpoints: its fee (the notice, the payment and the
// e-receipts: GET …/payment) and its sync with the national portal (GET …/portal-sync: synced, pending or
// failed with the portal's reason, each transition's request, and the retry button when the API says the
// caller may press it, i.e. administrators). Each panel loads itself and never holds up the dossier.
// The province-wide sync health panel (view-sync-health.ts) opens the same sync panel per dossier.
import type { User } from 'firebase/auth';
import { PAYMENT_METHOD_LABELS, type DossierSyncAnswer, type SyncRequestView } from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime, formatVnd } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { fetchPayment, fetchSync, retrySync, type DossierPaymentAnswer } from './api.js';
import { actionLabel, tx } from './labels.js';

const SYNC_STATE_LABELS = {
  synced: { vi: 'Đã đồng bộ', en: 'Synced' },
  pending: { vi: 'Đang chờ gửi', en: 'Pending' },
  failed: { vi: 'Gửi thất bại', en: 'Failed' },
} as const;
const REQUEST_STATE_LABELS = {
  sent: { vi: 'Đã gửi', en: 'Sent' },
  pending: { vi: 'Chờ gửi', en: 'Pending' },
  failed: { vi: 'Thất bại', en: 'Failed' },
} as const;

const when = (iso: string | null): string => (iso ? formatDateTime(iso) : '—');

function requestRow(r: SyncRequestView): HTMLElement {
  const detail = r.state === 'sent' ? when(r.sentAt) : r.lastError ? `${r.lastError}${r.nextAttemptAt ? ` · ${tx('thử lại lúc', 'next try')} ${when(r.nextAttemptAt)}` : ''}` : '';
  return h(
    'tr',
    { 'data-version': r.version, 'data-state': r.state },
    h('th', { scope: 'row' }, r.version),
    h('td', {}, actionLabel(r.eventType), r.rebuilt ? h('span', { class: 'badge badge-new' }, tx('dựng lại', 'rebuilt')) : null),
    h('td', { 'data-col': 'state' }, t(REQUEST_STATE_LABELS[r.state])),
    h('td', {}, r.attempts),
    h('td', { 'data-col': 'detail' }, detail),
  );
}

function renderSync(root: HTMLElement, user: User, answer: DossierSyncAnswer, notice?: { kind: 'ok' | 'error'; text: string }): void {
  const retry = h('button', { type: 'button', class: 'secondary', 'data-action': 'retry-sync' }, tx('Gửi lại ngay', 'Retry now'));
  retry.addEventListener('click', async () => {
    retry.disabled = true;
    try {
      const after = await retrySync(user, answer.dossierId);
      renderSync(root, user, after, { kind: 'ok', text: tx(`Đã xếp lại ${after.requeued} yêu cầu để gửi.`, `${after.requeued} request(s) queued again.`) });
    } catch (err) {
      renderSync(root, user, answer, { kind: 'error', text: t(describeError(err)) });
    }
  });
  const open = answer.requests.filter((r) => r.state !== 'sent');
  root.dataset.state = answer.state;
  const parts: (HTMLElement | null)[] = [
    h(
      'dl',
      { class: 'summary' },
      h('dt', {}, tx('Tình trạng', 'State')),
      h('dd', { 'data-testid': 'sync-state' }, h('strong', {}, t(SYNC_STATE_LABELS[answer.state]))),
      h('dt', {}, tx('Phiên bản đã gửi', 'Versions sent')),
      h('dd', {}, `${answer.sentVersion} / ${answer.version}`),
      h('dt', {}, tx('Gửi gần nhất', 'Last sent')),
      h('dd', {}, when(answer.lastSentAt)),
      answer.lastError ? h('dt', {}, tx('Lý do', 'Reason')) : null,
      answer.lastError ? h('dd', { 'data-testid': 'sync-error' }, answer.lastError) : null,
    ),
    notice ? h('p', { class: `notice notice-${notice.kind}`, role: 'status' }, notice.text) : null,
    answer.canRetry && answer.state !== 'synced' ? h('p', {}, retry) : null,
    answer.requests.length
      ? h(
          'details',
          { open: open.length > 0 },
          h('summary', {}, tx(`Các lần đồng bộ (${answer.requests.length})`, `Sync requests (${answer.requests.length})`)),
          h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'sync-requests' },
              h('thead', {}, h('tr', {}, ...[tx('Phiên bản', 'Version'), tx('Bước', 'Step'), tx('Trạng thái', 'State'), tx('Số lần gửi', 'Attempts'), tx('Chi tiết', 'Detail')].map((x) => h('th', { scope: 'col' }, x)))),
              h('tbody', {}, ...answer.requests.map(requestRow)),
            ),
          ),
        )
      : null,
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

/** The dossier's sync with the national portal; loads itself. */
export function syncPanel(user: User, dossierId: string): HTMLElement {
  const root = h('div', { class: 'sync-panel', 'data-dossier': dossierId }, h('p', { class: 'loading' }, tx('Đang tải…', 'Loading…')));
  fetchSync(user, dossierId).then(
    (answer) => renderSync(root, user, answer),
    (err: unknown) => root.replaceChildren(h('p', { class: 'notice notice-error' }, t(describeError(err)))),
  );
  return root;
}

function renderPayment(root: HTMLElement, answer: DossierPaymentAnswer): void {
  const notice = answer.feeNotice;
  if (!notice && answer.receipts.length === 0) {
    root.replaceChildren(h('p', {}, tx('Hồ sơ chưa có thông báo phí, lệ phí.', 'No fee has been asked for this dossier.')));
    return;
  }
  const parts: (HTMLElement | null)[] = [
    notice
      ? h(
          'dl',
          { class: 'summary', 'data-state': notice.state },
          h('dt', {}, tx('Thông báo phí', 'Fee notice')),
          h('dd', {}, `${notice.description} — ${formatVnd(notice.amountVnd)} (${notice.amountInWords})`),
          h('dt', {}, tx('Mã thanh toán', 'Payment reference')),
          h('dd', {}, notice.reference),
          h('dt', {}, tx('Tình trạng', 'State')),
          h('dd', { 'data-testid': 'fee-state' }, notice.state === 'paid' ? `${tx('Đã thanh toán', 'Paid')} ${when(notice.paidAt)}` : tx('Chờ người nộp thanh toán', 'Awaiting payment')),
        )
      : null,
    ...answer.receipts.map((r) =>
      h(
        'p',
        { class: 'receipt-line', 'data-receipt': r.number },
        h('strong', {}, `${tx('Biên lai', 'Receipt')} ${r.number}`),
        ` · ${formatVnd(r.amountVnd)} · ${t(PAYMENT_METHOD_LABELS[r.method])}${r.transactionNo ? ` · ${tx('giao dịch', 'transaction')} ${r.transactionNo}` : ''} · ${when(r.paidAt)}`,
      ),
    ),
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

/** The dossier's fee notice and e-receipts; loads itself. */
export function paymentPanel(user: User, dossierId: string): HTMLElement {
  const root = h('div', { id: 'dossier-payment' }, h('p', { class: 'loading' }, tx('Đang tải…', 'Loading…')));
  fetchPayment(user, dossierId).then(
    (answer) => renderPayment(root, answer),
    (err: unknown) => root.replaceChildren(h('p', { class: 'notice notice-error' }, t(describeError(err)))),
  );
  return root;
}
