// The queue, drawn from state.ts: one entry per request, the nearest deadline first, with its kind, the
// account, what was asked, the legal deadlines (late ones said in words, not only by colour), the answers
// so far, a labelled message box and the actions the request allows now (the server says which). A
// deletion's completion shows what will be erased and what is kept, and asks once more.
import { DELETION_SCOPE } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { byId, h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import type { DataRequestAction, QueuedRequest } from './api.js';
import { act, askToConfirm, page } from './state.js';

const ACTIONS: Record<DataRequestAction, Bilingual> = {
  reply: { vi: 'Trả lời: đã tiếp nhận', en: 'Reply: received' },
  extend: { vi: 'Gia hạn 15 ngày (một lần)', en: 'Extend by 15 days (once)' },
  complete: { vi: 'Hoàn thành', en: 'Complete' },
  refuse: { vi: 'Từ chối (nêu lý do)', en: 'Refuse (give the reason)' },
};
const KIND: Record<QueuedRequest['kind'], Bilingual> = {
  correction: { vi: 'Yêu cầu chỉnh sửa dữ liệu', en: 'Request to correct data' },
  deletion: { vi: 'Yêu cầu xóa dữ liệu và tài khoản', en: 'Request to delete data and account' },
};
const STATUS: Record<QueuedRequest['status'], Bilingual> = {
  open: { vi: 'Chờ trả lời', en: 'Awaiting a reply' },
  replied: { vi: 'Đã trả lời, đang xử lý', en: 'Replied, in progress' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  refused: { vi: 'Đã từ chối', en: 'Refused' },
};
const LATE: Bilingual = { vi: 'QUÁ HẠN', en: 'LATE' };

function deadline(label: Bilingual, iso: string, late: boolean): HTMLElement[] {
  return [h('dt', {}, t(label)), h('dd', { class: late ? 'late' : '' }, formatDateTime(iso), late ? ` — ${t(LATE)}` : '')];
}

function details(r: QueuedRequest): HTMLElement {
  return h(
    'dl',
    {},
    h('dt', {}, t({ vi: 'Tài khoản', en: 'Account' })),
    h('dd', {}, h('code', {}, r.uid)),
    h('dt', {}, t({ vi: 'Trạng thái', en: 'Status' })),
    h('dd', {}, t(STATUS[r.status])),
    h('dt', {}, t({ vi: 'Nhận lúc', en: 'Received' })),
    h('dd', {}, formatDateTime(r.receivedAt)),
    ...deadline({ vi: 'Trả lời trước (2 ngày làm việc)', en: 'Reply by (2 working days)' }, r.replyDueAt, r.replyLate),
    ...deadline({ vi: r.extendedAt ? 'Hoàn thành trước (đã gia hạn)' : 'Hoàn thành trước (15 ngày)', en: r.extendedAt ? 'Complete by (extended)' : 'Complete by (15 days)' }, r.completeDueAt, r.completeLate),
    ...(r.reply ? [h('dt', {}, t({ vi: 'Đã trả lời', en: 'Replied' })), h('dd', {}, r.reply)] : []),
    ...(r.extensionReason ? [h('dt', {}, t({ vi: 'Lý do gia hạn', en: 'Reason for the extension' })), h('dd', {}, r.extensionReason)] : []),
  );
}

/** The deletion's last step: what goes, what stays (archiving duties), and the button that does it. */
function confirmation(r: QueuedRequest): HTMLElement {
  const busy = page.pending === r.id;
  return h(
    'div',
    { class: 'panel note', id: `confirm-${r.id}`, tabindex: '-1', role: 'group', 'aria-labelledby': `confirm-${r.id}-title` },
    h('h4', { id: `confirm-${r.id}-title` }, t({ vi: 'Xác nhận xóa tài khoản này?', en: 'Erase this account?' })),
    h('p', {}, h('strong', {}, t({ vi: 'Sẽ bị xóa: ', en: 'Erased: ' })), t(DELETION_SCOPE.erased)),
    h('p', {}, h('strong', {}, t({ vi: 'Được giữ: ', en: 'Kept: ' })), t(DELETION_SCOPE.kept)),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: `confirm-${r.id}-erase`, disabled: busy, onclick: () => void act(r, 'complete') }, t({ vi: 'Xóa và hoàn thành', en: 'Erase and complete' })),
      h('button', { type: 'button', class: 'secondary', disabled: busy, onclick: () => askToConfirm(undefined) }, t({ vi: 'Không xóa', en: 'Cancel' })),
    ),
  );
}

