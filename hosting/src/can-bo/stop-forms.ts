// Stopping at the applicant's request (Decree 118/2025 Art. 21): the desk records the request of an
// applicant who came in person (`requestStop`), and confirms a pending request (`confirmStop`), saying
// whether the paper documents were handed back and the fees refunded. Both boxes start from the procedure's
// stop policy (pinned with the dossier); the officer states what actually happened. Form 05 follows.
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/i18n.js';
import { simple, text, type BuiltForm, type FormContext } from './action-form-parts.js';
import { uid } from './forms.js';
import { tx } from './labels.js';

/** The default of Procedure.stopPolicy (domain/procedure/procedure.ts), for dossiers pinned without one. */
const DEFAULT_STOP_POLICY = { papersReturned: true, feesRefunded: false };

export function requestStopForm(): BuiltForm {
  const form = simple('requestStop', [
    text('reason', { vi: 'Lý do người nộp đề nghị dừng giải quyết', en: 'The applicant’s reason for stopping' }, {
      required: true,
      long: true,
      hint: { vi: 'Ghi nhận đề nghị của người nộp đến Bộ phận Một cửa. Sau đó xác nhận dừng để cấp thông báo (mẫu 05).', en: 'Records the request of an applicant at the desk. Then confirm the stop to issue the notice (form 05).' },
    }),
  ]);
  return form;
}

function checkbox(path: string, label: Bilingual, checked: boolean): { control: HTMLInputElement; wrap: HTMLElement } {
  const control = h('input', { type: 'checkbox', id: uid(path), name: path, 'data-path': path, checked });
  const errorId = `${control.id}-error`;
  control.setAttribute('aria-describedby', errorId);
  return {
    control,
    wrap: h('div', { class: 'field' }, h('label', { class: 'choice', for: control.id }, control, ' ', t(label)), h('p', { class: 'field-error', id: errorId, 'data-error-for': path, hidden: true })),
  };
}

const yes = (v: boolean): string => (v ? tx('có', 'yes') : tx('không', 'no'));

export function confirmStopForm(ctx: FormContext): BuiltForm {
  const d = ctx.dossier;
  const request = d.stopRequest;
  const policy = d.procedure.stopPolicy ?? DEFAULT_STOP_POLICY;
  const papers = checkbox('papersReturned', { vi: 'Đã trả lại hồ sơ giấy cho người nộp', en: 'Paper documents returned to the applicant' }, policy.papersReturned);
  const fees = checkbox('feesRefunded', { vi: 'Đã hoàn trả phí, lệ phí', en: 'Fees refunded' }, policy.feesRefunded);
  const note = text('note', { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' }, { long: true, max: 1000 });
  return {
    fields: h(
      'div',
      {},
      request
        ? h(
            'p',
            { class: 'recap', 'data-testid': 'stop-recap' },
            tx(
              `Người nộp đề nghị dừng lúc ${formatDateTime(request.requestedAt)} (${request.via === 'desk' ? 'tại quầy' : 'trực tuyến'}). Lý do: `,
              `The applicant asked to stop at ${formatDateTime(request.requestedAt)} (${request.via === 'desk' ? 'at the desk' : 'online'}). Reason: `,
            ),
            h('q', {}, request.reason),
          )
        : null,
      h(
        'fieldset',
        {},
        h('legend', {}, tx('Trả lại cho người nộp', 'Handed back to the applicant')),
        h(
          'p',
          { class: 'hint', 'data-testid': 'stop-policy' },
          tx(
            `Theo quy định của thủ tục: trả hồ sơ giấy: ${policy.papersReturned ? 'có' : 'không'}; hoàn phí, lệ phí: ${policy.feesRefunded ? 'có' : 'không'}.`,
            `As the procedure provides: papers returned: ${policy.papersReturned ? 'yes' : 'no'}; fees refunded: ${policy.feesRefunded ? 'yes' : 'no'}.`,
          ),
          'legalBasis' in policy && policy.legalBasis ? ` (${policy.legalBasis})` : '',
        ),
        papers.wrap,
        fees.wrap,
      ),
      note.wrap,
    ),
    read: () => {
      const action: Record<string, unknown> = { type: 'confirmStop', papersReturned: papers.control.checked, feesRefunded: fees.control.checked };
      const v = note.control.value.trim();
      if (v) action.note = v;
      return { action };
    },
    describe: (action) => [
      tx('Dừng giải quyết hồ sơ và cấp Thông báo dừng giải quyết hồ sơ (mẫu 05)', 'Stop processing and issue the notice of stopped processing (form 05)'),
      `${tx('Đã trả hồ sơ giấy', 'Papers returned')}: ${yes(action.papersReturned === true)}`,
      `${tx('Đã hoàn phí, lệ phí', 'Fees refunded')}: ${yes(action.feesRefunded === true)}`,
      ...(action.note ? [`${tx('Ghi chú', 'Note')}: ${String(action.note)}`] : []),
    ],
  };
}
