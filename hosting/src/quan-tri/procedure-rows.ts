// The repeated parts of a procedure version: required documents with their counts, fees, and the steps
// of the internal process with their performers and time budgets. Each row's controls carry their API
// path (for errors) and a key (for reading back).
import { STEP_ROLE_LABELS, STEP_ROLES, type Json, type Procedure } from '../../../functions/src/contract/index.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import type { AdminAgency } from './api.js';
import { field, numberInput, rowList, rowsOf, select, textInput } from './form-kit.js';

type ProcedureFields = Json<Procedure>;
export type Component = ProcedureFields['components'][number];
export type Fee = ProcedureFields['fees'][number];
export type Step = ProcedureFields['steps'][number];

export const UNITS = [
  { value: 'workingDays', label: { vi: 'ngày làm việc', en: 'working days' } },
  { value: 'calendarDays', label: { vi: 'ngày (theo lịch)', en: 'calendar days' } },
  { value: 'workingHours', label: { vi: 'giờ làm việc', en: 'working hours' } },
] as const;
export const unitSelect = (value?: string) => select(UNITS.map((u) => ({ value: u.value, label: t(u.label) })), value ?? 'workingDays');

const keyed = <T extends HTMLElement>(el: T, key: string): T => {
  el.dataset.key = key;
  return el;
};
const read = (row: HTMLElement, key: string) => row.querySelector<HTMLInputElement>(`[data-key="${key}"]`);
const text = (row: HTMLElement, key: string) => read(row, key)?.value.trim() ?? '';
const num = (row: HTMLElement, key: string) => {
  const value = text(row, key);
  return value === '' ? Number.NaN : Number(value);
};

export function componentRows(items: readonly Component[]): HTMLFieldSetElement {
  return rowList(
    { vi: 'Thành phần hồ sơ (số bản)', en: 'Required documents (copies)' },
    items,
    (c, i) =>
      h(
        'div',
        { class: 'row-fields' },
        field({ vi: 'Mã', en: 'Id' }, keyed(textInput(c?.id ?? '', { placeholder: 'don-de-nghi' }), 'id'), `components.${i}.id`),
        field({ vi: 'Tên giấy tờ (tiếng Việt)', en: 'Document (Vietnamese)' }, keyed(textInput(c?.name.vi ?? ''), 'vi'), `components.${i}.name.vi`),
        field({ vi: 'Tên giấy tờ (tiếng Anh)', en: 'Document (English)' }, keyed(textInput(c?.name.en ?? '', { lang: 'en' }), 'en'), `components.${i}.name.en`),
        field({ vi: 'Bản chính', en: 'Originals' }, keyed(numberInput(c?.originals ?? 0, { min: 0, max: 20 }), 'originals'), `components.${i}.originals`),
        field({ vi: 'Bản sao chứng thực', en: 'Certified copies' }, keyed(numberInput(c?.certifiedCopies ?? 0, { min: 0, max: 20 }), 'certifiedCopies'), `components.${i}.certifiedCopies`),
        field({ vi: 'Bản sao', en: 'Copies' }, keyed(numberInput(c?.copies ?? 0, { min: 0, max: 20 }), 'copies'), `components.${i}.copies`),
        field({ vi: 'Bắt buộc', en: 'Mandatory' }, keyed(select([{ value: 'yes', label: t({ vi: 'Có', en: 'Yes' }) }, { value: 'no', label: t({ vi: 'Không', en: 'No' }) }], c?.mandatory === false ? 'no' : 'yes'), 'mandatory'), `components.${i}.mandatory`),
        // Sensitive personal data (Law 91/2025): its files go only to the dossier's handlers, each opening logged.
        field({ vi: 'Dữ liệu cá nhân nhạy cảm', en: 'Sensitive personal data' }, keyed(select([{ value: 'no', label: t({ vi: 'Không', en: 'No' }) }, { value: 'yes', label: t({ vi: 'Có', en: 'Yes' }) }], c?.sensitive === true ? 'yes' : 'no'), 'sensitive'), `components.${i}.sensitive`),
        field({ vi: 'Ghi chú (tiếng Việt)', en: 'Note (Vietnamese)' }, keyed(textInput(c?.note?.vi ?? ''), 'noteVi'), `components.${i}.note.vi`),
        field({ vi: 'Ghi chú (tiếng Anh)', en: 'Note (English)' }, keyed(textInput(c?.note?.en ?? '', { lang: 'en' }), 'noteEn'), `components.${i}.note.en`),
        // The blank form the citizen downloads beside this document in the wizard (both empty: none).
        field({ vi: 'Mẫu đơn, tờ khai (số hiệu)', en: 'Blank form (number)' }, keyed(textInput(c?.template?.name ?? '', { placeholder: 'Mẫu số 11/ĐK' }), 'templateName'), `components.${i}.template.name`),
        field({ vi: 'Đường dẫn tải mẫu', en: 'Blank form link' }, keyed(textInput(c?.template?.url ?? '', { placeholder: 'https://…' }), 'templateUrl'), `components.${i}.template.url`),
      ),
    { vi: 'Thêm giấy tờ', en: 'Add a document' },
    'components',
  );
}

