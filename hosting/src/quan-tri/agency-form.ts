// The form of one agency: identifier (new agencies only: it is the national identifier and the head of
// every dossier code the agency issues, so it never changes), names, place in the hierarchy, contact,
// working hours and the staff list published at the desk. Reads back exactly the contract's AgencyFields.
import { AGENCY_KIND_LABELS, AGENCY_KIND_LEVELS, AGENCY_KINDS, AGENCY_LEVEL_LABELS, type AgencyKindName } from '../../../functions/src/contract/index.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import type { AdminAgency, AgencyFields } from './api.js';
import { checkbox, checked, dateInput, field, rowList, rowsOf, select, summary, textInput, valueOf } from './form-kit.js';

const LEVELS = ['province', 'commune'] as const;
const DEFAULT_PERIODS = [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }];

const keyed = <T extends HTMLInputElement | HTMLSelectElement>(el: T, key: string): T => {
  el.dataset.key = key;
  return el;
};
const inRow = (row: HTMLElement, key: string): string => row.querySelector<HTMLInputElement>(`[data-key="${key}"]`)?.value.trim() ?? '';

export function agencyForm(agency: AdminAgency | undefined, all: readonly AdminAgency[], onSubmit: (id: string, fields: AgencyFields) => void): HTMLFormElement {
  const active = all.filter((a) => a.effectiveTo === undefined && a.id !== agency?.id);
  const kind = agency?.kind ?? 'communeCentre';
  const form = h(
    'form',
    { class: 'agency-form', novalidate: true, 'aria-labelledby': 'agency-form-title' },
    h('h3', { id: 'agency-form-title' }, t(agency ? { vi: `Sửa ${agency.name.vi}`, en: `Edit ${agency.name.en}` } : { vi: 'Thêm cơ quan', en: 'Add an agency' })),
    summary(),
    field({ vi: 'Mã định danh điện tử', en: 'Electronic identifier' }, textInput(agency?.id ?? '', { required: true, readonly: agency ? true : undefined, placeholder: '000.00.00.H99', autocomplete: 'off' }), 'agencyId', {
      vi: 'Theo Thông tư 10/2016/TT-BTTTT, ví dụ 000.21.02.H99; không đổi được sau khi tạo.',
      en: 'Per Circular 10/2016, e.g. 000.21.02.H99; it cannot change once created.',
    }),
    field({ vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' }, textInput(agency?.name.vi ?? '', { required: true }), 'name.vi'),
    field({ vi: 'Tên (tiếng Anh)', en: 'Name (English)' }, textInput(agency?.name.en ?? '', { required: true, lang: 'en' }), 'name.en'),
    field({ vi: 'Cấp', en: 'Level' }, select(LEVELS.map((l) => ({ value: l, label: t(AGENCY_LEVEL_LABELS[l]) })), agency?.level ?? 'commune'), 'level'),
    field(
      { vi: 'Loại cơ quan', en: 'Kind' },
      select(AGENCY_KINDS.map((k) => ({ value: k, label: `${t(AGENCY_KIND_LABELS[k])} (${AGENCY_KIND_LEVELS[k].map((l) => t(AGENCY_LEVEL_LABELS[l])).join(', ')})` })), kind),
      'kind',
    ),
    field(
      { vi: 'Cơ quan cấp trên', en: 'Parent agency' },
      select([{ value: '', label: t({ vi: '— Không có —', en: '— None —' }) }, ...active.map((a) => ({ value: a.id, label: `${t(a.name)} (${a.id})` }))], agency?.parentId ?? ''),
      'parentId',
    ),
    field({ vi: 'Hoạt động từ ngày', en: 'In operation from' }, dateInput(agency?.effectiveFrom ?? ''), 'effectiveFrom'),
    checkbox({ vi: 'Có Bộ phận Một cửa (tiếp nhận, trả kết quả)', en: 'Hosts a one-stop desk (receives, returns results)' }, agency?.hasOneStopDesk ?? true, 'hasOneStopDesk'),
    field({ vi: 'Địa chỉ', en: 'Address' }, textInput(agency?.address ?? '', { autocomplete: 'street-address' }), 'address'),
    field({ vi: 'Điện thoại', en: 'Phone' }, textInput(agency?.phone ?? '', { type: 'tel', autocomplete: 'tel' }), 'phone'),
    field({ vi: 'Thư điện tử', en: 'Email' }, textInput(agency?.email ?? '', { type: 'email', autocomplete: 'email' }), 'email'),
    rowList(
      { vi: 'Giờ làm việc (các ca trong ngày)', en: 'Working hours (periods of the day)' },
      agency?.workingHours.periods.length ? agency.workingHours.periods : DEFAULT_PERIODS,
      (p, i) =>
        h(
          'div',
          { class: 'row-fields' },
          field({ vi: 'Từ', en: 'From' }, keyed(textInput(p?.start ?? '', { type: 'time' }), 'start'), `workingHours.periods.${i}.start`),
          field({ vi: 'Đến', en: 'To' }, keyed(textInput(p?.end ?? '', { type: 'time' }), 'end'), `workingHours.periods.${i}.end`),
        ),
      { vi: 'Thêm ca', en: 'Add a period' },
      'workingHours.periods',
    ),
    rowList(
      { vi: 'Danh sách công chức công khai tại Bộ phận Một cửa', en: 'Staff list published at the desk' },
      agency?.officers ?? [],
      (o, i) =>
        h(
          'div',
          { class: 'row-fields' },
          field({ vi: 'Họ và tên', en: 'Full name' }, keyed(textInput(o?.fullName ?? ''), 'fullName'), `officers.${i}.fullName`),
          field({ vi: 'Chức danh', en: 'Title' }, keyed(textInput(o?.title ?? ''), 'title'), `officers.${i}.title`),
          field({ vi: 'Lĩnh vực', en: 'Field' }, keyed(textInput(o?.field ?? ''), 'field'), `officers.${i}.field`),
          field({ vi: 'Điện thoại công vụ', en: 'Work phone' }, keyed(textInput(o?.phone ?? '', { type: 'tel' }), 'phone'), `officers.${i}.phone`),
        ),
      { vi: 'Thêm công chức', en: 'Add a person' },
      'officers',
    ),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Lưu cơ quan', en: 'Save the agency' }))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const optional = (path: string) => valueOf(form, path) || undefined;
    const parentId = optional('parentId');
    const address = optional('address');
    const phone = optional('phone');
    const email = optional('email');
    const fields: AgencyFields = {
      name: { vi: valueOf(form, 'name.vi'), en: valueOf(form, 'name.en') },
      level: valueOf(form, 'level') as AgencyFields['level'],
      kind: valueOf(form, 'kind') as AgencyKindName,
      ...(parentId ? { parentId } : {}),
      effectiveFrom: valueOf(form, 'effectiveFrom'),
      hasOneStopDesk: checked(form, 'hasOneStopDesk'),
      ...(address ? { address } : {}),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      workingHours: { periods: rowsOf(form, 'workingHours.periods').map((r) => ({ start: inRow(r, 'start'), end: inRow(r, 'end') })) },
      officers: rowsOf(form, 'officers').map((r) => ({ fullName: inRow(r, 'fullName'), title: inRow(r, 'title'), field: inRow(r, 'field'), phone: inRow(r, 'phone') })),
    };
    onSubmit(valueOf(form, 'agencyId'), fields);
  });
  return form;
}
