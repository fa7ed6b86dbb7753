// Apply online (/nop-ho-so/<code>): sign in, then one question per page — receiving agency, applicant,
// documents (counts and files), result delivery — a check-your-answers page with "change" links, and the
// submission. Every step change saves the draft (Firestore `drafts/{id}`), so the citizen can come back
// later, on this or another device, and resume.
import '../shared/style.css';
import '../shared/forms.css';
import './page.css';
import type { User } from 'firebase/auth';
import type { Procedure } from '../../../functions/src/domain/procedure/procedure.js';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { withCitizen, signOutCitizen } from '../shared/citizen-session.js';
import { byId, formatDateTime, h, newRequestId } from '../shared/dom.js';
import { clearFieldErrors, showFieldErrors, type FieldProblem } from '../shared/form-errors.js';
import { mountLangSwitch, onLangChange, t } from '../shared/i18n.js';
import { callApiAs, jsonPost } from '../shared/session.js';
import { ACCEPT_ATTRIBUTE, fileProblem, uploadFile } from '../shared/upload.js';
import { callApi } from '../shared/api.js';
import { deleteDraft, findDraft, saveDraft, type ComponentDraft, type DraftContent, type PersonDraft, type StoredDraft } from './draft-store.js';

type AgencyPublic = {
  id: string;
  name: Bilingual;
  address?: string;
  phone?: string;
  workingHours?: { periods: { start: string; end: string }[] };
};
type Detail = { procedure: Procedure; summary: { durationText: Bilingual }; receivingAgencies: AgencyPublic[] };
type Step = 'agency' | 'applicant' | 'documents' | 'delivery' | 'check';
type SubmittedDossier = { id: string; code: string; dueAt?: string; dueExplanation?: Bilingual };

const STEPS: Step[] = ['agency', 'applicant', 'documents', 'delivery', 'check'];
const STEP_TITLES: Record<Step, Bilingual> = {
  agency: { vi: 'Nơi nộp hồ sơ', en: 'Where to submit' },
  applicant: { vi: 'Thông tin người nộp', en: 'About you' },
  documents: { vi: 'Giấy tờ trong hồ sơ', en: 'Your documents' },
  delivery: { vi: 'Nhận kết quả', en: 'Receiving the result' },
  check: { vi: 'Kiểm tra thông tin trước khi nộp', en: 'Check your answers before submitting' },
};
const DELIVERY: Record<'desk' | 'post' | 'online', { label: Bilingual; hint: Bilingual }> = {
  desk: { label: { vi: 'Nhận trực tiếp tại Bộ phận Một cửa', en: 'Collect it at the one-stop desk' }, hint: { vi: 'Mang theo giấy tờ tùy thân khi đến nhận.', en: 'Bring your identity document.' } },
  post: { label: { vi: 'Nhận qua dịch vụ bưu chính', en: 'By post' }, hint: { vi: 'Gửi đến địa chỉ bạn đã khai; có thể mất cước.', en: 'Sent to the address you gave; postage may apply.' } },
  online: { label: { vi: 'Nhận bản điện tử trực tuyến', en: 'Online, as an electronic copy' }, hint: { vi: 'Tải về tại mục Hồ sơ của tôi.', en: 'Download it from My dossiers.' } },
};

/** Server field paths (docs/API.md) → the step and input that show them. */
const APPLICANT_INPUTS: Record<string, string> = {
  'applicant.fullName': 'fullName',
  'applicant.identity': 'idNumber',
  'applicant.identity.number': 'idNumber',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'applicant.address.line': 'addressLine',
  'applicant.address.communeName': 'communeName',
  'applicant.address.provinceName': 'provinceName',
};

const app = byId('app');
const code = decodeURIComponent(location.pathname.replace(/^\/nop-ho-so\/?/, '').replace(/\/$/, ''));
mountLangSwitch();

let user: User | undefined;
let detail: Detail | undefined;
let state: DraftContent = {};
let draftId: string | undefined;
let savedAt: Date | undefined;
let step: Step | 'resume' | 'done' | 'loading' = 'loading';
let returnToCheck = false;
let pending: { step: Step; problems: FieldProblem[]; title?: Bilingual } | undefined;
let fallbackRequestId: string | undefined;
let submitted: SubmittedDossier | undefined;
let stored: StoredDraft | undefined;
let loadFailure: Bilingual | undefined;

