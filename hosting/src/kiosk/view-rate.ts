// The rating screen: the dossier looked up (its procedure first), the five-level satisfaction scale as
// huge touch targets, the staff-attitude question with answers that say what they mean, and a comment,
// each with its error line, cleared as soon as it is answered.
import { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { send } from './citizen-turn.js';
import { clearError } from './keypad.js';
import { resetForNextCitizen, type Draft } from './state.js';

function fieldError(id: string, message: Bilingual | undefined): HTMLElement {
  return h('p', { id, class: 'kiosk-error', role: message ? 'alert' : undefined }, message ? t(message) : '');
}

export function rateView(draft: Draft): HTMLElement {
  const { view } = draft;
  const summary = h(
    'dl',
    { class: 'kiosk-dossier', 'data-testid': 'dossier' },
    h('dt', {}, t({ vi: 'Thủ tục', en: 'Procedure' })),
    h('dd', { 'data-testid': 'procedure', class: 'kiosk-procedure' }, t(view.procedure.name)),
    h('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
    h('dd', { 'data-testid': 'code' }, view.code),
    h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })),
    h('dd', { 'data-testid': 'status' }, t(view.statusLabel)),
  );

  // Each choice clears its own error line at once: the citizen sees that the problem is solved.
  const satisfactionError = fieldError('err-satisfaction', draft.errors.satisfaction);
  const scale = h(
    'fieldset',
    { class: 'kiosk-scale', 'aria-describedby': 'err-satisfaction' },
    h('legend', {}, t({ vi: 'Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?', en: 'How satisfied are you with how your dossier was handled?' })),
    ...SATISFACTION_LEVELS.map((level, i) => {
      const radio = h('input', { type: 'radio', name: 'satisfaction', value: level, id: `sat-${level}`, checked: draft.satisfaction === level });
      radio.addEventListener('change', () => {
        draft.satisfaction = level;
        delete draft.errors.satisfaction;
        clearError(satisfactionError);
      });
      return h('label', { for: `sat-${level}`, class: `kiosk-level level-${i + 1}` }, radio, h('span', {}, t(SATISFACTION_SCALE[level])));
    }),
    satisfactionError,
  );

  // Not "Có / Không" to a question about complaints (a citizen pleased with the staff would answer "Có"
  // meaning "yes, they were good"): each answer says what it means.
  const complaintError = fieldError('err-officerAttitudeComplaint', draft.errors.officerAttitudeComplaint);
  const answers: Record<'true' | 'false', Bilingual> = {
    false: { vi: 'Cán bộ có thái độ đúng mực — tôi không phản ánh', en: 'The staff behaved properly — nothing to report' },
    true: { vi: 'Cán bộ có thái độ chưa đúng mực — tôi muốn phản ánh', en: 'A staff member behaved improperly — I want to report it' },
  };
  const choices = ([false, true] as const).map((value) => {
    const id = `complaint-${value ? 'yes' : 'no'}`;
    const radio = h('input', { type: 'radio', name: 'complaint', value: String(value), id, checked: draft.complaint === value });
    radio.addEventListener('change', () => {
      draft.complaint = value;
      delete draft.errors.officerAttitudeComplaint;
      clearError(complaintError);
    });
    return h('label', { for: id, class: 'kiosk-choice' }, radio, h('span', {}, t(answers[String(value) as 'true' | 'false'])));
  });
  const complaint = h(
    'fieldset',
    { class: 'kiosk-yesno', 'aria-describedby': 'err-officerAttitudeComplaint' },
    h('legend', {}, t({ vi: 'Thái độ của cán bộ tiếp nhận, giải quyết hồ sơ', en: 'The attitude of the staff who received and handled your dossier' })),
    ...choices,
    complaintError,
  );

  const comment = h('textarea', { id: 'kiosk-comment', name: 'comment', rows: 2, maxlength: 2000, 'aria-describedby': 'err-comment' });
  comment.value = draft.comment;
  const commentError = fieldError('err-comment', draft.errors.comment);
  comment.addEventListener('input', () => {
    draft.comment = comment.value;
    if (draft.errors.comment && comment.value.length <= 2000) {
      delete draft.errors.comment;
      clearError(commentError);
    }
  });

  const submit = h('button', { type: 'submit', class: 'kiosk-primary', id: 'kiosk-submit', disabled: draft.sending }, t({ vi: 'Gửi đánh giá', en: 'Send rating' }));
  const cancel = h('button', { type: 'button', class: 'kiosk-secondary' }, t({ vi: 'Hủy', en: 'Cancel' }));
  cancel.addEventListener('click', resetForNextCitizen);

  const form = h(
    'form',
    { id: 'kiosk-rate', class: 'kiosk-rate', novalidate: true },
    h('h2', { tabindex: -1, 'data-focus': true }, t({ vi: 'Đánh giá hồ sơ', en: 'Rate your dossier' })),
    summary,
    scale,
    complaint,
    h('label', { for: 'kiosk-comment' }, t({ vi: 'Ý kiến khác (không bắt buộc)', en: 'Other comments (optional)' })),
    comment,
    commentError,
    fieldError('err-form', draft.errors.form),
    h('div', { class: 'kiosk-actions' }, cancel, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(draft);
  });
  return form;
}
