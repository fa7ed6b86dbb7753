// Who applies, and who files (Decree 118 Art. 15): a person, or an organisation (name, tax code checked
// by its check digit, registered office, legal representative); and, when the person filling in the form
// is not the applicant, their own details and the authorisation (giấy ủy quyền) uploaded. Used by the
// applicant step, the check page and the submission; the server checks everything again.
import type { FilerBody, SubmitDossierBody } from '../../../functions/src/contract/index.js';
import { taxCodeProblem } from '../../../functions/src/contract/index.js';
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { clearFieldErrors, showFieldErrors, type FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { ACCEPT_ATTRIBUTE, describeUploadError, FILE_HINT, fileProblems, UploadCancelled } from '../shared/upload.js';
import { uploadWithProgress } from './api.js';
import { communeChoice, communeProblems, readCommune } from './commune-field.js';
import type { FilerDraft, OrganisationDraft, PersonDraft } from './draft-store.js';
import { textInput, valueOf } from './step-form.js';
import { readCurrentStep, render, save, wizard } from './state.js';

export const isOrganisation = (): boolean => wizard.state.applicant?.kind === 'organisation';
const organisation = (): OrganisationDraft => wizard.state.applicant as OrganisationDraft;

/** Person or organisation: switching keeps the contact details typed so far. */
export function kindChooser(): HTMLElement {
  const choose = (kind: 'person' | 'organisation') => {
    readCurrentStep();
    const current = wizard.state.applicant ?? { kind: 'person' };
    if (current.kind === kind) return;
    const { phone, email, address } = current;
    wizard.state.applicant = kind === 'person' ? ({ kind, phone, email, address } satisfies PersonDraft) : ({ kind, phone, email, address } satisfies OrganisationDraft);
    render();
  };
  const option = (kind: 'person' | 'organisation', label: Bilingual) =>
    h('label', { class: 'choice', for: `applicant-kind-${kind}` }, h('input', { type: 'radio', name: 'applicant-kind', id: `applicant-kind-${kind}`, value: kind, checked: (wizard.state.applicant?.kind ?? 'person') === kind, onchange: () => choose(kind) }), h('span', {}, t(label)));
  return h('fieldset', { id: 'applicant-kind' }, h('legend', {}, t({ vi: 'Người yêu cầu giải quyết thủ tục là', en: 'The applicant is' })), option('person', { vi: 'Cá nhân', en: 'A person' }), option('organisation', { vi: 'Tổ chức, doanh nghiệp', en: 'An organisation or business' }));
}

export function organisationFields(): HTMLElement[] {
  const o = organisation();
  return [
    ...textInput('orgName', { vi: 'Tên tổ chức', en: 'Organisation name' }, o.name, { maxlength: 255, autocomplete: 'organization' }),
    ...textInput('taxCode', { vi: 'Mã số thuế / mã số doanh nghiệp', en: 'Tax or enterprise code' }, o.taxCode, { hint: { vi: '10 chữ số, hoặc 13 chữ số dạng 0123456789-001 cho chi nhánh', en: '10 digits, or 13 as 0123456789-001 for a branch' }, inputmode: 'numeric', maxlength: 14 }),
    h(
      'fieldset',
      {},
      h('legend', {}, t({ vi: 'Người đại diện theo pháp luật', en: 'Legal representative' })),
      ...textInput('repName', { vi: 'Họ và tên', en: 'Full name' }, o.representative?.fullName),
      ...textInput('repTitle', { vi: 'Chức vụ', en: 'Title' }, o.representative?.title),
      ...textInput('repId', { vi: 'Số căn cước công dân', en: 'Citizen identity number' }, o.representative?.identity?.number, { inputmode: 'numeric', maxlength: 12 }),
    ),
    ...textInput('phone', { vi: 'Số điện thoại di động liên hệ', en: 'Contact mobile number' }, o.phone, { type: 'tel', autocomplete: 'tel', maxlength: 20 }),
    ...textInput('email', { vi: 'Email (không bắt buộc)', en: 'Email (optional)' }, o.email, { type: 'email', autocomplete: 'email', maxlength: 254 }),
    h(
      'fieldset',
      {},
      h('legend', {}, t({ vi: 'Địa chỉ trụ sở', en: 'Registered office' })),
      ...textInput('addressLine', { vi: 'Số nhà, đường, thôn/tổ', en: 'Street address' }, o.address?.line),
      ...communeChoice(o.address?.communeName),
      ...textInput('provinceName', { vi: 'Tỉnh/thành phố', en: 'Province or city' }, o.address?.provinceName ?? 'Tỉnh Bình An'),
    ),
  ];
}

export function readOrganisation(): void {
  const o = organisation();
  o.name = valueOf('orgName');
  o.taxCode = valueOf('taxCode').replace(/\s/g, '');
  o.representative = { fullName: valueOf('repName'), title: valueOf('repTitle'), identity: { kind: 'citizenId', number: valueOf('repId').replace(/\s/g, '') } };
  o.phone = valueOf('phone');
  o.email = valueOf('email');
  o.address = { line: valueOf('addressLine'), communeName: readCommune(), provinceName: valueOf('provinceName') };
}

const TAX_CODE_TEXT: Record<NonNullable<ReturnType<typeof taxCodeProblem>>, Bilingual> = {
  format: { vi: 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số dạng 0123456789-001', en: 'A tax code is 10 digits, or 13 as 0123456789-001' },
  checksum: { vi: 'Mã số thuế không đúng: chữ số kiểm tra không khớp, hãy xem lại từng chữ số', en: 'Invalid tax code: the check digit does not match; check each digit' },
  sequence: { vi: 'Mã số thuế không đúng: không có mã số thuế nào như vậy', en: 'Invalid tax code: no such tax code is issued' },
  branch: { vi: 'Mã đơn vị phụ thuộc từ 001 đến 999', en: 'The branch suffix is 001 to 999' },
};

export function organisationProblems(): FieldProblem[] {
  const o = organisation();
  const problems: FieldProblem[] = [];
  const need = (inputId: string, value: string | undefined, message: Bilingual) => {
    if (!value?.trim()) problems.push({ inputId, message });
  };
  need('orgName', o.name, { vi: 'Nhập tên tổ chức', en: 'Enter the organisation’s name' });
  const tax = o.taxCode ?? '';
  const taxProblem = tax ? taxCodeProblem(tax) : 'format';
  if (taxProblem) problems.push({ inputId: 'taxCode', message: tax ? TAX_CODE_TEXT[taxProblem] : { vi: 'Nhập mã số thuế', en: 'Enter the tax code' } });
  need('repName', o.representative?.fullName, { vi: 'Nhập họ tên người đại diện', en: 'Enter the representative’s name' });
  need('repTitle', o.representative?.title, { vi: 'Nhập chức vụ người đại diện', en: 'Enter the representative’s title' });
  const repId = o.representative?.identity?.number ?? '';
  if (repId && !/^\d{12}$/.test(repId)) problems.push({ inputId: 'repId', message: { vi: 'Số căn cước công dân gồm đúng 12 chữ số', en: 'The citizen identity number is exactly 12 digits' } });
  if (!/^(\+84|84|0)\d{9}$/.test((o.phone ?? '').replace(/[\s.()-]/g, ''))) problems.push({ inputId: 'phone', message: { vi: 'Số di động gồm 10 chữ số, ví dụ 0912 345 678', en: 'A mobile number has 10 digits, e.g. 0912 345 678' } });
  need('addressLine', o.address?.line, { vi: 'Nhập số nhà, đường, thôn/tổ', en: 'Enter the street address' });
  problems.push(...communeProblems(o.address?.communeName));
  need('provinceName', o.address?.provinceName, { vi: 'Nhập tỉnh/thành phố', en: 'Enter the province or city' });
  return problems;
}

// ---- filing on someone's behalf -----------------------------------------------------------------
export function filerFields(): HTMLElement {
  const f = wizard.state.filer;
  const onBehalf = h('input', { type: 'checkbox', id: 'on-behalf', checked: f !== undefined });
  onBehalf.addEventListener('change', () => {
    readCurrentStep();
    wizard.state.filer = onBehalf.checked ? (wizard.state.filer ?? { relation: 'authorised', authorisation: [] }) : undefined;
    render();
  });
  const parts: (HTMLElement | null)[] = [h('label', { class: 'choice', for: 'on-behalf' }, onBehalf, h('span', {}, t({ vi: 'Tôi nộp thay (được ủy quyền) cho người hoặc tổ chức trên', en: 'I am filing on behalf of the applicant above (authorised)' })))];
  if (f) {
    const fileInput = h('input', { id: 'authorisation-file', type: 'file', accept: ACCEPT_ATTRIBUTE, 'aria-describedby': 'authorisation-file-hint' });
    const progress = h('ul', { class: 'progress-list', 'aria-live': 'polite' });
    fileInput.addEventListener('change', () => void uploadAuthorisation(fileInput, progress));
    parts.push(
      ...textInput('filerName', { vi: 'Họ và tên người nộp thay', en: 'Your full name' }, f.fullName, { autocomplete: 'name' }),
      ...textInput('filerId', { vi: 'Số căn cước công dân của người nộp thay', en: 'Your citizen identity number' }, f.identity?.number, { inputmode: 'numeric', maxlength: 12 }),
      ...textInput('filerPhone', { vi: 'Số điện thoại của người nộp thay', en: 'Your mobile number' }, f.phone, { type: 'tel', maxlength: 20 }),
      h('label', { for: 'authorisation-file' }, t({ vi: 'Giấy ủy quyền (bản chụp hoặc bản quét)', en: 'The authorisation (a photo or scan)' })),
      h('p', { class: 'hint', id: 'authorisation-file-hint' }, t(FILE_HINT)),
      fileInput,
      progress,
      f.authorisation?.length ? h('ul', { class: 'files', id: 'authorisation-files' }, ...f.authorisation.map((u) => h('li', {}, u.fileName))) : null,
    );
  }
  return h('fieldset', { id: 'filer' }, h('legend', {}, t({ vi: 'Nộp thay', en: 'Filing on behalf' })), ...parts.filter((p): p is HTMLElement => p !== null));
}

export function readFiler(): void {
  const f = wizard.state.filer;
  if (!f || !document.getElementById('filerName')) return;
  f.fullName = valueOf('filerName');
  f.identity = { kind: 'citizenId', number: valueOf('filerId').replace(/\s/g, '') };
  f.phone = valueOf('filerPhone');
}

export function filerProblems(): FieldProblem[] {
  const f = wizard.state.filer;
  if (!f) return [];
  const problems: FieldProblem[] = [];
  if (!f.fullName?.trim()) problems.push({ inputId: 'filerName', message: { vi: 'Nhập họ tên người nộp thay', en: 'Enter your full name' } });
  if (!/^\d{12}$/.test(f.identity?.number ?? '')) problems.push({ inputId: 'filerId', message: { vi: 'Số căn cước công dân gồm đúng 12 chữ số', en: 'The citizen identity number is exactly 12 digits' } });
  if (!/^(\+84|84|0)\d{9}$/.test((f.phone ?? '').replace(/[\s.()-]/g, ''))) problems.push({ inputId: 'filerPhone', message: { vi: 'Số di động gồm 10 chữ số, ví dụ 0912 345 678', en: 'A mobile number has 10 digits, e.g. 0912 345 678' } });
  if (!f.authorisation?.length) problems.push({ inputId: 'authorisation-file', message: { vi: 'Tải lên giấy ủy quyền', en: 'Upload the authorisation' } });
  return problems;
}

async function uploadAuthorisation(input: HTMLInputElement, progress: HTMLElement): Promise<void> {
  const files = Array.from(input.files ?? []);
  input.value = '';
  const form = document.getElementById('step-applicant')!;
  const problems = fileProblems(files, input.id);
  if (problems.length) return showFieldErrors(form, problems);
  clearFieldErrors(form);
  readCurrentStep();
  if (!wizard.draftId) await save();
  try {
    const answer = await uploadWithProgress(wizard.user!, files[0]!, wizard.draftId, progress);
    const f = (wizard.state.filer ??= { relation: 'authorised', authorisation: [] });
    f.authorisation = [...(f.authorisation ?? []), { uploadId: answer.uploadId, fileName: answer.fileName, size: answer.size, contentType: answer.contentType }];
    render();
    await save();
  } catch (err) {
    if (!(err instanceof UploadCancelled)) showFieldErrors(form, [{ inputId: input.id, message: describeUploadError(err, files[0]!.name) }]);
  }
}

// ---- the check page and the submission ------------------------------------------------------------
export function representationRows(row: (term: Bilingual, value: string, testId: string) => HTMLElement[]): HTMLElement[] {
  const rows: HTMLElement[] = [];
  if (isOrganisation()) {
    const o = organisation();
    rows.push(
      ...row({ vi: 'Tổ chức', en: 'Organisation' }, o.name ?? '', 'check-org-name'),
      ...row({ vi: 'Mã số thuế', en: 'Tax code' }, o.taxCode ?? '', 'check-tax-code'),
      ...row({ vi: 'Người đại diện', en: 'Representative' }, [o.representative?.fullName, o.representative?.title].filter(Boolean).join(', '), 'check-representative'),
    );
  }
  const f = wizard.state.filer;
  if (f) rows.push(...row({ vi: 'Người nộp thay', en: 'Filed on behalf by' }, `${f.fullName ?? ''} (${f.identity?.number ?? ''}); ${f.authorisation?.map((u) => u.fileName).join(', ') ?? ''}`, 'check-filer'));
  return rows;
}

export function organisationApplicant(): SubmitDossierBody['applicant'] {
  const o = organisation();
  const repId = o.representative?.identity?.number;
  return {
    kind: 'organisation',
    name: o.name ?? '',
    taxCode: o.taxCode ?? '',
    representative: { fullName: o.representative?.fullName ?? '', title: o.representative?.title ?? '', ...(repId ? { identity: { kind: 'citizenId', number: repId } } : {}) },
    phone: o.phone ?? '',
    ...(o.email ? { email: o.email } : {}),
    address: { line: o.address?.line ?? '', communeName: o.address?.communeName ?? '', provinceName: o.address?.provinceName ?? '' },
  };
}

export function filerBody(): { filer?: FilerBody } {
  const f: FilerDraft | undefined = wizard.state.filer;
  if (!f) return {};
  return {
    filer: {
      fullName: f.fullName ?? '',
      identity: { kind: 'citizenId', number: f.identity?.number ?? '' },
      phone: f.phone ?? '',
      relation: f.relation ?? 'authorised',
      authorisationUploadIds: (f.authorisation ?? []).map((u) => u.uploadId),
    },
  };
}