const person = (): PersonDraft => (state.applicant ??= { kind: 'person' });

/** The idempotency key of the submission: tied to the draft, so a retry (even after a reload) finds the same dossier. */
function requestId(): string {
  if (draftId) return `draft-${draftId}`;
  return (fallbackRequestId ??= newRequestId());
}

function componentState(id: string): ComponentDraft {
  const list = (state.components ??= []);
  let found = list.find((c) => c.componentId === id);
  if (!found) {
    const required = detail!.procedure.components.find((c) => c.id === id)!;
    found = { componentId: id, originals: required.originals, certifiedCopies: required.certifiedCopies, copies: required.copies, uploads: [] };
    list.push(found);
  }
  return found;
}

// ---- saving --------------------------------------------------------------------------------------
const saveLine = () => h('p', { id: 'save-status', class: 'status', role: 'status' }, savedAt ? t({ vi: `Đã lưu nháp lúc ${formatDateTime(savedAt)}.`, en: `Draft saved at ${formatDateTime(savedAt)}.` }) : '');

// Saves run one after another: two overlapping first saves would create two drafts.
let saving: Promise<void> = Promise.resolve();
function save(): Promise<void> {
  saving = saving.then(saveNow);
  return saving;
}

async function saveNow(): Promise<void> {
  if (!user) return;
  try {
    draftId = await saveDraft(user.uid, code, draftId, state);
    savedAt = new Date();
  } catch {
    // A draft that cannot be saved must not block the application: the page keeps the answers.
    savedAt = undefined;
  }
  const line = document.getElementById('save-status');
  if (line) line.replaceWith(saveLine());
}

// ---- navigation ----------------------------------------------------------------------------------
function go(next: Step, options: { save?: boolean } = {}): void {
  step = next;
  if (location.hash !== `#${next}`) history.pushState(null, '', `#${next}`);
  render();
  if (options.save !== false) void save();
}

window.addEventListener('popstate', () => {
  const wanted = location.hash.slice(1) as Step;
  if (STEPS.includes(wanted) && detail && user && (step as string) !== 'done') {
    step = wanted;
    render();
  }
});

function firstIncomplete(): Step {
  if (!state.receivingAgencyId) return 'agency';
  if (applicantProblems().length) return 'applicant';
  if (documentProblems().length) return 'documents';
  if (!state.resultDelivery) return 'delivery';
  return 'check';
}

// ---- validation (the server checks again; these catch the obvious) ------------------------------
function applicantProblems(): FieldProblem[] {
  const a = state.applicant ?? { kind: 'person' };
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
  return problems;
}

function documentProblems(): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const c of detail!.procedure.components) {
    const s = componentState(c.id);
    if (c.mandatory && s.uploads.length === 0) {
      problems.push({ inputId: `files-${c.id}`, message: { vi: `Tải lên bản chụp hoặc bản quét: ${c.name.vi}`, en: `Upload a photo or scan of: ${c.name.en}` } });
    }
  }
  return problems;
}

// ---- rendering -----------------------------------------------------------------------------------
function heading(text: string): HTMLElement {
  return h('h2', { id: 'step-title', tabindex: '-1' }, text);
}

function progressLine(current: Step): HTMLElement {
  const index = STEPS.indexOf(current) + 1;
  return h('p', { class: 'step-count' }, t({ vi: `Bước ${index}/${STEPS.length}`, en: `Step ${index} of ${STEPS.length}` }));
}

function textInput(id: string, label: Bilingual, value: string | undefined, opts: { type?: string; autocomplete?: string; hint?: Bilingual; maxlength?: number; inputmode?: string } = {}): HTMLElement[] {
  const hintId = opts.hint ? `${id}-hint` : undefined;
  const parts: HTMLElement[] = [h('label', { for: id }, t(label))];
  if (opts.hint) parts.push(h('p', { class: 'hint', id: hintId }, t(opts.hint)));
  parts.push(h('input', { id, name: id, type: opts.type ?? 'text', value: value ?? '', autocomplete: opts.autocomplete ?? 'off', maxlength: opts.maxlength ?? 100, inputmode: opts.inputmode, 'aria-describedby': hintId, spellcheck: 'false' }));
  return parts;
}

