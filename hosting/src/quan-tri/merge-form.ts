// Merging an agency into its successor (the 2025 reform): the successor, the first day it does the work
// and the decision behind it, then a confirmation saying what will happen. The move of the open
// dossiers may take more than one call for a large agency: the result says what remains, and
// "Continue" carries on.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import type { AdminAgency } from './api.js';
import { dateInput, field, select, summary, textArea, valueOf } from './form-kit.js';

export type MergeRequest = { successorId: string; effectiveOn: string; basis: string };

/** Today in Vietnam, `YYYY-MM-DD` (UTC+7 all year). */
export const todayInVietnam = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export function mergeForm(agency: AdminAgency, all: readonly AdminAgency[], onConfirm: (request: MergeRequest) => void): HTMLFormElement {
  const candidates = all.filter((a) => a.id !== agency.id && a.effectiveTo === undefined);
  const confirm = h('div', { class: 'confirm', hidden: true });
  const form = h(
    'form',
    { class: 'merge-form', novalidate: true, 'aria-labelledby': 'merge-title' },
    h('h3', { id: 'merge-title' }, t({ vi: `Sáp nhập ${agency.name.vi}`, en: `Merge ${agency.name.en}` })),
    h('p', {}, t({
      vi: 'Cơ quan này ngừng hoạt động từ ngày sáp nhập; tên và mã định danh được giữ trong lịch sử hồ sơ. Mọi hồ sơ đang giải quyết được chuyển cho cơ quan kế thừa, mỗi hồ sơ một sự kiện; mã hồ sơ và hạn trả kết quả không đổi. Hãy chuyển cán bộ sang cơ quan kế thừa ở mục Cán bộ.',
      en: 'This agency ceases from the merger day; its name and identifier stay in the dossiers’ history. Every open dossier moves to the successor, one event each; codes and due dates do not change. Move its officers to the successor in the Officers section.',
    })),
    summary(),
    field({ vi: 'Cơ quan kế thừa', en: 'Successor' }, select([{ value: '', label: t({ vi: '— Chọn —', en: '— Choose —' }) }, ...candidates.map((a) => ({ value: a.id, label: `${t(a.name)} (${a.id})` }))]), 'successorId'),
    field({ vi: 'Cơ quan kế thừa thực hiện từ ngày', en: 'The successor takes over on' }, dateInput(todayInVietnam()), 'effectiveOn', {
      vi: 'Hôm nay hoặc trước đó: ghi nhận sáp nhập vào ngày nó có hiệu lực.',
      en: 'Today or earlier: record a merger on the day it takes effect.',
    }),
    field({ vi: 'Văn bản sắp xếp, sáp nhập', en: 'The decision' }, textArea('', { maxlength: 500 }), 'basis', { vi: 'Ví dụ: Nghị quyết số …/NQ-UBTVQH15', en: 'e.g. Resolution No. …/NQ-UBTVQH15' }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Tiếp tục', en: 'Continue' }))),
    confirm,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request: MergeRequest = { successorId: valueOf(form, 'successorId'), effectiveOn: valueOf(form, 'effectiveOn'), basis: valueOf(form, 'basis') };
    const successor = all.find((a) => a.id === request.successorId);
    const go = h('button', { type: 'button', class: 'danger', id: 'confirm-merge', onclick: () => onConfirm(request) }, t({ vi: 'Xác nhận sáp nhập', en: 'Confirm the merger' }));
    confirm.replaceChildren(
      h('p', { role: 'alert' }, t({
        vi: `Sáp nhập ${agency.name.vi} vào ${successor ? successor.name.vi : request.successorId || '—'} từ ngày ${request.effectiveOn}. Không hoàn tác được.`,
        en: `Merge ${agency.name.en} into ${successor ? successor.name.en : request.successorId || '—'} from ${request.effectiveOn}. This cannot be undone.`,
      })),
      go,
    );
    confirm.hidden = false;
    go.focus();
  });
  return form;
}
