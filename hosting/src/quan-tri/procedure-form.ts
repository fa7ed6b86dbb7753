// A new version of a procedure, written from the version in force (or empty for a new procedure):
// name, field, levels and competent agency, rule set and start date, legal time and unit, online level,
// everyday names to search by, documents (with their blank forms), fees, steps, and the sectoral exceptions (supplement window and expiry with their legal
// basis, reception exceptions, what a stop returns). The version in force is never edited.
import { ONLINE_LEVEL_LABELS, ONLINE_LEVELS, PROCEDURE_FIELDS, type ProcedureVersionBody } from '../../../functions/src/contract/index.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import type { AdminAgency } from './api.js';
import { checkbox, checked, dateInput, field, numberInput, select, summary, textArea, textInput, valueOf } from './form-kit.js';
import { todayInVietnam } from './merge-form.js';
import { componentRows, feeRows, readComponents, readFees, readSteps, stepRows, unitSelect } from './procedure-rows.js';

export type VersionFields = Omit<ProcedureVersionBody, 'requestId' | 'basedOnVersion'>;

const RULE_SETS = [
  { value: 'nd118-2025', label: { vi: 'Nghị định 118/2025/NĐ-CP', en: 'Decree 118/2025' } },
  { value: 'nd61-2018', label: { vi: 'Nghị định 61/2018/NĐ-CP (trước 01/07/2025)', en: 'Decree 61/2018 (before 01/07/2025)' } },
] as const;
const EXCEPTIONS = [
  { value: 'mobile', label: { vi: 'Lưu động', en: 'Mobile' } },
  { value: 'onSite', label: { vi: 'Cần kiểm tra tại chỗ', en: 'Needs an on-site check' } },
  { value: 'onlineOnly', label: { vi: 'Chỉ nộp trực tuyến', en: 'Online only' } },
] as const;

function period(label: { vi: string; en: string }, path: string, value: { value: number | null; legalBasis: string } | undefined): HTMLElement {
  return h(
    'fieldset',
    {},
    h('legend', {}, t(label)),
    field({ vi: 'Số ngày (để trống: theo quy định chung)', en: 'Days (empty: the general rule)' }, numberInput(value?.value ?? '', { min: 1, max: 365 }), `${path}.value`),
    field({ vi: 'Căn cứ pháp lý chuyên ngành', en: 'Sectoral legal basis' }, textInput(value?.legalBasis ?? ''), `${path}.legalBasis`),
  );
}

function readPeriod(form: HTMLElement, path: string): { value: number; legalBasis: string } | undefined {
  const value = valueOf(form, `${path}.value`);
  const legalBasis = valueOf(form, `${path}.legalBasis`);
  if (value === '' && legalBasis === '') return undefined;
  return { value: value === '' ? Number.NaN : Number(value), legalBasis };
}