const valueOf = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value.trim() ?? '';

function navButtons(onBack: (() => void) | undefined, nextLabel: Bilingual = { vi: 'Tiếp tục', en: 'Continue' }): HTMLElement {
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'submit', id: 'next' }, t(returnToCheck ? { vi: 'Lưu và quay lại trang kiểm tra', en: 'Save and return to the check page' } : nextLabel)),
    onBack ? h('button', { type: 'button', class: 'secondary', id: 'back', onclick: onBack }, t({ vi: 'Quay lại', en: 'Back' })) : null,
    h('button', { type: 'button', class: 'link', id: 'save-later', onclick: () => void saveForLater() }, t({ vi: 'Lưu nháp, làm tiếp sau', en: 'Save and come back later' })),
  );
}

async function saveForLater(): Promise<void> {
  readCurrentStep();
  await save();
  const line = document.getElementById('save-status');
  if (line && savedAt) line.textContent = t({ vi: `Đã lưu nháp lúc ${formatDateTime(savedAt)}. Bạn có thể quay lại trang này để làm tiếp.`, en: `Draft saved at ${formatDateTime(savedAt)}. Come back to this page to carry on.` });
}

function stepForm(current: Step, body: (HTMLElement | null)[], onNext: () => void, onBack?: () => void): HTMLElement {
  const form = h('form', { id: `step-${current}`, novalidate: true }, progressLine(current), heading(t(STEP_TITLES[current])), ...body, navButtons(onBack), saveLine());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onNext();
  });
  return form;
}

function afterStep(current: Step, problems: FieldProblem[], next: Step): void {
  const form = document.getElementById(`step-${current}`)!;
  if (problems.length) {
    showFieldErrors(form, problems);
    return;
  }
  clearFieldErrors(form);
  if (returnToCheck) {
    returnToCheck = false;
    go('check');
  } else go(next);
}

function agencyStep(): HTMLElement {
  const agencies = detail!.receivingAgencies;
  const fieldset = h(
    'fieldset',
    {},
    h('legend', {}, t({ vi: 'Chọn nơi tiếp nhận hồ sơ', en: 'Choose the office that receives your dossier' })),
    ...agencies.map((a, i) =>
      h(
        'label',
        { class: 'choice', for: `agency-${i}` },
        h('input', { type: 'radio', name: 'agency', id: `agency-${i}`, value: a.id, checked: state.receivingAgencyId === a.id }),
        h('span', {}, t(a.name), a.address ? h('small', {}, a.address) : null),
      ),
    ),
  );
  return stepForm('agency', [fieldset], () => {
    readCurrentStep();
    afterStep('agency', state.receivingAgencyId ? [] : [{ inputId: 'agency-0', message: { vi: 'Chọn nơi nộp hồ sơ', en: 'Choose where to submit' } }], 'applicant');
  });
}

function applicantStep(): HTMLElement {
  const a = person();
  return stepForm(
    'applicant',
    [
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
    ],
    () => {
      readCurrentStep();
      afterStep('applicant', applicantProblems(), 'documents');
    },
    () => go('agency'),
  );
}

function countInput(componentId: string, key: 'originals' | 'certifiedCopies' | 'copies', label: Bilingual, value: number): HTMLElement {
  const id = `${key}-${componentId}`;
  return h('div', { class: 'count' }, h('label', { for: id }, t(label)), h('input', { id, type: 'number', min: 0, max: 20, inputmode: 'numeric', value }));
}

function fileRow(c: ComponentDraft, index: number): HTMLElement {
  const f = c.uploads[index]!;
  return h(
    'li',
    { 'data-upload': f.uploadId },
    `${f.fileName} (${Math.max(1, Math.round(f.size / 1024))} KB) `,
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        'aria-label': t({ vi: `Bỏ tệp ${f.fileName}`, en: `Remove ${f.fileName}` }),
        onclick: () => {
          readCurrentStep();
          c.uploads.splice(index, 1);
          render();
          void save();
        },
      },
      t({ vi: 'Bỏ tệp', en: 'Remove' }),
    ),
  );
}

