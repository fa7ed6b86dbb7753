// The rating screen: the dossier looked up, the five-level satisfaction scale as huge touch targets, the
// officer-attitude question and a comment, each with its error line.
import { SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { send } from './citizen-turn.js';
import { resetForNextCitizen, type Draft } from './state.js';

function fieldError(id: string, message: Bilingual | undefined): HTMLElement {
  return h('p', { id, class: 'kiosk-error', role: message ? 'alert' : undefined }, message ? t(message) : '');
}

export function rateView(draft: Draft): HTMLElement {
  const { view } = draft;
  const summary = h(
    'dl',
    { class: 'kiosk-dossier', 'data-testid': 'dossier' },
    h('dt', {}, t({ vi: 'Mã hồ sơ', en: 'Dossier code' })),
    h('dd', { 'data-testid': 'code' }, view.code),
    view.view === 'full' ? h('dt', {}, t({ vi: 'Thủ tục', en: 'Procedure' })) : null,
    view.view === 'full' ? h('dd', { 'data-testid': 'procedure' }, t(view.procedure.name)) : null,
    h('dt', {}, t({ vi: 'Tình trạng', en: 'Status' })),
    h('dd', { 'data-testid': 'status' }, t(view.statusLabel)),
  );

  const scale = h(
    'fieldset',
    { class: 'kiosk-scale', 'aria-describedby': 'err-satisfaction' },
    h('legend', {}, t({ vi: 'Ông/bà hài lòng thế nào với việc giải quyết hồ sơ?', en: 'How satisfied are you with how your dossier was handled?' })),
    ...SATISFACTION_LEVELS.map((level, i) => {
      const radio = h('input', { type: 'radio', name: 'satisfaction', value: level, id: `sat-${level}`, checked: draft.satisfaction === level });
      radio.addEventListener('change', () => {
        draft.satisfaction = level;
        delete draft.errors.satisfaction;
      });
      return h('label', { for: `sat-${level}`, class: `kiosk-level level-${i + 1}` }, radio, h('span', {}, t(SATISFACTION_SCALE[level])));
    }),
    fieldError('err-satisfaction', draft.errors.satisfaction),
  );

  const yesNo = ([true, false] as const).map((value) => {
    const id = `complaint-${value ? 'yes' : 'no'}`;
    const radio = h('input', { type: 'radio', name: 'complaint', value: String(value), id, checked: draft.complaint === value });
    radio.addEventListener('change', () => {
      draft.complaint = value;
      delete draft.errors.officerAttitudeComplaint;
    });
    return h('label', { for: id, class: 'kiosk-choice' }, radio, h('span', {}, value ? t({ vi: 'Có', en: 'Yes' }) : t({ vi: 'Không', en: 'No' })));
  });
  const complaint = h(
    'fieldset',
    { class: 'kiosk-yesno', 'aria-describedby': 'err-officerAttitudeComplaint' },
    h('legend', {}, t({ vi: 'Ông/bà có phản ánh về thái độ của cán bộ không?', en: 'Do you have a complaint about an officer’s attitude?' })),
    ...yesNo,
    fieldError('err-officerAttitudeComplaint', draft.errors.officerAttitudeComplaint),
  );

  // Without the QR's token, the citizen proves holding the receipt with the code printed beside the QR.
  const proof = draft.scanned.token
    ? null
    : (() => {
        const input = h('input', {
          id: 'kiosk-rating-code',
          name: 'ratingCode',
          inputmode: 'numeric',
          autocomplete: 'off',
          maxlength: 11,
          'aria-describedby': 'kiosk-rating-code-help err-ratingCode',
          'aria-invalid': draft.errors.ratingCode ? 'true' : undefined,
        });
        input.value = draft.ratingCode;
        input.addEventListener('input', () => {
          draft.ratingCode = input.value;
          delete draft.errors.ratingCode;
        });
        return h(
          'div',
          { class: 'kiosk-proof' },
          h('label', { for: 'kiosk-rating-code', class: 'kiosk-big-label' }, t({ vi: 'Mã đánh giá tại quầy', en: 'Desk rating code' })),
          h('p', { id: 'kiosk-rating-code-help', class: 'kiosk-note' }, t({
            vi: 'Tám chữ số in trên giấy tiếp nhận, dưới dòng “Mã đánh giá tại quầy”.',
            en: 'The eight digits printed on your receipt, on the line “Desk rating code”.',
          })),
          input,
          fieldError('err-ratingCode', draft.errors.ratingCode),
        );
      })();

  const comment = h('textarea', { id: 'kiosk-comment', name: 'comment', rows: 2, maxlength: 2000, 'aria-describedby': 'err-comment' });
  comment.value = draft.comment;
  comment.addEventListener('input', () => {
    draft.comment = comment.value;
  });

  const submit = h('button', { type: 'submit', class: 'kiosk-primary', id: 'kiosk-submit', disabled: draft.sending }, t({ vi: 'Gửi đánh giá', en: 'Send rating' }));
  const cancel = h('button', { type: 'button', class: 'kiosk-secondary' }, t({ vi: 'Hủy', en: 'Cancel' }));
  cancel.addEventListener('click', resetForNextCitizen);

  const form = h(
    'form',
    { id: 'kiosk-rate', class: 'kiosk-rate', novalidate: true },
    h('h2', { tabindex: -1, 'data-focus': true }, t({ vi: 'Đánh giá hồ sơ', en: 'Rate your dossier' })),
    summary,
    proof,
    scale,
    complaint,
    h('label', { for: 'kiosk-comment' }, t({ vi: 'Ý kiến khác (không bắt buộc)', en: 'Other comments (optional)' })),
    comment,
    fieldError('err-comment', draft.errors.comment),
    fieldError('err-form', draft.errors.form),
    h('div', { class: 'kiosk-actions' }, cancel, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(draft);
  });
  return form;
}
