// Feedback handling for officers of an agency: the list (open, answered, closed) with missed deadlines
// marked, one case with its sender, and one form per step (classify and assign, refuse, ask for more,
// record the information, answer, publish); the desk's record of a hotline call or a feedback-box note.
// Monitors see the lists only, without subjects.
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_DEADLINE_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackActionBody,
} from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { call, newRequestId, type FeedbackCaseView } from './api.js';
import { session } from './state.js';

const OVERDUE = { ...FEEDBACK_DEADLINE_LABELS, triage: { vi: 'Quá hạn phân loại', en: 'Not triaged in time' } };
let state: 'open' | 'answered' | 'closed' = 'open';

const field = (id: string, label: { vi: string; en: string }, control: HTMLElement) => h('p', {}, h('label', { for: id }, t(label)), control);
const categorySelect = (id: string, value?: string) => {
  const s = h('select', { id, name: 'category' }, ...FEEDBACK_CATEGORIES.map((c) => h('option', { value: c }, t(FEEDBACK_CATEGORY_LABELS[c]))));
  if (value) s.value = value;
  return s;
};

export async function renderFeedback(target: HTMLElement): Promise<void> {
  const staff = session.staff!;
  const officer = staff.role === 'receptionist' || staff.role === 'handler' || staff.role === 'lead';
  const status = h('p', { id: 'feedback-status', class: 'status', role: 'status' }, t({ vi: 'Đang tải…', en: 'Loading…' }));
  const detail = h('section', { id: 'feedback-detail', 'aria-live': 'polite' });
  const tabs = h('p', { class: 'tabs' }, ...(['open', 'answered', 'closed'] as const).map((s) => h('button', { type: 'button', class: s === state ? '' : 'secondary', 'aria-pressed': String(s === state), onclick: () => ((state = s), void renderFeedback(target)) }, t({ open: { vi: 'Đang xử lý', en: 'Open' }, answered: { vi: 'Đã trả lời', en: 'Answered' }, closed: { vi: 'Đã kết thúc', en: 'Closed' } }[s]))));
  target.replaceChildren(
    h('section', { 'aria-labelledby': 'feedback-title' }, h('h2', { id: 'feedback-title' }, t({ vi: 'Phản ánh, kiến nghị', en: 'Feedback and petitions' })), tabs, status, h('ul', { id: 'feedback-list', class: 'cards' })),
    detail,
    officer ? recordForm(target) : '',
  );
  try {
    const { items } = await call('listFeedback', { query: { state } });
    status.textContent = t({ vi: `${items.length} phản ánh`, en: `${items.length} cases` });
    target.querySelector('#feedback-list')!.replaceChildren(
      ...items.map((i) =>
        h(
          'li',
          { class: i.overdue.length ? 'card card-overdue' : 'card', 'data-feedback': i.id },
          h('strong', {}, i.subject ?? t(FEEDBACK_CATEGORY_LABELS[i.category])),
          h('span', {}, ` · ${t(FEEDBACK_STATUS_LABELS[i.status])} · ${t(FEEDBACK_CHANNEL_LABELS[i.channel])} · ${formatDateTime(i.receivedAt)}`),
          i.overdue.length ? h('span', { class: 'overdue' }, ` · ${i.overdue.map((k) => t(OVERDUE[k])).join(', ')}`) : '',
          officer ? h('button', { type: 'button', class: 'secondary', onclick: () => void openCase(detail, i.id, target) }, t({ vi: 'Mở', en: 'Open' })) : '',
        ),
      ),
    );
  } catch (err) {
    status.textContent = t(describeError(err));
  }
}

async function openCase(detail: HTMLElement, id: string, page: HTMLElement): Promise<void> {
  detail.replaceChildren(h('p', { class: 'status' }, t({ vi: 'Đang tải…', en: 'Loading…' })));
  try {
    const { feedback } = await call('getFeedback', { params: { feedbackId: id } });
    showCase(detail, feedback, page);
  } catch (err) {
    detail.replaceChildren(h('p', { role: 'alert' }, t(describeError(err))));
  }
}