function documentsStep(): HTMLElement {
  const sections = detail!.procedure.components.map((c) => {
    const s = componentState(c.id);
    const fileInput = h('input', { id: `files-${c.id}`, type: 'file', multiple: true, accept: ACCEPT_ATTRIBUTE, 'aria-describedby': `files-${c.id}-hint` });
    const progressList = h('ul', { class: 'progress-list', 'aria-live': 'polite' });
    fileInput.addEventListener('change', () => void uploadSelected(c.id, fileInput, progressList));
    return h(
      'fieldset',
      { 'data-component': c.id },
      h('legend', {}, t(c.name), c.mandatory ? null : ` (${t({ vi: 'nếu có', en: 'if applicable' })})`),
      c.note ? h('p', { class: 'hint' }, t(c.note)) : null,
      h(
        'div',
        { class: 'counts-row' },
        countInput(c.id, 'originals', { vi: 'Bản chính', en: 'Originals' }, s.originals),
        countInput(c.id, 'certifiedCopies', { vi: 'Bản sao chứng thực', en: 'Certified copies' }, s.certifiedCopies),
        countInput(c.id, 'copies', { vi: 'Bản sao', en: 'Copies' }, s.copies),
      ),
      h('label', { for: `files-${c.id}` }, t({ vi: 'Tệp đính kèm', en: 'Files' })),
      h('p', { class: 'hint', id: `files-${c.id}-hint` }, t({ vi: 'PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB.', en: 'PDF, JPEG or PNG, up to 10 MB each.' })),
      fileInput,
      progressList,
      s.uploads.length ? h('ul', { class: 'files', id: `uploaded-${c.id}` }, ...s.uploads.map((_, i) => fileRow(s, i))) : null,
    );
  });
  return stepForm(
    'documents',
    [h('p', {}, t({ vi: 'Khai số bản giấy sẽ nộp và tải lên bản chụp hoặc bản quét của từng giấy tờ.', en: 'Give the number of paper copies and upload a photo or scan of each document.' })), ...sections],
    () => {
      readCurrentStep();
      afterStep('documents', documentProblems(), 'delivery');
    },
    () => go('applicant'),
  );
}

async function uploadSelected(componentId: string, input: HTMLInputElement, progressList: HTMLElement): Promise<void> {
  const files = Array.from(input.files ?? []);
  input.value = '';
  const form = document.getElementById('step-documents')!;
  const problems: FieldProblem[] = [];
  for (const file of files) {
    const problem = fileProblem(file);
    if (problem) problems.push({ inputId: input.id, message: problem });
  }
  if (problems.length) {
    showFieldErrors(form, problems);
    return;
  }
  clearFieldErrors(form);
  readCurrentStep();
  if (!draftId) await save(); // uploads are linked to the draft
  const results = await Promise.allSettled(
    files.map(async (file) => {
      const bar = h('progress', { max: 100, value: 0, 'aria-label': t({ vi: `Đang tải lên ${file.name}`, en: `Uploading ${file.name}` }) });
      const row = h('li', {}, `${file.name} `, bar);
      progressList.append(row);
      try {
        const answer = await uploadFile(user!, file, draftId, (fraction) => {
          bar.value = Math.round(fraction * 100);
        });
        row.remove();
        return answer;
      } catch (err) {
        row.remove();
        throw err;
      }
    }),
  );
  const c = componentState(componentId);
  const failed: FieldProblem[] = [];
  results.forEach((r) => {
    if (r.status === 'fulfilled') c.uploads.push({ uploadId: r.value.uploadId, fileName: r.value.fileName, size: r.value.size, contentType: r.value.contentType });
    else failed.push({ inputId: input.id, message: describeError(r.reason) });
  });
  render();
  if (failed.length) showFieldErrors(document.getElementById('step-documents')!, failed);
  else (document.getElementById(`uploaded-${componentId}`) ?? input).focus?.();
  await save();
}

