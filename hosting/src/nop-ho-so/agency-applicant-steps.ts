// Steps 1 and 2: which one-stop desk receives the dossier (any desk of the province under Decree 118
// Art. 14, with the competent agency named when that desk does not decide the procedure), and who the
// applicant is (a person; the details must match the identity document). Each step renders its form, reads it back into the state
// and checks the obvious before the server checks again.
import type { Bilingual } from '../shared/api.js';
import { provinceForAddress } from '../shared/branding.js';
import { h } from '../shared/dom.js';
import type { FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { afterStep, stepForm, textInput, valueOf } from './step-form.js';
import { communeChoice, communeProblems, readCommune } from './commune-field.js';
import { APPLICANT_CHANNEL_DEFAULTS } from '../../../functions/src/contract/index.js';
import { agencyStepBody } from '../../../functions/src/contract/views/apply-view.js';
import { toDom } from '../shared/view-dom.js';
import { competentNeeded, go, person, readCurrentStep, wizard } from './state.js';
import { noticeDetails } from '../shared/privacy-notice.js';
import { filerFields, filerProblems, isOrganisation, kindChooser, organisationFields, organisationProblems, readFiler, readOrganisation } from './representation.js';

export function agencyStep(): HTMLElement {
  // The body is the contract's tree, the same the server draws for a citizen with a page session.
  const body = agencyStepBody(
    { detail: wizard.detail!, directory: wizard.agencies, receivingAgencyId: wizard.state.receivingAgencyId, competentAgencyId: wizard.state.competentAgencyId, now: new Date() },
    t,
  ).map((node) => toDom(node) as HTMLElement);
  const form = stepForm('agency', body, () => {
    readCurrentStep();
    afterStep('agency', agencyProblems(), 'applicant');
  });
  wireAgencyChoice(form);
  return form;
}

/** Choosing a desk shows or hides the competent agency's choice at once, without redrawing the step. */
function wireAgencyChoice(form: HTMLElement): void {
  const fieldset = form.querySelector<HTMLFieldSetElement>('#agency-choice')!;
  const competent = form.querySelector<HTMLElement>('#competent-block')!;
  fieldset.addEventListener('change', () => {
    const checked = fieldset.querySelector<HTMLInputElement>('input[name="agency"]:checked');
    competent.hidden = !competentNeeded(checked?.value);
  });
}

export function readAgency(): void {
  const checked = document.querySelector<HTMLInputElement>('input[name="agency"]:checked');
  if (checked) wizard.state.receivingAgencyId = checked.value;
  const competent = document.querySelector<HTMLSelectElement>('#competentAgencyId');
  if (competentNeeded() && competent?.value) wizard.state.competentAgencyId = competent.value;
  else if (!competentNeeded()) delete wizard.state.competentAgencyId;
}

/** A desk must be chosen, and the competent agency when that desk does not decide the procedure. */
export function agencyProblems(): FieldProblem[] {
  if (!wizard.state.receivingAgencyId) return [{ inputId: 'agency-0', message: { vi: 'Chọn nơi nộp hồ sơ', en: 'Choose where to submit' } }];
  if (competentNeeded() && !wizard.state.competentAgencyId) {
    return [{ inputId: 'competentAgencyId', message: { vi: 'Chọn cơ quan có thẩm quyền giải quyết hồ sơ', en: 'Choose the agency that will decide your dossier' } }];
  }
  return [];
}

/**
 * What the number is for, agreeing with the channels sent by default (APPLICANT_CHANNEL_DEFAULTS): SMS is
 * opt-in, so the hint does not promise text messages; it says where to turn them on.
 */
const PHONE_HINT: Bilingual = APPLICANT_CHANNEL_DEFAULTS.sms
  ? { vi: 'Bạn nhận tin nhắn SMS khi hồ sơ thay đổi. Ví dụ 0912 345 678', en: 'You get a text message when your dossier changes. E.g. 0912 345 678' }
  : {
      vi: 'Để cơ quan liên hệ khi cần, ví dụ 0912 345 678. Thông báo về hồ sơ đến trang Hồ sơ của tôi và email; muốn nhận thêm tin nhắn SMS, bật trong mục “Nhận thông báo qua” ở Hồ sơ của tôi.',
      en: 'So the agency can reach you, e.g. 0912 345 678. News about your dossier comes to My dossiers and by email; to get text messages too, turn on SMS under “Notify me by” in My dossiers.',
    };

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
      ...textInput('phone', { vi: 'Số điện thoại di động', en: 'Mobile number' }, a.phone, { type: 'tel', autocomplete: 'tel', hint: PHONE_HINT, maxlength: 20 }),
      ...textInput('email', { vi: 'Email (không bắt buộc)', en: 'Email (optional)' }, a.email, { type: 'email', autocomplete: 'email', maxlength: 254 }),
      h(
        'fieldset',
        {},
        h('legend', {}, t({ vi: 'Nơi cư trú', en: 'Address' })),
        ...textInput('addressLine', { vi: 'Số nhà, đường, thôn/tổ', en: 'Street address' }, a.address?.line, { autocomplete: 'address-line1' }),
        ...communeChoice(a.address?.communeName),
        ...textInput('provinceName', { vi: 'Tỉnh/thành phố', en: 'Province or city' }, a.address?.provinceName ?? provinceForAddress()),
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
  a.address = { line: valueOf('addressLine'), communeName: readCommune(), provinceName: valueOf('provinceName') };
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
  problems.push(...communeProblems(a.address?.communeName));
  need('provinceName', a.address?.provinceName, { vi: 'Nhập tỉnh/thành phố', en: 'Enter your province or city' });
  return [...problems, ...filerProblems()];
}
