// One file to POST /api/uploads (multipart) with progress, through XHR: fetch cannot report upload
// progress. The server checks the content again; these checks only spare a slow upload that would fail.
import type { User } from 'firebase/auth';
import { urlOf, type UploadedFile } from '../../../functions/src/contract/index.js';
import { ApiCallError, type ApiErrorBody, type Bilingual } from './api.js';
import { h } from './dom.js';
import type { FieldProblem } from './form-errors.js';
import { t } from './i18n.js';

export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const ACCEPT_ATTRIBUTE = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The hint under every file input. */
export const FILE_HINT: Bilingual = { vi: 'PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB.', en: 'PDF, JPEG or PNG, up to 10 MB each.' };

export type UploadAnswer = UploadedFile;

/** Why the file cannot be sent, or undefined when it may be. */
export function fileProblem(file: File): Bilingual | undefined {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_TYPES.includes(file.type) && !byName) {
    return { vi: `Tệp “${file.name}” không phải PDF, JPEG hoặc PNG.`, en: `“${file.name}” is not a PDF, JPEG or PNG file.` };
  }
  if (file.size > MAX_FILE_BYTES) {
    return { vi: `Tệp “${file.name}” lớn hơn 10 MB.`, en: `“${file.name}” is larger than 10 MB.` };
  }
  if (file.size === 0) return { vi: `Tệp “${file.name}” rỗng.`, en: `“${file.name}” is empty.` };
  return undefined;
}

/** Every chosen file that cannot be sent, as a problem shown beside the file input `inputId`. */
export function fileProblems(files: File[], inputId: string): FieldProblem[] {
  return files.flatMap((file) => {
    const problem = fileProblem(file);
    return problem ? [{ inputId, message: problem }] : [];
  });
}

/** Uploads `file` with a progress bar in `list` (a live region) that goes away when the upload ends. */
export async function uploadWithProgress(user: User, file: File, draftId: string | undefined, list: HTMLElement): Promise<UploadAnswer> {
  const bar = h('progress', { max: 100, value: 0, 'aria-label': t({ vi: `Đang tải lên ${file.name}`, en: `Uploading ${file.name}` }) });
  const row = h('li', {}, `${file.name} `, bar);
  list.append(row);
  try {
    return await uploadFile(user, file, draftId, (fraction) => {
      bar.value = Math.round(fraction * 100);
    });
  } finally {
    row.remove();
  }
}

export async function uploadFile(user: User, file: File, draftId: string | undefined, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  const token = await user.getIdToken();
  const form = new FormData();
  if (draftId) form.append('draftId', draftId);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf('postUploads', { body: form }));
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const first = (body as { uploads?: UploadAnswer[] } | undefined)?.uploads?.[0];
        if (first) {
          onProgress(1);
          resolve(first);
          return;
        }
      }
      reject(new ApiCallError(xhr.status, body as ApiErrorBody | undefined));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.ontimeout = () => reject(new DOMException('timeout', 'AbortError'));
    xhr.timeout = 120_000;
    xhr.send(form);
  });
}