function deliveryStep(): HTMLElement {
  const options = (['desk', 'post', 'online'] as const).map((key) =>
    h(
      'label',
      { class: 'choice', for: `delivery-${key}` },
      h('input', { type: 'radio', name: 'delivery', id: `delivery-${key}`, value: key, checked: state.resultDelivery === key }),
      h('span', {}, t(DELIVERY[key].label), h('small', {}, t(DELIVERY[key].hint))),
    ),
  );
  return stepForm(
    'delivery',
    [h('fieldset', {}, h('legend', {}, t({ vi: 'Bạn muốn nhận kết quả bằng cách nào?', en: 'How do you want to receive the result?' })), ...options)],
    () => {
      readCurrentStep();
      afterStep('delivery', state.resultDelivery ? [] : [{ inputId: 'delivery-desk', message: { vi: 'Chọn cách nhận kết quả', en: 'Choose how to receive the result' } }], 'check');
    },
    () => go('documents'),
  );
}

/** Copies what is on screen into the state (before leaving a step or saving). */
function readCurrentStep(): void {
  if (step === 'agency') {
    const checked = document.querySelector<HTMLInputElement>('input[name="agency"]:checked');
    if (checked) state.receivingAgencyId = checked.value;
  } else if (step === 'applicant') {
    const a = person();
    a.fullName = valueOf('fullName');
    a.identity = { kind: 'citizenId', number: valueOf('idNumber').replace(/\s/g, '') };
    a.phone = valueOf('phone');
    a.email = valueOf('email');
    a.address = { line: valueOf('addressLine'), communeName: valueOf('communeName'), provinceName: valueOf('provinceName') };
  } else if (step === 'documents') {
    for (const c of detail!.procedure.components) {
      const s = componentState(c.id);
      for (const key of ['originals', 'certifiedCopies', 'copies'] as const) {
        const n = Number(valueOf(`${key}-${c.id}`));
        s[key] = Number.isInteger(n) && n >= 0 && n <= 20 ? n : s[key];
      }
    }
  } else if (step === 'delivery') {
    const checked = document.querySelector<HTMLInputElement>('input[name="delivery"]:checked');
    if (checked) state.resultDelivery = checked.value as 'desk' | 'post' | 'online';
  }
}

function changeLink(target: Step, what: Bilingual): HTMLElement {
  return h(
    'a',
    {
      href: `#${target}`,
      class: 'change',
      onclick: (e: Event) => {
        e.preventDefault();
        returnToCheck = true;
        go(target, { save: false });
      },
    },
    t({ vi: 'Thay đổi', en: 'Change' }),
    h('span', { class: 'visually-hidden' }, ` ${t(what).toLowerCase()}`),
  );
}

function summaryRow(term: Bilingual, value: string | HTMLElement, target: Step, testId: string): HTMLElement[] {
  return [h('dt', {}, t(term)), h('dd', { 'data-testid': testId }, value), h('dd', { class: 'change-cell' }, changeLink(target, term))];
}

function selectedComponents(): ComponentDraft[] {
  return detail!.procedure.components
    .map((c) => componentState(c.id))
    .filter((s) => {
      const required = detail!.procedure.components.find((c) => c.id === s.componentId)!;
      return required.mandatory || s.uploads.length > 0 || s.originals + s.certifiedCopies + s.copies > 0;
    });
}

