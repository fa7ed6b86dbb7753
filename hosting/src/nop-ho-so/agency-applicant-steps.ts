// Steps 1 and 2: which one-stop desk receives the dossier, and who the applicant is (a person; the
// details must match the identity document). Each step renders its form, reads it back into the state
// and checks the obvious before the server checks again.
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import type { FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { afterStep, stepForm, textInput, valueOf } from './step-form.js';
import { go, person, readCurrentStep, wizard } from './state.js';
import { noticeDetails } from '../shared/privacy-notice.js';
import { filerFields, filerProblems, isOrganisation, kindChooser, organisationFields, organisationProblems, readFiler, readOrganisation } from './representation.js';

export function agencyStep(): HTMLElement {
  const agencies = wizard.detail!.receivingAgencies;
  const fieldset = h(
    'fieldset',
    {},
    h('legend', {}, t({ vi: 'Chọn nơi tiếp nhận hồ sơ', en: 'Choose the office that receives your dossier' })),
    ...agencies.map((a, i) =>
      h(
        'label',
        { class: 'choice', for: `agency-${i}` },
        h('input', { type: 'radio', name: 'agency', id: `agency-${i}`, value: a.id, checked: wizard.state.receivingAgencyId === a.id }),
        h('span', {}, t(a.name), a.address ? h('small', {}, a.address) : null),
      ),
    ),
  );
  return stepForm('agency', [fieldset], () => {
    readCurrentStep();
    afterStep('agency', wizard.state.receivingAgencyId ? [] : [{ inputId: 'agency-0', message: { vi: 'Chọn nơi nộp hồ sơ', en: 'Choose where to submit' } }], 'applicant');
  });
}

export function readAgency(): void {
  const checked = document.querySelector<HTMLInputElement>('input[name="agency"]:checked');
  if (checked) wizard.state.receivingAgencyId = checked.value;
}

export function applicantStep(): HTMLElement {
  // An organisation applicant, filing on someone's behalf and the privacy notice: representation.ts.
  if (isOrganisation()) {
    return stepForm('applicant', [kindChooser(), ...organisationFields(), filerFields(), noticeDetails()], () => {
      readCurrentStep();
      afterStep('applicant', applicantProblems(), 'documents');
    }, () => go('agency'));
  }
  const a = person();
  return stepForm(
    'applicant',
    [
      kindChooser(),
      h('p', {}, t({ vi: 'Người nộp hồ sơ là cá nhân. Thông tin phải khớp với giấy tờ tùy thân.', en: 'The applicant is a person. The details must match your identity document.' })),
      ...textInput('fullName', { vi: 'Họ và tên', en: 'Full name' }, a.fullName, { autocomplete: 'name' }),
      ...textInput('idNumber', { vi: 'Số căn cước công dân', en: 'Citizen identity number (CCCD)' }, a.identity?.number, { hint: { vi: '12 chữ số, in trên thẻ căn cước', en: '12 digits, printed on your identity card' }, inputmode: 'numeric', maxlength: 20 }),
      ...textInput('phone', { vi: 'Số điện thoại di động', en: 'Mobile number' }, a.phone, { type: 'tel', autocomplete: 'tel', hint: { vi: 'Để nhận tin nhắn về hồ sơ, ví dụ 0912 345 678', en: 'For messages about your dossier, e.g. 0912 345 678' }, maxlength: 20 }),
      ...textInput('email', { vi: 'Email (không bắt buộc)', en: 'Email (optional)' }, a.email, { type: 'email', autocomplete: 'email', maxlength: 254 }),
      h(
        'fieldset',
        {},
        h('legend', {}, t({ vi: 'Nơi cư trú', en: 'Address' })),
        ...textInput('addressLine', { vi: 'Số nhà, đường, thôn/tổ', en: 'Street address' }, a.address?.line, { autocomplete: 'address-line1' }),
        ...textInput('communeName', { vi: 'Xã/phường', en: 'Commune or ward' }, a.address?.communeName),
        ...textInput('provinceName', { vi: 'Tỉnh/thành phố', en: 'Province or city' }, a.address?.provinceName ?? 'Tỉnh Bình An'),
      ),
      filerFields(),
      noticeDetails(),
    ],
    () => {
      readCurrentStep();
      afterStep('applicant', applicantProblems(), 'documents');
    },
    () => go('agency'),
  );
}

export function readApplicant(): void {
  readFiler();
  if (isOrganisation()) return readOrganisation();
  const a = person();
  a.fullName = valueOf('fullName');
  a.identity = { kind: 'citizenId', number: valueOf('idNumber').replace(/\s/g, '') };
  a.phone = valueOf('phone');
  a.email = valueOf('email');
  a.address = { line: valueOf('addressLine'), communeName: valueOf('communeName'), provinceName: valueOf('provinceName') };
}

/** The obvious mistakes in the applicant's details (the server checks again). */
export function applicantProblems(): FieldProblem[] {
  if (isOrganisation()) return [...organisationProblems(), ...filerProblems()];
  const a = person();
  const problems: FieldProblem[] = [];
  const need = (inputId: string, value: string | undefined, message: Bilingual) => {
    if (!value?.trim()) problems.push({ inputId, message });
  };
  need('fullName', a.fullName, { vi: 'Nhập họ và tên', en: 'Enter your full name' });
  const id = a.identity?.number?.replace(/\s/g, '') ?? '';
  if (!id) problems.push({ inputId: 'idNumber', message: { vi: 'Nhập số căn cước công dân', en: 'Enter your citizen identity number' } });
  else if (!/^\d{12}$/.test(id)) problems.push({ inputId: 'idNumber', message: { vi: 'Số căn cước công dân gồm đúng 12 chữ số', en: 'The citizen identity number is exactly 12 digits' } });
  const phone = (a.phone ?? '').replace(/[\s.()-]/g, '');
  if (!phone) problems.push({ inputId: 'phone', message: { vi: 'Nhập số điện thoại di động', en: 'Enter your mobile number' } });
  else if (!/^(\+84|84|0)\d{9}$/.test(phone)) problems.push({ inputId: 'phone', message: { vi: 'Số di động gồm 10 chữ số, ví dụ 0912 345 678', en: 'A mobile number has 10 digits, e.g. 0912 345 678' } });
  if (a.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) problems.push({ inputId: 'email', message: { vi: 'Địa chỉ email không hợp lệ', en: 'Enter a valid email address' } });
  need('addressLine', a.address?.line, { vi: 'Nhập số nhà, đường, thôn/tổ', en: 'Enter your street address' });
  need('communeName', a.address?.communeName, { vi: 'Nhập xã/phường', en: 'Enter your commune or ward' });
  need('provinceName', a.address?.provinceName, { vi: 'Nhập tỉnh/thành phố', en: 'Enter your province or city' });
  return [...problems, ...filerProblems()];
}