export const readComponents = (form: HTMLElement): Component[] =>
  rowsOf(form, 'components').map((r) => ({
    id: text(r, 'id'),
    name: { vi: text(r, 'vi'), en: text(r, 'en') },
    originals: num(r, 'originals'),
    certifiedCopies: num(r, 'certifiedCopies'),
    copies: num(r, 'copies'),
    mandatory: text(r, 'mandatory') === 'yes',
    ...(text(r, 'sensitive') === 'yes' ? { sensitive: true } : {}),
    ...(text(r, 'noteVi') || text(r, 'noteEn') ? { note: { vi: text(r, 'noteVi'), en: text(r, 'noteEn') } } : {}),
    ...(text(r, 'templateName') || text(r, 'templateUrl') ? { template: { name: text(r, 'templateName'), url: text(r, 'templateUrl') } } : {}),
  }));

export function feeRows(items: readonly Fee[]): HTMLFieldSetElement {
  return rowList(
    { vi: 'Phí, lệ phí (không có thì để trống)', en: 'Fees (none: leave empty)' },
    items,
    (f, i) =>
      h(
        'div',
        { class: 'row-fields' },
        field({ vi: 'Số tiền (đồng)', en: 'Amount (VND)' }, keyed(numberInput(f?.amountVnd ?? '', { min: 0, step: 1000 }), 'amount'), `fees.${i}.amountVnd`),
        field({ vi: 'Nội dung (tiếng Việt)', en: 'What for (Vietnamese)' }, keyed(textInput(f?.description.vi ?? ''), 'vi'), `fees.${i}.description.vi`),
        field({ vi: 'Nội dung (tiếng Anh)', en: 'What for (English)' }, keyed(textInput(f?.description.en ?? '', { lang: 'en' }), 'en'), `fees.${i}.description.en`),
      ),
    { vi: 'Thêm khoản phí', en: 'Add a fee' },
    'fees',
  );
}

export const readFees = (form: HTMLElement): Fee[] =>
  rowsOf(form, 'fees').map((r) => ({ amountVnd: num(r, 'amount'), description: { vi: text(r, 'vi'), en: text(r, 'en') } }));

const PERFORMERS = [
  { value: 'receiving', label: { vi: 'Cơ quan tiếp nhận', en: 'The receiving agency' } },
  { value: 'competent', label: { vi: 'Cơ quan có thẩm quyền của cấp', en: 'The competent agency of a level' } },
  { value: 'agency', label: { vi: 'Một cơ quan cụ thể', en: 'A named agency' } },
  { value: 'external', label: { vi: 'Cơ quan ngoài hệ thống', en: 'A body outside the platform' } },
] as const;