function checkStep(): HTMLElement {
  const a = person();
  const agency = detail!.receivingAgencies.find((x) => x.id === state.receivingAgencyId);
  const docs = h(
    'ul',
    {},
    ...selectedComponents().map((s) => {
      const c = detail!.procedure.components.find((x) => x.id === s.componentId)!;
      const counts = [
        s.originals ? t({ vi: `${s.originals} bản chính`, en: `${s.originals} original(s)` }) : '',
        s.certifiedCopies ? t({ vi: `${s.certifiedCopies} bản sao chứng thực`, en: `${s.certifiedCopies} certified cop(ies)` }) : '',
        s.copies ? t({ vi: `${s.copies} bản sao`, en: `${s.copies} cop(ies)` }) : '',
      ].filter(Boolean);
      return h('li', {}, h('strong', {}, t(c.name)), ` — ${counts.join(', ')}; ${s.uploads.map((u) => u.fileName).join(', ') || t({ vi: 'chưa có tệp', en: 'no file' })}`);
    }),
  );
  const address = [a.address?.line, a.address?.communeName, a.address?.provinceName].filter(Boolean).join(', ');
  const list = h(
    'dl',
    { class: 'check' },
    ...summaryRow({ vi: 'Nơi nộp', en: 'Submitted to' }, agency ? t(agency.name) : '—', 'agency', 'check-agency'),
    ...summaryRow({ vi: 'Họ và tên', en: 'Full name' }, a.fullName ?? '', 'applicant', 'check-name'),
    ...summaryRow({ vi: 'Số căn cước công dân', en: 'Citizen identity number' }, a.identity?.number ?? '', 'applicant', 'check-id'),
    ...summaryRow({ vi: 'Số điện thoại', en: 'Mobile number' }, a.phone ?? '', 'applicant', 'check-phone'),
    ...summaryRow({ vi: 'Email', en: 'Email' }, a.email || '—', 'applicant', 'check-email'),
    ...summaryRow({ vi: 'Nơi cư trú', en: 'Address' }, address, 'applicant', 'check-address'),
    ...summaryRow({ vi: 'Giấy tờ', en: 'Documents' }, docs, 'documents', 'check-documents'),
    ...summaryRow({ vi: 'Nhận kết quả', en: 'Result delivery' }, state.resultDelivery ? t(DELIVERY[state.resultDelivery].label) : '—', 'delivery', 'check-delivery'),
  );
  const submitButton = h('button', { type: 'submit', id: 'submit' }, t({ vi: 'Nộp hồ sơ', en: 'Submit the application' }));
  const form = h(
    'form',
    { id: 'step-check', novalidate: true },
    progressLine('check'),
    heading(t(STEP_TITLES.check)),
    h('p', {}, t(detail!.procedure.name)),
    list,
    h('p', {}, t({ vi: 'Bằng việc nộp hồ sơ, bạn cam đoan thông tin đã khai là đúng sự thật.', en: 'By submitting you declare that the information you gave is true.' })),
    h('div', { class: 'actions' }, submitButton, h('button', { type: 'button', class: 'secondary', id: 'back', onclick: () => go('delivery') }, t({ vi: 'Quay lại', en: 'Back' }))),
    h('p', { id: 'submit-status', class: 'status', role: 'status' }),
    saveLine(),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(submitButton);
  });
  return form;
}

function submissionBody(): unknown {
  const a = person();
  return {
    requestId: requestId(),
    procedureCode: code,
    receivingAgencyId: state.receivingAgencyId,
    applicant: {
      kind: 'person',
      fullName: a.fullName,
      identity: { kind: 'citizenId', number: a.identity?.number ?? '' },
      phone: a.phone,
      ...(a.email ? { email: a.email } : {}),
      address: { line: a.address?.line ?? '', communeName: a.address?.communeName ?? '', provinceName: a.address?.provinceName ?? '' },
    },
    components: selectedComponents().map((s) => ({
      componentId: s.componentId,
      originals: s.originals,
      certifiedCopies: s.certifiedCopies,
      copies: s.copies,
      uploadIds: s.uploads.map((u) => u.uploadId),
    })),
    resultDelivery: state.resultDelivery ?? 'desk',
  };
}

/** Where a server field error is shown: its step and input (unknown paths stay on the check page). */
function placeOf(path: string): { step: Step; inputId?: string } {
  if (path === 'receivingAgencyId') return { step: 'agency', inputId: 'agency-0' };
  if (path.startsWith('applicant')) {
    const exact = APPLICANT_INPUTS[path] ?? Object.entries(APPLICANT_INPUTS).find(([p]) => path.startsWith(`${p}.`))?.[1];
    return { step: 'applicant', inputId: exact };
  }
  const component = /^components\.(\d+)/.exec(path);
  if (component) {
    const s = selectedComponents()[Number(component[1])];
    return { step: 'documents', inputId: s ? `files-${s.componentId}` : undefined };
  }
  if (path === 'components') return { step: 'documents' };
  if (path === 'resultDelivery') return { step: 'delivery', inputId: 'delivery-desk' };
  return { step: 'check' };
}