function entry(r: QueuedRequest): HTMLElement {
  const inputId = `message-${r.id}`;
  const error = page.fieldError?.requestId === r.id ? page.fieldError.message : undefined;
  const busy = page.pending !== undefined;
  const message = h('textarea', {
    id: inputId,
    maxlength: 2000,
    'aria-describedby': [`${inputId}-hint`, error ? `${inputId}-error` : ''].filter(Boolean).join(' '),
    'aria-invalid': error ? 'true' : undefined,
    oninput: (e: Event) => {
      page.drafts[r.id] = (e.target as HTMLTextAreaElement).value;
    },
  });
  message.value = page.drafts[r.id] ?? '';
  const onAction = (a: DataRequestAction) => () => (a === 'complete' && r.kind === 'deletion' ? askToConfirm(r.id) : void act(r, a));
  return h(
    'li',
    { 'data-request': r.id, 'data-status': r.status, 'aria-labelledby': `request-${r.id}-title` },
    h('h3', { id: `request-${r.id}-title` }, t(KIND[r.kind]), r.replyLate || r.completeLate ? ` — ${t(LATE)}` : ''),
    h('p', { class: 'request-details' }, r.details),
    details(r),
    h('label', { for: inputId }, t({ vi: 'Nội dung gửi người yêu cầu', en: 'Message to the requester' })),
    h('p', { class: 'hint', id: `${inputId}-hint` }, t({ vi: 'Bắt buộc cho mọi thao tác: nội dung trả lời, lý do gia hạn, kết quả hoặc lý do từ chối.', en: 'Needed for every action: the reply, the reason for extending, the outcome or the reason for refusing.' })),
    error ? h('p', { class: 'field-error', id: `${inputId}-error` }, h('span', { class: 'visually-hidden' }, `${t({ vi: 'Lỗi', en: 'Error' })}: `), t(error)) : null,
    message,
    h(
      'div',
      { class: 'actions' },
      ...r.allowedActions.map((a) =>
        h('button', { type: 'button', id: `action-${r.id}-${a}`, class: a === 'complete' ? '' : 'secondary', 'data-action': a, disabled: busy, onclick: onAction(a) }, t(ACTIONS[a])),
      ),
    ),
    page.confirming === r.id ? confirmation(r) : null,
  );
}

export function render(): void {
  const status = byId('queue-status');
  status.dataset.state = page.note?.state ?? '';
  status.textContent = page.note ? t(page.note.text) : '';
  byId('sign-out').hidden = !page.user;
  if (!page.user) return; // the sign-in form is drawn by the session module
  const app = byId('app');
  const queue = page.queue;
  app.replaceChildren(
    ...(queue === undefined
      ? []
      : [
          h('h2', {}, t({ vi: `Yêu cầu đang chờ xử lý (${queue.length})`, en: `Open requests (${queue.length})` })),
          h('p', { class: 'hint' }, t({ vi: 'Hạn gần nhất lên đầu. Trả lời trong 2 ngày làm việc, hoàn thành trong 15 ngày, được gia hạn một lần 15 ngày (Nghị định 356/2025/NĐ-CP).', en: 'Nearest deadline first. Reply within 2 working days, complete within 15 days, one 15-day extension (Decree 356/2025/NĐ-CP).' })),
          queue.length === 0 ? h('p', { id: 'queue-empty' }, t({ vi: 'Không có yêu cầu đang chờ.', en: 'No open requests.' })) : h('ul', { id: 'data-request-queue', class: 'requests' }, ...queue.map(entry)),
        ]),
  );
  if (page.focus) {
    document.getElementById(page.focus)?.focus();
    page.focus = undefined;
  }
}
