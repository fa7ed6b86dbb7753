// Answering a supplement request: the files for each item asked for, uploaded with a progress bar and
// kept across live re-renders, then one POST `submitSupplement` against the version the citizen saw
// (keyed by a request id reused on retry). A stale version reloads the dossier and says so.
import { ApiCallError, describeError } from '../shared/api.js';
import { byId } from '../shared/dom.js';
import { clearFieldErrors, showFieldErrors, type FieldProblem } from '../shared/form-errors.js';
import { newRequestId } from '../shared/session.js';
import { legacyItemComponentId } from '../../../functions/src/contract/index.js';
import { cancelledNote, describeUploadError, fileProblems, UploadCancelled } from '../shared/upload.js';
import { sendSupplement as postSupplement, uploadWithProgress } from './api.js';
import { loadAnswer } from './live.js';
import { dossierId, page, render, supplement, supplementFiles } from './state.js';
import type { DossierDoc } from './store.js';

/**
 * The key the files of supplement item `i` are kept under: the component the item names (a request made
 * before items named one is filed as a new document, never under another component).
 */
export const itemKey = (item: { componentId?: string }, i: number): string => item.componentId ?? legacyItemComponentId(i);

export async function addSupplementFiles(key: string, input: HTMLInputElement, progress: HTMLElement): Promise<void> {
  const form = byId('supplement-form');
  const files = Array.from(input.files ?? []);
  input.value = '';
  const problems = fileProblems(files, input.id);
  if (problems.length) {
    showFieldErrors(form, problems);
    return;
  }
  clearFieldErrors(form);
  const failures: FieldProblem[] = [];
  const cancelled: string[] = [];
  for (const file of files) {
    try {
      const answer = await uploadWithProgress(page.user!, file, undefined, progress);
      supplementFiles.set(key, [...(supplementFiles.get(key) ?? []), answer]);
    } catch (err) {
      if (err instanceof UploadCancelled) cancelled.push(file.name);
      else failures.push({ inputId: input.id, message: describeUploadError(err, file.name) });
    }
  }
  render();
  // The redraw replaced the progress list: say again there which uploads were cancelled.
  document.querySelector(`[data-item="${key}"] .progress-list`)?.append(...cancelled.map(cancelledNote));
  if (failures.length) showFieldErrors(byId('supplement-form'), failures);
}

/** What the supplement adds: the files just uploaded, under exactly the component each item names. */
function supplementAdditions(d: DossierDoc): { componentId: string; uploadIds: string[] }[] {
  return d.supplement!.items.flatMap((item, i) => {
    const added = supplementFiles.get(itemKey(item, i)) ?? [];
    return added.length === 0 ? [] : [{ componentId: itemKey(item, i), uploadIds: added.map((a) => a.uploadId) }];
  });
}

export async function sendSupplement(d: DossierDoc, button: HTMLButtonElement): Promise<void> {
  const form = byId('supplement-form');
  const missing: FieldProblem[] = d.supplement!.items.flatMap((item, i) =>
    (supplementFiles.get(itemKey(item, i)) ?? []).length === 0 ? [{ inputId: `supplement-files-${i}`, message: { vi: `Tải lên: ${item.name}`, en: `Upload: ${item.name}` } }] : [],
  );
  if (missing.length) {
    showFieldErrors(form, missing);
    return;
  }
  button.disabled = true;
  supplement.requestId ??= newRequestId();
  try {
    await postSupplement(page.user!, dossierId, { requestId: supplement.requestId, expectedVersion: d.version, components: supplementAdditions(d) });
    supplementFiles.clear();
    supplement.requestId = undefined;
    page.message = { state: 'ok', text: { vi: 'Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục giải quyết.', en: 'Supplement sent. The agency will carry on.' }, untilVersion: d.version + 1 };
  } catch (err) {
    button.disabled = false;
    const body = err instanceof ApiCallError ? err.body : undefined;
    if (body && body.error.reason === 'staleVersion') {
      supplement.requestId = undefined;
      page.message = { state: 'error', text: { vi: 'Hồ sơ vừa được cập nhật. Trang đã tải lại; vui lòng kiểm tra và gửi lại.', en: 'The dossier has just changed. The page has been reloaded; please check and send again.' }, untilVersion: Number.MAX_SAFE_INTEGER };
      await loadAnswer();
    } else {
      page.message = { state: 'error', text: describeError(err), untilVersion: d.version };
      if (body?.error.fields.length) showFieldErrors(form, body.error.fields.map((f) => ({ inputId: '', message: f.message })));
    }
  }
  render();
}
