// Paper rating slips keyed in by the desk that received the dossier: the slip's code, the five-level
// satisfaction, a complaint about an officer, the Decree 118 Art. 33 questions (1–5 or left blank), and
// the slip's number. The server records who keyed it in.
import { RATING_CRITERIA, RATING_CRITERIA_LABELS, SATISFACTION_LEVELS, SATISFACTION_SCALE } from '../../../functions/src/contract/index.js';
import { describeError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { call, newRequestId } from './api.js';

export function renderSlips(target: HTMLElement): void {
  const output = h('p', { id: 'slip-output', class: 'status', role: 'status' });
  const v = (id: string) => (target.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement).value.trim();
  const form = h(
    'form',
    {
      id: 'slip-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const chosen = target.querySelector<HTMLInputElement>('input[name="satisfaction"]:checked');
        if (!chosen) {
          output.textContent = t({ vi: 'Chọn một mức độ hài lòng.', en: 'Choose a satisfaction level.' });
          return;
        }
        const criteria = Object.fromEntries(RATING_CRITERIA.flatMap((k) => (v(`crit-${k}`) ? [[k, Number(v(`crit-${k}`))]] : [])));
        output.textContent = t({ vi: 'Đang lưu…', en: 'Saving…' });
        call('postPaperRating', {
          body: {
            requestId: newRequestId(),
            code: v('slip-code'),
            satisfaction: chosen.value as (typeof SATISFACTION_LEVELS)[number],
            officerAttitudeComplaint: (target.querySelector('#slip-complaint') as HTMLInputElement).checked,
            ...(Object.keys(criteria).length ? { criteria } : {}),
            ...(v('slip-number') ? { slipNumber: v('slip-number') } : {}),
          },
        }).then(
          (r) => (output.textContent = t({ vi: `Đã nhập phiếu của hồ sơ ${r.rating.code}.`, en: `Slip of ${r.rating.code} recorded.` })),
          (err: unknown) => (output.textContent = t(describeError(err))),
        );
      },
    },
    h('p', {}, h('label', { for: 'slip-code' }, t({ vi: 'Mã hồ sơ trên phiếu', en: 'Dossier code on the slip' })), h('input', { id: 'slip-code', required: true, autocomplete: 'off' })),
    h('fieldset', {}, h('legend', {}, t({ vi: 'Mức độ hài lòng', en: 'Satisfaction' })), ...SATISFACTION_LEVELS.map((l) => h('p', {}, h('input', { type: 'radio', name: 'satisfaction', id: `sat-${l}`, value: l }), ' ', h('label', { for: `sat-${l}` }, t(SATISFACTION_SCALE[l]))))),
    h('p', {}, h('input', { type: 'checkbox', id: 'slip-complaint' }), ' ', h('label', { for: 'slip-complaint' }, t({ vi: 'Có phản ánh về thái độ của cán bộ', en: 'Complaint about an officer’s attitude' }))),
    h('fieldset', {}, h('legend', {}, t({ vi: 'Tiêu chí (Điều 33 Nghị định 118): 1 kém … 5 rất tốt', en: 'Criteria (Decree 118 Art. 33): 1 poor … 5 very good' })),
      ...RATING_CRITERIA.map((k) => h('p', {}, h('label', { for: `crit-${k}` }, t(RATING_CRITERIA_LABELS[k])), h('select', { id: `crit-${k}` }, h('option', { value: '' }, '—'), ...[1, 2, 3, 4, 5].map((n) => h('option', { value: String(n) }, String(n))))))),
    h('p', {}, h('label', { for: 'slip-number' }, t({ vi: 'Số phiếu (nếu có)', en: 'Slip number (if any)' })), h('input', { id: 'slip-number', autocomplete: 'off' })),
    h('button', { type: 'submit' }, t({ vi: 'Nhập phiếu', en: 'Record the slip' })),
    output,
  );
  target.replaceChildren(h('section', { 'aria-labelledby': 'slips-title' }, h('h2', { id: 'slips-title' }, t({ vi: 'Nhập phiếu đánh giá giấy', en: 'Key in paper rating slips' })), form));
}
