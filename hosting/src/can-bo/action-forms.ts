// One small form per lifecycle action, following the payload schemas in
// functions/src/domain/lifecycle/actions.ts (fields the service sets — code, due — are never asked).
// Each form reads its inputs into the action object and checks the obvious things (required, dates);
// the server remains the authority and its field errors land next to the same inputs.
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { agencyField, datetimeField, readDate, REQUIRED, simple, text, type BuiltForm, type FormContext, type Spec } from './action-form-parts.js';
import { field, select, uid } from './forms.js';
import { CHANNEL_LABELS, tx } from './labels.js';
import { confirmStopForm, requestStopForm } from './stop-forms.js';
import { requestSupplementForm } from './supplement-form.js';
import { transferForm } from './transfer-form.js';

export type { AgencyOption, BuiltForm, FormContext, StepRef } from './action-form-parts.js';

const SPECS: Partial<Record<string, Spec>> = {
  receive: () => simple('receive', [text('note', { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' }, { long: true, max: 1000 })]),
  refuseAtReception: () =>
    simple('refuseAtReception', [
      text('reason', { vi: 'Lý do từ chối (in trên mẫu 03)', en: 'Reasons for refusal (printed on form 03)' }, { required: true, long: true }),
    ]),
  requestSupplement: requestSupplementForm,
  submitSupplement: () => simple('submitSupplement', []),
  assign: () => simple('assign', [text('handlerId', { vi: 'Mã tài khoản chuyên viên thụ lý', en: 'Account id of the handling officer' }, { required: true, max: 128 })]),
  transfer: transferForm,
  acknowledgeTransfer: () => simple('acknowledgeTransfer', []),
  requestOpinion: (ctx) => {
    const agency = agencyField(ctx, 'agencyId', { vi: 'Cơ quan được hỏi ý kiến', en: 'Consulted agency' });
    const question = text('question', { vi: 'Nội dung xin ý kiến', en: 'Question' }, { required: true, long: true });
    const due = datetimeField('dueAt', { vi: 'Hạn trả lời', en: 'Answer due by' }, true);
    return {
      fields: h('div', {}, agency.wrap, question.wrap, due.wrap),
      read: () => {
        const errors: { path: string; message: Bilingual }[] = [];
        const action: Record<string, unknown> = { type: 'requestOpinion' };
        if (agency.control.value) action.agencyId = agency.control.value;
        else errors.push({ path: 'agencyId', message: REQUIRED });
        const q = question.control.value.trim();
        if (q) action.question = q;
        else errors.push({ path: 'question', message: REQUIRED });
        readDate(due, action, errors);
        return errors.length > 0 ? { errors } : { action };
      },
      describe: (action) => [`${tx('Hỏi', 'Ask')}: ${String(action.agencyId)}`, String(action.question)],
    };
  },
  provideOpinion: () => simple('provideOpinion', [text('answer', { vi: 'Ý kiến', en: 'Opinion' }, { required: true, long: true, max: 4000 })]),
  requestPayment: () => {
    const amount = h('input', { type: 'number', name: 'amountVnd', min: 1, step: 1, inputmode: 'numeric', required: true });
    const description = text('description', { vi: 'Nghĩa vụ tài chính', en: 'Financial obligation' }, { required: true, max: 500 });
    return {
      fields: h('div', {}, field({ vi: 'Số tiền (đồng)', en: 'Amount (VND)' }, amount, 'amountVnd'), description.wrap),
      read: () => {
        const errors: { path: string; message: Bilingual }[] = [];
        const n = Number(amount.value);
        if (!amount.value || !Number.isInteger(n) || n <= 0) errors.push({ path: 'amountVnd', message: { vi: 'Số tiền là số nguyên dương', en: 'a positive whole amount' } });
        const d = description.control.value.trim();
        if (!d) errors.push({ path: 'description', message: REQUIRED });
        return errors.length > 0 ? { errors } : { action: { type: 'requestPayment', amountVnd: n, description: d } };
      },
      describe: (action) => [`${String(action.amountVnd)} đ — ${String(action.description)}`],
    };
  },
  confirmPayment: () => simple('confirmPayment', [text('reference', { vi: 'Số chứng từ (không bắt buộc)', en: 'Payment reference (optional)' }, { max: 100 })]),
  resolve: () => {
    const name = uid('outcome');
    // Nothing pre-selected: approving or denying is a decision the handler states, with its summary.
    const approved = h('input', { type: 'radio', name, value: 'approved', id: `${name}-a`, 'data-path': 'outcome' });
    const denied = h('input', { type: 'radio', name, value: 'denied', id: `${name}-d` });
    const reason = text('reason', { vi: 'Lý do từ chối (bắt buộc khi từ chối)', en: 'Reasons for a denial (required to deny)' }, { long: true });
    const summary = text('summary', { vi: 'Tóm tắt kết quả (người nộp sẽ đọc)', en: 'Summary of the result (the applicant reads it)' }, { long: true, required: true });
    return {
      fields: h(
        'div',
        {},
        h(
          'fieldset',
          {},
          h('legend', {}, tx('Kết quả', 'Outcome')),
          h('label', { class: 'choice', for: approved.id }, approved, ' ', tx('Phê duyệt', 'Approve')),
          h('label', { class: 'choice', for: denied.id }, denied, ' ', tx('Từ chối giải quyết', 'Deny')),
          h('p', { class: 'field-error', 'data-error-for': 'outcome', hidden: true }),
        ),
        summary.wrap,
        reason.wrap,
        // The signed result document itself is issued in its own section (features/results): a PDF the
        // handler uploads, or one the system produces; the desk returns it online or on paper.
        h(
          'p',
          { class: 'hint', 'data-testid': 'result-document-hint' },
          tx('Văn bản kết quả (tệp PDF) được đính kèm và ký số ở mục ', 'The result document (a PDF) is attached and signed in '),
          h('a', { href: '#dossier-results' }, tx('Kết quả điện tử', 'Electronic result')),
          '.',
        ),
      ),
      read: () => {
        const errors: { path: string; message: Bilingual }[] = [];
        if (!approved.checked && !denied.checked) errors.push({ path: 'outcome', message: { vi: 'Chọn Phê duyệt hoặc Từ chối giải quyết', en: 'Choose Approve or Deny' } });
        const outcome = denied.checked ? 'denied' : 'approved';
        const action: Record<string, unknown> = { type: 'resolve', outcome };
        const r = reason.control.value.trim();
        const s = summary.control.value.trim();
        if (r) action.reason = r;
        if (s) action.summary = s;
        else errors.push({ path: 'summary', message: REQUIRED });
        if (denied.checked && !r) errors.push({ path: 'reason', message: { vi: 'Từ chối giải quyết phải nêu rõ lý do', en: 'a denial must state its reasons' } });
        return errors.length > 0 ? { errors } : { action };
      },
      describe: (action) => [
        action.outcome === 'denied' ? tx('Từ chối giải quyết', 'Deny') : tx('Phê duyệt', 'Approve'),
        ...(action.summary ? [String(action.summary)] : []),
        ...(action.reason ? [String(action.reason)] : []),
      ],
    };
  },
  extend: () => {
    const due = datetimeField('newDueAt', { vi: 'Ngày hẹn trả mới', en: 'New appointment' }, true);
    const reason = text('reason', { vi: 'Lý do quá hạn', en: 'Reason for the delay' }, { required: true, long: true });
    const apology = text('apology', { vi: 'Lời xin lỗi (in trên mẫu 04)', en: 'Apology (printed on form 04)' }, { required: true, long: true });
    return {
      fields: h('div', {}, due.wrap, reason.wrap, apology.wrap),
      read: () => {
        const errors: { path: string; message: Bilingual }[] = [];
        const action: Record<string, unknown> = { type: 'extend' };
        readDate(due, action, errors);
        for (const p of [reason, apology]) {
          const v = p.control.value.trim();
          if (v) action[p.path] = v;
          else errors.push({ path: p.path, message: REQUIRED });
        }
        return errors.length > 0 ? { errors } : { action };
      },
      describe: (action) => [`${tx('Hẹn mới', 'New date')}: ${due.control.value.replace('T', ' ')}`, String(action.reason)],
    };
  },
  returnResult: (ctx) => {
    const via = select(
      Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label: t(label) })),
      ctx.resultDelivery ?? 'desk',
    );
    via.name = 'via';
    return {
      fields: field({ vi: 'Hình thức trả kết quả', en: 'Delivered via' }, via, 'via'),
      read: () => ({ action: { type: 'returnResult', via: via.value } }),
      describe: () => [`${tx('Trả qua', 'Via')}: ${via.selectedOptions[0]?.textContent ?? via.value}`],
    };
  },
  withdraw: () => simple('withdraw', [text('reason', { vi: 'Lý do (không bắt buộc)', en: 'Reason (optional)' }, { long: true })]),
  stop: () => simple('stop', [text('reason', { vi: 'Lý do dừng xử lý', en: 'Reason for stopping' }, { required: true, long: true })]),
  requestStop: requestStopForm,
  confirmStop: confirmStopForm,
};

/** Whether the dashboard has a form for the action (submit and intake are made elsewhere). */
export function hasActionForm(type: string): boolean {
  return Object.hasOwn(SPECS, type);
}

/** The form for an action the officer may take, or undefined for actions officers never post here. */
export function buildActionForm(type: string, ctx: FormContext): BuiltForm | undefined {
  return SPECS[type]?.(ctx);
}
