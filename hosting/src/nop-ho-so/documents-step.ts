// Step 3: the documents. For each component of the procedure, the blank form to fill in where the
// procedure prescribes one, how many paper originals and copies the citizen will bring (not asked for a
// fully online procedure), and the photos or scans uploaded now (checked first, with a percentage and a
// cancel button each, linked to the draft so an upload is never orphaned).
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { clearFieldErrors, showFieldErrors, type FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { ACCEPT_ATTRIBUTE, cancelledNote, describeUploadError, FILE_HINT, fileProblems, UploadCancelled } from '../shared/upload.js';
import { uploadWithProgress } from './api.js';
import type { ComponentDraft } from './draft-store.js';
import { afterStep, stepForm, valueOf } from './step-form.js';
import { componentState, go, paperless, readCurrentStep, render, save, wizard } from './state.js';

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

export function documentsStep(): HTMLElement {
  const sections = wizard.detail!.procedure.components.map((c) => {
    const s = componentState(c.id);
    const fileInput = h('input', { id: `files-${c.id}`, type: 'file', multiple: true, accept: ACCEPT_ATTRIBUTE, 'aria-describedby': `files-${c.id}-hint` });
    const progressList = h('ul', { class: 'progress-list', 'aria-live': 'polite' });
    fileInput.addEventListener('change', () => void uploadSelected(c.id, fileInput, progressList));
    return h(
      'fieldset',
      { 'data-component': c.id },
      h('legend', {}, t(c.name), c.mandatory ? null : ` (${t({ vi: 'nếu có', en: 'if applicable' })})`),
      c.note ? h('p', { class: 'hint' }, t(c.note)) : null,
      c.template
        ? h(
            'p',
            { class: 'template' },
            h('a', { href: c.template.url, target: '_blank', rel: 'noopener', 'data-template': c.id }, t({ vi: `Tải mẫu đơn trống (${c.template.name})`, en: `Download the blank form (${c.template.name})` })),
          )
        : null,
      paperless()
        ? null
        : h(
            'div',
            { class: 'counts-row' },
            countInput(c.id, 'originals', { vi: 'Bản chính', en: 'Originals' }, s.originals),
            countInput(c.id, 'certifiedCopies', { vi: 'Bản sao chứng thực', en: 'Certified copies' }, s.certifiedCopies),
            countInput(c.id, 'copies', { vi: 'Bản sao', en: 'Copies' }, s.copies),
          ),
      h('label', { for: `files-${c.id}` }, t({ vi: 'Tệp đính kèm', en: 'Files' })),
      h('p', { class: 'hint', id: `files-${c.id}-hint` }, t(FILE_HINT)),
      fileInput,
      progressList,
      s.uploads.length ? h('ul', { class: 'files', id: `uploaded-${c.id}` }, ...s.uploads.map((_, i) => fileRow(s, i))) : null,
    );
  });
  return stepForm(
    'documents',
    [
      h(
        'p',
        {},
        t(
          paperless()
            ? { vi: 'Thủ tục trực tuyến toàn trình: chỉ cần tải lên bản chụp hoặc bản quét của từng giấy tờ, không nộp bản giấy.', en: 'Fully online: just upload a photo or scan of each document; no paper is handed in.' }
            : { vi: 'Khai số bản giấy sẽ nộp và tải lên bản chụp hoặc bản quét của từng giấy tờ.', en: 'Give the number of paper copies and upload a photo or scan of each document.' },
        ),
      ),
      ...sections,
    ],
    () => {
      readCurrentStep();
      afterStep('documents', documentProblems(), 'delivery');
    },
    () => go('applicant'),
  );
}

export function readDocuments(): void {
  if (paperless()) return; // no counts on screen: the procedure's own stay
  for (const c of wizard.detail!.procedure.components) {
    const s = componentState(c.id);
    for (const key of ['originals', 'certifiedCopies', 'copies'] as const) {
      const n = Number(valueOf(`${key}-${c.id}`));
      s[key] = Number.isInteger(n) && n >= 0 && n <= 20 ? n : s[key];
    }
  }
}

/** A mandatory component without any file (the server checks again). */
export function documentProblems(): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const c of wizard.detail!.procedure.components) {
    const s = componentState(c.id);
    if (c.mandatory && s.uploads.length === 0) {
      problems.push({ inputId: `files-${c.id}`, message: { vi: `Tải lên bản chụp hoặc bản quét: ${c.name.vi}`, en: `Upload a photo or scan of: ${c.name.en}` } });
    }
  }
  return problems;
}

async function uploadSelected(componentId: string, input: HTMLInputElement, progressList: HTMLElement): Promise<void> {
  const files = Array.from(input.files ?? []);
  input.value = '';
  const form = document.getElementById('step-documents')!;
  const problems = fileProblems(files, input.id);
  if (problems.length) {
    showFieldErrors(form, problems);
    return;
  }
  clearFieldErrors(form);
  readCurrentStep();
  if (!wizard.draftId) await save(); // uploads are linked to the draft
  const results = await Promise.allSettled(files.map((file) => uploadWithProgress(wizard.user!, file, wizard.draftId, progressList)));
  const c = componentState(componentId);
  const failed: FieldProblem[] = [];
  const cancelled: string[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') c.uploads.push({ uploadId: r.value.uploadId, fileName: r.value.fileName, size: r.value.size, contentType: r.value.contentType });
    else if (r.reason instanceof UploadCancelled) cancelled.push(files[i]!.name);
    else failed.push({ inputId: input.id, message: describeUploadError(r.reason, files[i]!.name) });
  });
  render();
  // The redraw replaced the progress list: say again there which uploads were cancelled.
  document.querySelector(`[data-component="${componentId}"] .progress-list`)?.append(...cancelled.map(cancelledNote));
  if (failed.length) showFieldErrors(document.getElementById('step-documents')!, failed);
  else (document.getElementById(`uploaded-${componentId}`) ?? input).focus?.();
  await save();
}