function showCase(detail: HTMLElement, f: FeedbackCaseView, page: HTMLElement): void {
  const s = f.sender;
  const output = h('p', { id: 'step-output', class: 'status', role: 'status' });
  const step = (action: FeedbackActionBody) => {
    output.textContent = t({ vi: 'Đang lưu…', en: 'Saving…' });
    call('actOnFeedback', { params: { feedbackId: f.id }, body: { requestId: newRequestId(), expectedVersion: f.version, action } }).then(
      ({ feedback }) => {
        showCase(detail, feedback, page);
        detail.querySelector('#step-output')!.textContent = t({ vi: 'Đã lưu.', en: 'Saved.' });
      },
      (err: unknown) => (output.textContent = t(describeError(err))),
    );
  };
  const text = (id: string, label: { vi: string; en: string }) => field(id, label, h('textarea', { id, rows: 3, required: true }));
  const value = (id: string) => (detail.querySelector(`#${id}`) as HTMLTextAreaElement | HTMLSelectElement | null)?.value.trim() ?? '';
  const open = f.status === 'received' || f.status === 'inProgress';
  const isLead = session.staff?.role === 'lead';
  detail.replaceChildren(
    h('h3', { id: 'case-title', tabindex: '-1' }, f.subject),
    h('dl', { class: 'facts' },
      h('dt', {}, t({ vi: 'Trạng thái', en: 'Status' })), h('dd', { id: 'case-status' }, t(f.statusLabel)),
      h('dt', {}, t({ vi: 'Loại', en: 'Category' })), h('dd', {}, t(FEEDBACK_CATEGORY_LABELS[f.category])),
      h('dt', {}, t({ vi: 'Kênh', en: 'Channel' })), h('dd', {}, t(FEEDBACK_CHANNEL_LABELS[f.channel])),
      h('dt', {}, t({ vi: 'Người gửi', en: 'Sender' })), h('dd', { id: 'case-sender' }, s ? [s.fullName, s.phone, s.email].filter(Boolean).join(' · ') || t({ vi: 'Không để lại liên hệ', en: 'No contact left' }) : '—'),
      h('dt', {}, t({ vi: 'Hạn trả lời', en: 'Answer by' })), h('dd', {}, formatDateTime(f.deadlines.answerBy)),
      h('dt', {}, t({ vi: 'Mã hồ sơ liên quan', en: 'Related dossier' })), h('dd', {}, f.dossierCode ?? '—'),
    ),
    h('p', { class: 'body' }, f.body),
    f.infoSupplied ? h('p', {}, `${t({ vi: 'Thông tin bổ sung', en: 'Information added' })}: ${f.infoSupplied}`) : '',
    f.answer ? h('p', { id: 'case-answer' }, `${t({ vi: 'Trả lời', en: 'Answer' })}: ${f.answer}`) : '',
    open
      ? h('form', { id: 'classify-form', class: 'step', onsubmit: (e: Event) => (e.preventDefault(), step({ type: 'classify', category: value('classify-category') as never, ...(value('classify-agency') ? { agencyId: value('classify-agency') } : {}) })) },
          h('h4', {}, t({ vi: 'Phân loại, giao cơ quan', en: 'Classify and assign' })),
          field('classify-category', { vi: 'Loại', en: 'Category' }, categorySelect('classify-category', f.category)),
          field('classify-agency', { vi: 'Giao cho cơ quan (mã định danh, để trống nếu giữ nguyên)', en: 'Assign to agency (identifier; blank to keep)' }, h('input', { id: 'classify-agency', pattern: '\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}' })),
          h('button', { type: 'submit' }, t({ vi: 'Lưu phân loại', en: 'Save' })))
      : '',
    open
      ? h('form', { id: 'answer-form', class: 'step', onsubmit: (e: Event) => (e.preventDefault(), step({ type: 'answer', answer: value('answer-text'), ...((detail.querySelector('#answer-verified') as HTMLInputElement | null)?.checked ? { verified: true } : {}) })) },
          h('h4', {}, t({ vi: 'Trả lời người gửi', en: 'Answer the sender' })),
          text('answer-text', { vi: 'Nội dung trả lời', en: 'Answer' }),
          f.category === 'staffConduct' && isLead ? h('p', {}, h('input', { id: 'answer-verified', type: 'checkbox' }), ' ', h('label', { for: 'answer-verified' }, t({ vi: 'Phản ánh về cán bộ đã được xác minh là đúng', en: 'The complaint about staff was verified' }))) : '',
          h('button', { type: 'submit' }, t({ vi: 'Gửi trả lời', en: 'Send the answer' })))
      : '',
    open && f.infoQuestion === null
      ? h('form', { id: 'info-form', class: 'step', onsubmit: (e: Event) => (e.preventDefault(), step({ type: 'requestInfo', question: value('info-text') })) }, h('h4', {}, t({ vi: 'Đề nghị bổ sung thông tin (một lần)', en: 'Ask for more information (once)' })), text('info-text', { vi: 'Thông tin cần bổ sung', en: 'What is needed' }), h('button', { type: 'submit', class: 'secondary' }, t({ vi: 'Gửi đề nghị', en: 'Ask' })))
      : '',
    f.status === 'awaitingInfo'
      ? h('form', { id: 'supply-form', class: 'step', onsubmit: (e: Event) => (e.preventDefault(), step({ type: 'supplyInfo', info: value('supply-text') })) }, h('h4', {}, t({ vi: 'Ghi nhận thông tin người gửi cung cấp (qua điện thoại)', en: 'Record the information given (by phone)' })), text('supply-text', { vi: 'Thông tin', en: 'Information' }), h('button', { type: 'submit' }, t({ vi: 'Lưu', en: 'Save' })))
      : '',
    open || f.status === 'awaitingInfo'
      ? h('form', { id: 'refuse-form', class: 'step', onsubmit: (e: Event) => (e.preventDefault(), step({ type: 'refuse', reason: value('refuse-text') })) }, h('h4', {}, t({ vi: 'Không tiếp nhận xử lý', en: 'Refuse' })), text('refuse-text', { vi: 'Lý do', en: 'Reason' }), h('button', { type: 'submit', class: 'secondary' }, t({ vi: 'Từ chối', en: 'Refuse' })))
      : '',
    f.status === 'answered' && isLead
      ? h('form', { id: 'publish-form', class: 'step', onsubmit: (e: Event) => (e.preventDefault(), step({ type: 'publish', question: value('publish-question'), answer: value('publish-answer') })) },
          h('h4', {}, t({ vi: 'Công khai câu trả lời (bỏ mọi thông tin cá nhân)', en: 'Publish the answer (remove every personal detail)' })),
          text('publish-question', { vi: 'Nội dung phản ánh để công khai', en: 'Question as published' }),
          text('publish-answer', { vi: 'Câu trả lời để công khai', en: 'Answer as published' }),
          h('button', { type: 'submit' }, t({ vi: 'Công khai', en: 'Publish' })))
      : '',
    output,
  );
  (detail.querySelector('#case-title') as HTMLElement).focus();
}