async function submit(button: HTMLButtonElement): Promise<void> {
  const status = byId('submit-status');
  button.disabled = true;
  status.dataset.state = 'pending';
  status.textContent = t({ vi: 'Đang nộp hồ sơ…', en: 'Submitting…' });
  try {
    const answer = await callApiAs<{ dossier: SubmittedDossier }>(user!, '/dossiers', jsonPost(submissionBody()));
    submitted = answer.dossier;
    if (draftId) await deleteDraft(draftId).catch(() => undefined);
    draftId = undefined;
    step = 'done';
    history.replaceState(null, '', location.pathname);
    render();
  } catch (err) {
    button.disabled = false;
    const fields = err instanceof ApiCallError ? (err.body?.error.fields ?? []) : [];
    if (fields.length) {
      const placed = fields.map((f) => ({ ...placeOf(f.path), message: f.message }));
      const target = STEPS.find((s) => placed.some((p) => p.step === s)) ?? 'check';
      const problems = placed.filter((p) => p.step === target).map((p) => ({ inputId: p.inputId ?? '', message: p.message }));
      pending = { step: target, problems, title: err instanceof ApiCallError && err.body ? err.body.error.message : undefined };
      if (target !== 'check') returnToCheck = true;
      go(target, { save: false });
      return;
    }
    status.dataset.state = 'error';
    status.textContent = `${t(describeError(err))} ${t({ vi: 'Bấm “Nộp hồ sơ” để thử lại: hồ sơ sẽ không bị nộp hai lần.', en: 'Press “Submit” to try again: the application will not be sent twice.' })}`;
  }
}

function doneView(): HTMLElement {
  const d = submitted!;
  return h(
    'section',
    { class: 'panel', id: 'submitted', 'aria-labelledby': 'done-title' },
    h('h2', { id: 'done-title', tabindex: '-1' }, t({ vi: 'Đã nộp hồ sơ', en: 'Application submitted' })),
    h('p', {}, t({ vi: 'Mã hồ sơ của bạn:', en: 'Your dossier code:' })),
    h('p', { class: 'big-code', 'data-testid': 'dossier-code' }, d.code),
    d.dueAt
      ? h('p', { 'data-testid': 'due' }, t({ vi: `Ngày hẹn trả kết quả: ${formatDateTime(d.dueAt)}`, en: `Result due: ${formatDateTime(d.dueAt)}` }), d.dueExplanation ? h('span', { class: 'hint' }, ` ${t(d.dueExplanation)}`) : null)
      : h(
          'p',
          { 'data-testid': 'due' },
          t({
            vi: `Bộ phận Một cửa sẽ kiểm tra hồ sơ. Khi hồ sơ được tiếp nhận, ngày hẹn trả kết quả được tính (thời hạn giải quyết: ${detail!.summary.durationText.vi}) và gửi cho bạn.`,
            en: `The one-stop desk will check the dossier. Once it is received, the result date is set (processing time: ${detail!.summary.durationText.en}) and sent to you.`,
          }),
        ),
    h('p', {}, h('a', { href: `/ho-so/${encodeURIComponent(d.id)}`, id: 'dossier-link' }, t({ vi: 'Xem hồ sơ và theo dõi tiến độ', en: 'View the dossier and follow its progress' }))),
    h('p', {}, h('a', { href: '/ho-so/' }, t({ vi: 'Tất cả hồ sơ của tôi', en: 'All my dossiers' }))),
  );
}

