// The feedback form: category, subject, message, an optional dossier code and agency, and a contact for
// the answer (required without signing in). After sending: the tracking link to keep.
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type AgencyPublic } from '../../../functions/src/contract/index.js';
import { ApiCallError, describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { call } from './api.js';
import { signedInCitizen, type Citizen } from './signed-in.js';

const labelled = (id: string, label: { vi: string; en: string }, control: HTMLElement, hint?: { vi: string; en: string }) =>
  h('p', {}, h('label', { for: id }, t(label)), hint ? h('span', { class: 'hint', id: `${id}-hint` }, ` ${t(hint)}`) : '', control, h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' }));

export async function renderForm(target: HTMLElement, agencies: AgencyPublic[]): Promise<void> {
  const citizen = await signedInCitizen();
  const output = h('p', { id: 'form-output', class: 'status', role: 'status' });
  const requestId = crypto.randomUUID();
  const form = h(
    'form',
    { id: 'feedback-form', novalidate: true },
    h('h2', {}, t({ vi: 'Gửi phản ánh, kiến nghị', en: 'Send feedback' })),
    citizen
      ? h('p', { id: 'as-citizen' }, t({ vi: `Bạn đang đăng nhập (${citizen.email ?? ''}): câu trả lời được gửi về tài khoản này; thông tin liên hệ là không bắt buộc.`, en: `You are signed in (${citizen.email ?? ''}): the answer comes to this account; a contact is optional.` }))
      : h('p', { id: 'as-anonymous' }, t({ vi: 'Bạn gửi không cần đăng nhập; hãy để lại số điện thoại hoặc email để nhận câu trả lời.', en: 'No sign-in needed; leave a phone number or an email to receive the answer.' })),
    labelled('fb-category', { vi: 'Loại phản ánh', en: 'Category' }, h('select', { id: 'fb-category', name: 'category' }, ...FEEDBACK_CATEGORIES.map((c) => h('option', { value: c }, t(FEEDBACK_CATEGORY_LABELS[c]))))),
    labelled('fb-subject', { vi: 'Tiêu đề', en: 'Subject' }, h('input', { id: 'fb-subject', name: 'subject', required: true, maxlength: 200, 'aria-describedby': 'fb-subject-error' })),
    labelled('fb-body', { vi: 'Nội dung', en: 'Message' }, h('textarea', { id: 'fb-body', name: 'body', rows: 6, required: true, maxlength: 5000, 'aria-describedby': 'fb-body-error' })),
    labelled('fb-code', { vi: 'Mã hồ sơ liên quan (nếu có)', en: 'Related dossier code (if any)' }, h('input', { id: 'fb-code', name: 'dossierCode', autocomplete: 'off', 'aria-describedby': 'fb-code-error' })),
    labelled('fb-agency', { vi: 'Cơ quan liên quan', en: 'Agency concerned' }, h('select', { id: 'fb-agency', name: 'agencyId' }, h('option', { value: '' }, t({ vi: 'Không rõ — Trung tâm Phục vụ hành chính công tỉnh tiếp nhận', en: 'Not sure — the province service centre takes it' })), ...agencies.map((a) => h('option', { value: a.id }, t(a.name))))),
    h('fieldset', {},
      h('legend', {}, t({ vi: 'Thông tin liên hệ để nhận trả lời (chỉ cán bộ xử lý được xem)', en: 'Contact for the answer (seen only by the officers handling it)' })),
      labelled('fb-name', { vi: 'Họ và tên', en: 'Full name' }, h('input', { id: 'fb-name', autocomplete: 'name' })),
      labelled('fb-phone', { vi: 'Số điện thoại di động', en: 'Mobile phone' }, h('input', { id: 'fb-phone', type: 'tel', autocomplete: 'tel', 'aria-describedby': 'fb-phone-error' })),
      labelled('fb-email', { vi: 'Email', en: 'Email' }, h('input', { id: 'fb-email', type: 'email', autocomplete: 'email', 'aria-describedby': 'fb-email-error' })),
    ),
    h('p', {}, h('button', { type: 'submit' }, t({ vi: 'Gửi', en: 'Send' }))),
    output,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send(form, output, requestId, citizen, target);
  });
  target.replaceChildren(form);
}

async function send(form: HTMLFormElement, output: HTMLElement, requestId: string, citizen: Citizen | undefined, target: HTMLElement): Promise<void> {
  const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  for (const el of Array.from(form.querySelectorAll('.field-error'))) el.textContent = '';
  const contact = { ...(v('fb-name') ? { fullName: v('fb-name') } : {}), ...(v('fb-phone') ? { phone: v('fb-phone') } : {}), ...(v('fb-email') ? { email: v('fb-email') } : {}) };
  output.textContent = t({ vi: 'Đang gửi…', en: 'Sending…' });
  try {
    const receipt = await call(
      'submitFeedback',
      { body: { requestId, category: v('fb-category') as never, subject: v('fb-subject'), body: v('fb-body'), ...(v('fb-code') ? { dossierCode: v('fb-code') } : {}), ...(v('fb-agency') ? { agencyId: v('fb-agency') } : {}), ...(Object.keys(contact).length ? { contact } : {}) } },
      citizen ? await citizen.token() : undefined,
    );
    const link = `${location.origin}${receipt.trackPath}`;
    target.replaceChildren(
      h('section', { id: 'sent', 'aria-labelledby': 'sent-title' },
        h('h2', { id: 'sent-title', tabindex: '-1' }, t({ vi: 'Đã gửi phản ánh', en: 'Feedback sent' })),
        h('p', {}, t({ vi: `Hạn trả lời: ${new Date(receipt.feedback.deadlines.answerBy).toLocaleDateString('vi-VN')}. Giữ đường dẫn sau để theo dõi:`, en: `Answer due by ${new Date(receipt.feedback.deadlines.answerBy).toLocaleDateString('en-GB')}. Keep this link to follow it:` })),
        h('p', {}, h('a', { id: 'track-link', href: receipt.trackPath }, link)),
      ),
    );
    (target.querySelector('#sent-title') as HTMLElement).focus();
  } catch (err) {
    output.textContent = t(describeError(err));
    if (err instanceof ApiCallError && err.body) {
      const ids: Record<string, string> = { subject: 'fb-subject', body: 'fb-body', dossierCode: 'fb-code', contact: 'fb-email', 'contact.email': 'fb-email', 'contact.phone': 'fb-phone' };
      for (const f of err.body.error.fields) {
        const id = ids[f.path];
        if (id) form.querySelector(`#${id}-error`)!.textContent = t(f.message);
      }
    }
  }
}