function recordForm(page: HTMLElement): HTMLElement {
  const output = h('p', { id: 'record-output', class: 'status', role: 'status' });
  const v = (id: string) => (page.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value.trim();
  return h(
    'form',
    {
      id: 'record-form',
      class: 'step',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const contact = { ...(v('record-name') ? { fullName: v('record-name') } : {}), ...(v('record-phone') ? { phone: v('record-phone') } : {}), ...(v('record-email') ? { email: v('record-email') } : {}) };
        output.textContent = t({ vi: 'Đang lưu…', en: 'Saving…' });
        call('recordFeedback', { body: { requestId: newRequestId(), channel: v('record-channel') === 'paper' ? 'paper' : 'hotline', category: v('record-category') as never, subject: v('record-subject'), body: v('record-body'), ...(Object.keys(contact).length ? { contact } : {}) } }).then(
          (r) => (output.textContent = t({ vi: `Đã ghi nhận, mã theo dõi ${r.feedback.id}.`, en: `Recorded, tracking id ${r.feedback.id}.` })),
          (err: unknown) => (output.textContent = t(describeError(err))),
        );
      },
    },
    h('h3', {}, t({ vi: 'Ghi nhận phản ánh qua đường dây nóng, hòm thư góp ý', en: 'Record a hotline call or a feedback-box note' })),
    field('record-channel', { vi: 'Kênh', en: 'Channel' }, h('select', { id: 'record-channel' }, h('option', { value: 'hotline' }, t(FEEDBACK_CHANNEL_LABELS.hotline)), h('option', { value: 'paper' }, t(FEEDBACK_CHANNEL_LABELS.paper)))),
    field('record-category', { vi: 'Loại', en: 'Category' }, categorySelect('record-category')),
    field('record-subject', { vi: 'Tiêu đề', en: 'Subject' }, h('input', { id: 'record-subject', required: true, maxlength: 200 })),
    field('record-body', { vi: 'Nội dung', en: 'Message' }, h('textarea', { id: 'record-body', rows: 4, required: true })),
    field('record-name', { vi: 'Họ tên người phản ánh (nếu có)', en: 'Sender’s name (if given)' }, h('input', { id: 'record-name', autocomplete: 'off' })),
    field('record-phone', { vi: 'Số điện thoại', en: 'Phone' }, h('input', { id: 'record-phone', type: 'tel', autocomplete: 'off' })),
    field('record-email', { vi: 'Email', en: 'Email' }, h('input', { id: 'record-email', type: 'email', autocomplete: 'off' })),
    h('button', { type: 'submit' }, t({ vi: 'Ghi nhận', en: 'Record' })),
    output,
  );
}