function resumeView(): HTMLElement {
  const when = stored?.updatedAt ? formatDateTime(stored.updatedAt) : '';
  return h(
    'section',
    { class: 'panel note', id: 'resume', 'aria-labelledby': 'resume-title' },
    h('h2', { id: 'resume-title', tabindex: '-1' }, t({ vi: 'Bạn có hồ sơ nháp chưa nộp', en: 'You have an unfinished application' })),
    h('p', {}, t({ vi: `Lưu lần cuối lúc ${when}.`, en: `Last saved at ${when}.` })),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'resume-draft',
          onclick: () => {
            state = { receivingAgencyId: stored!.receivingAgencyId, applicant: stored!.applicant, components: stored!.components, resultDelivery: stored!.resultDelivery };
            draftId = stored!.id;
            savedAt = stored!.updatedAt ?? undefined;
            go(firstIncomplete(), { save: false });
          },
        },
        t({ vi: 'Tiếp tục hồ sơ nháp', en: 'Continue the draft' }),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          id: 'start-over',
          onclick: () => {
            void deleteDraft(stored!.id).catch(() => undefined);
            stored = undefined;
            state = {};
            go('agency', { save: false });
          },
        },
        t({ vi: 'Bỏ nháp, làm lại từ đầu', en: 'Discard it and start again' }),
      ),
    ),
  );
}

function render(): void {
  if (loadFailure) {
    app.dataset.state = 'error';
    app.replaceChildren(h('p', { class: 'status' }, t(loadFailure)));
    return;
  }
  if (!detail || !user || step === 'loading') return;
  const intro = h(
    'div',
    { class: 'intro' },
    h('p', { class: 'procedure-name' }, h('a', { href: `/thu-tuc/${encodeURIComponent(code)}` }, t(detail.procedure.name))),
    h('p', { class: 'who' }, t({ vi: `Đăng nhập: ${user.email ?? user.uid}`, en: `Signed in as ${user.email ?? user.uid}` }), ' ', h('button', { type: 'button', class: 'link', onclick: () => void signOutCitizen() }, t({ vi: 'Đăng xuất', en: 'Sign out' }))),
  );
  let body: HTMLElement;
  switch (step) {
    case 'resume':
      body = resumeView();
      break;
    case 'done':
      body = doneView();
      break;
    case 'agency':
      body = agencyStep();
      break;
    case 'applicant':
      body = applicantStep();
      break;
    case 'documents':
      body = documentsStep();
      break;
    case 'delivery':
      body = deliveryStep();
      break;
    case 'check':
      body = checkStep();
      break;
  }
  app.dataset.state = step;
  app.replaceChildren(intro, body);
  if (pending && pending.step === step) {
    const { problems, title } = pending;
    pending = undefined;
    showFieldErrors(body, problems.map((p) => ({ inputId: p.inputId, message: p.message })), title);
  } else {
    document.getElementById('step-title')?.focus();
    document.getElementById('done-title')?.focus();
    document.getElementById('resume-title')?.focus();
  }
}

onLangChange(() => {
  if (typeof step === 'string' && STEPS.includes(step as Step)) readCurrentStep();
  render();
});

async function start(): Promise<void> {
  try {
    detail = await callApi<Detail>(`/procedures/${encodeURIComponent(code)}`);
    if (detail.receivingAgencies.length === 0) {
      loadFailure = { vi: 'Thủ tục này chưa nhận hồ sơ trực tuyến.', en: 'This procedure does not take online applications yet.' };
    }
  } catch (err) {
    loadFailure = err instanceof ApiCallError && err.status === 404 ? { vi: 'Không tìm thấy thủ tục.', en: 'Procedure not found.' } : describeError(err);
  }
  if (loadFailure) {
    render();
    return;
  }
  await withCitizen(
    app,
    (signedIn) => {
      state = {};
      draftId = undefined;
      savedAt = undefined;
      user = signedIn;
      void (async () => {
        stored = await findDraft(signedIn.uid, code).catch(() => undefined);
        if (stored) step = 'resume';
        else {
          step = 'agency';
          if (detail!.receivingAgencies.length === 1) state.receivingAgencyId = detail!.receivingAgencies[0]!.id;
        }
        render();
      })();
    },
    { vi: 'Để nộp hồ sơ trực tuyến, hãy đăng nhập bằng tài khoản công dân. Hồ sơ nháp được lưu vào tài khoản của bạn.', en: 'Sign in with your citizen account to apply online. Your draft is kept in your account.' },
    () => {
      user = undefined;
      step = 'loading';
    },
  );
}

void start();