export function stepRows(items: readonly Step[], agencies: readonly AdminAgency[]): HTMLFieldSetElement {
  const agencyOptions = agencies.filter((a) => a.effectiveTo === undefined).map((a) => ({ value: a.id, label: `${t(a.name)} (${a.id})` }));
  return rowList(
    { vi: 'Quy trình nội bộ: các bước, người thực hiện, thời gian', en: 'Internal process: steps, who, how long' },
    items,
    (s, i) => {
      const p = s?.performer;
      return h(
        'div',
        { class: 'row-fields' },
        field({ vi: 'Mã bước', en: 'Step id' }, keyed(textInput(s?.id ?? ''), 'id'), `steps.${i}.id`),
        field({ vi: 'Vai trò', en: 'Role' }, keyed(select(STEP_ROLES.map((r) => ({ value: r, label: t(STEP_ROLE_LABELS[r]) })), s?.role ?? 'handling'), 'role'), `steps.${i}.role`),
        field({ vi: 'Người thực hiện', en: 'Performed by' }, keyed(select(PERFORMERS.map((o) => ({ value: o.value, label: t(o.label) })), p?.kind ?? 'receiving'), 'kind'), `steps.${i}.performer`),
        field({ vi: 'Cơ quan (nếu là cơ quan cụ thể)', en: 'Agency (for a named agency)' }, keyed(select([{ value: '', label: '—' }, ...agencyOptions], p?.kind === 'agency' ? p.agencyId : ''), 'agencyId'), `steps.${i}.performer.agencyId`),
        field({ vi: 'Cấp (nếu là cơ quan có thẩm quyền)', en: 'Level (for the competent agency)' }, keyed(select([{ value: 'province', label: t({ vi: 'Cấp tỉnh', en: 'Province' }) }, { value: 'commune', label: t({ vi: 'Cấp xã', en: 'Commune' }) }], p?.kind === 'competent' ? p.level : 'province'), 'level'), `steps.${i}.performer.level`),
        field({ vi: 'Tên cơ quan ngoài hệ thống (tiếng Việt)', en: 'Outside body (Vietnamese)' }, keyed(textInput(p?.kind === 'external' ? p.name.vi : ''), 'extVi'), `steps.${i}.performer.name.vi`),
        field({ vi: 'Tên cơ quan ngoài hệ thống (tiếng Anh)', en: 'Outside body (English)' }, keyed(textInput(p?.kind === 'external' ? p.name.en : '', { lang: 'en' }), 'extEn'), `steps.${i}.performer.name.en`),
        field({ vi: 'Nội dung công việc (tiếng Việt)', en: 'Task (Vietnamese)' }, keyed(textInput(s?.description.vi ?? ''), 'vi'), `steps.${i}.description.vi`),
        field({ vi: 'Nội dung công việc (tiếng Anh)', en: 'Task (English)' }, keyed(textInput(s?.description.en ?? '', { lang: 'en' }), 'en'), `steps.${i}.description.en`),
        field({ vi: 'Thời gian', en: 'Time budget' }, keyed(numberInput(s?.budget.value ?? '', { min: 0.5, step: 0.5 }), 'budget'), `steps.${i}.budget.value`),
        field({ vi: 'Đơn vị', en: 'Unit' }, keyed(unitSelect(s?.budget.unit), 'unit'), `steps.${i}.budget.unit`),
      );
    },
    { vi: 'Thêm bước', en: 'Add a step' },
    'steps',
  );
}

export const readSteps = (form: HTMLElement): Step[] =>
  rowsOf(form, 'steps').map((r) => {
    const kind = text(r, 'kind');
    const performer: Step['performer'] =
      kind === 'agency'
        ? { kind, agencyId: text(r, 'agencyId') }
        : kind === 'competent'
          ? { kind, level: text(r, 'level') as 'province' | 'commune' }
          : kind === 'external'
            ? { kind, name: { vi: text(r, 'extVi'), en: text(r, 'extEn') } }
            : { kind: 'receiving' };
    return {
      id: text(r, 'id'),
      role: text(r, 'role') as Step['role'],
      performer,
      description: { vi: text(r, 'vi'), en: text(r, 'en') },
      budget: { value: num(r, 'budget'), unit: text(r, 'unit') as Step['budget']['unit'] },
    };
  });