export function procedureForm(code: string, base: VersionFields | undefined, agencies: readonly AdminAgency[], onSubmit: (fields: VersionFields) => void): HTMLFormElement {
  const active = agencies.filter((a) => a.effectiveTo === undefined);
  const levels = base?.competentLevels ?? ['province'];
  const form = h(
    'form',
    { class: 'procedure-form', novalidate: true, 'aria-labelledby': 'procedure-form-title' },
    h('h3', { id: 'procedure-form-title' }, t(base ? { vi: `Phiên bản mới của thủ tục ${code}`, en: `New version of procedure ${code}` } : { vi: `Thủ tục mới ${code}`, en: `New procedure ${code}` })),
    summary(),
    field({ vi: 'Tên thủ tục (tiếng Việt)', en: 'Name (Vietnamese)' }, textInput(base?.name.vi ?? ''), 'name.vi'),
    field({ vi: 'Tên thủ tục (tiếng Anh)', en: 'Name (English)' }, textInput(base?.name.en ?? '', { lang: 'en' }), 'name.en'),
    field(
      { vi: 'Tên gọi thông dụng để tìm kiếm (mỗi dòng một tên)', en: 'Everyday names to search by (one a line)' },
      textArea((base?.searchTerms ?? []).join('\n'), { rows: 3 }),
      'searchTerms',
      { vi: 'Tên người dân hay gõ, ví dụ “sổ đỏ”, “cấp lại sổ”: cổng tìm kiếm xếp thủ tục lên đầu khi gõ đúng tên này, có dấu hay không dấu.', en: 'What people type, e.g. “sổ đỏ”: the portal lists the procedure first for these, with or without marks.' },
    ),
    field({ vi: 'Lĩnh vực', en: 'Field' }, select(Object.entries(PROCEDURE_FIELDS).map(([value, label]) => ({ value, label: t(label) })), base?.field), 'field'),
    h(
      'fieldset',
      { 'data-path': 'competentLevels', tabindex: '-1' },
      h('legend', {}, t({ vi: 'Cấp thực hiện', en: 'Levels that handle it' })),
      h('p', { class: 'field-error', 'data-error-for': 'competentLevels', hidden: true }),
      checkbox({ vi: 'Cấp tỉnh', en: 'Province' }, levels.includes('province'), 'competentLevels.province'),
      checkbox({ vi: 'Cấp xã', en: 'Commune' }, levels.includes('commune'), 'competentLevels.commune'),
    ),
    field({ vi: 'Cơ quan có thẩm quyền giải quyết (nếu là một cơ quan)', en: 'Competent agency (when it is one agency)' }, select([{ value: '', label: '—' }, ...active.map((a) => ({ value: a.id, label: `${t(a.name)} (${a.id})` }))], base?.competentAgencyId ?? ''), 'competentAgencyId'),
    field({ vi: 'Bộ quy định', en: 'Rule set' }, select(RULE_SETS.map((r) => ({ value: r.value, label: t(r.label) })), base?.ruleSet ?? 'nd118-2025'), 'ruleSet'),
    field({ vi: 'Áp dụng từ ngày', en: 'In force from' }, dateInput(todayInVietnam()), 'effectiveFrom', { vi: 'Hôm nay hoặc trước đó: tạo phiên bản mới vào ngày nó có hiệu lực.', en: 'Today or earlier: create a version on the day it takes effect.' }),
    h(
      'div',
      { class: 'row-fields' },
      field({ vi: 'Thời hạn giải quyết', en: 'Legal time' }, numberInput(base?.legalDuration.value ?? '', { min: 0.5, step: 0.5 }), 'legalDuration.value'),
      field({ vi: 'Đơn vị', en: 'Unit' }, unitSelect(base?.legalDuration.unit), 'legalDuration.unit'),
    ),
    field({ vi: 'Mức độ trực tuyến', en: 'Online level' }, select(ONLINE_LEVELS.map((l) => ({ value: l, label: t(ONLINE_LEVEL_LABELS[l]) })), base?.onlineLevel), 'onlineLevel'),
    componentRows(base?.components ?? []),
    feeRows(base?.fees ?? []),
    stepRows(base?.steps ?? [], agencies),
    field({ vi: 'Khi bổ sung hồ sơ sau thẩm định', en: 'When a supplement arrives after appraisal' }, select([{ value: 'restart', label: t({ vi: 'Tính lại từ đầu', en: 'The clock restarts' }) }, { value: 'pause', label: t({ vi: 'Tạm dừng rồi tính tiếp', en: 'The clock pauses, then resumes' }) }], base?.supplementClockPolicy ?? 'restart'), 'supplementClockPolicy'),
    h(
      'fieldset',
      {},
      h('legend', {}, t({ vi: 'Ngoại lệ tiếp nhận (Điều 14 Nghị định 118/2025)', en: 'Reception exceptions (Decree 118/2025 Art. 14)' })),
      ...EXCEPTIONS.map((e) => checkbox(e.label, (base?.receptionExceptions ?? []).includes(e.value), `receptionExceptions.${e.value}`)),
    ),
    period({ vi: 'Thời hạn yêu cầu bổ sung sau tiếp nhận (ngày làm việc)', en: 'Window to ask for a supplement after reception (working days)' }, 'supplementRequestWindow', base?.supplementRequestWindow),
    period({ vi: 'Thời hạn bổ sung trước khi đóng hồ sơ (ngày)', en: 'Time to supplement before the dossier closes (days)' }, 'supplementExpiry', base?.supplementExpiry),
    h(
      'fieldset',
      {},
      h('legend', {}, t({ vi: 'Khi dừng giải quyết theo đề nghị', en: 'When processing stops at the applicant’s request' })),
      checkbox({ vi: 'Trả lại hồ sơ giấy', en: 'Paper documents returned' }, base?.stopPolicy?.papersReturned ?? true, 'stopPolicy.papersReturned'),
      checkbox({ vi: 'Hoàn trả phí, lệ phí', en: 'Fees refunded' }, base?.stopPolicy?.feesRefunded ?? false, 'stopPolicy.feesRefunded'),
    ),
    field({ vi: 'Căn cứ pháp lý (mỗi dòng một văn bản)', en: 'Legal basis (one document a line)' }, textArea((base?.legalBasis ?? []).join('\n'), { rows: 4 }), 'legalBasis'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t({ vi: 'Tạo phiên bản', en: 'Create the version' }))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const competentAgencyId = valueOf(form, 'competentAgencyId');
    const requestWindow = readPeriod(form, 'supplementRequestWindow');
    const expiry = readPeriod(form, 'supplementExpiry');
    const legalValue = valueOf(form, 'legalDuration.value');
    onSubmit({
      name: { vi: valueOf(form, 'name.vi'), en: valueOf(form, 'name.en') },
      field: valueOf(form, 'field') as VersionFields['field'],
      competentLevels: (['province', 'commune'] as const).filter((l) => checked(form, `competentLevels.${l}`)),
      ...(competentAgencyId ? { competentAgencyId } : {}),
      ruleSet: valueOf(form, 'ruleSet') as VersionFields['ruleSet'],
      effectiveFrom: valueOf(form, 'effectiveFrom'),
      legalDuration: { value: legalValue === '' ? Number.NaN : Number(legalValue), unit: valueOf(form, 'legalDuration.unit') as VersionFields['legalDuration']['unit'] },
      onlineLevel: valueOf(form, 'onlineLevel') as VersionFields['onlineLevel'],
      components: readComponents(form),
      fees: readFees(form),
      steps: readSteps(form),
      supplementClockPolicy: valueOf(form, 'supplementClockPolicy') as 'restart' | 'pause',
      receptionExceptions: EXCEPTIONS.filter((e) => checked(form, `receptionExceptions.${e.value}`)).map((e) => e.value),
      ...(requestWindow ? { supplementRequestWindow: requestWindow } : {}),
      ...(expiry ? { supplementExpiry: expiry } : {}),
      stopPolicy: { papersReturned: checked(form, 'stopPolicy.papersReturned'), feesRefunded: checked(form, 'stopPolicy.feesRefunded'), ...(base?.stopPolicy?.legalBasis ? { legalBasis: base.stopPolicy.legalBasis } : {}) },
      legalBasis: valueOf(form, 'legalBasis').split('\n').map((l) => l.trim()).filter(Boolean),
      searchTerms: valueOf(form, 'searchTerms').split(/[\n;]/).map((l) => l.trim()).filter(Boolean),
    });
  });
  return form;
}
