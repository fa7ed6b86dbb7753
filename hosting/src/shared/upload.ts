// One file to POST /api/uploads (multipart) with progress, through XHR: fetch cannot report upload
// progress, and XHR can be aborted mid-way (the cancel button). The server checks the content again; these
// checks only spare a slow upload that would fail. Every failure is told in plain words naming the file,
// with what to do about it (a 4 MB photo over slow 3G takes most of a minute: the person must know which
// file failed and why).
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

/** What to do about a file over the limit: the usual causes are a high-resolution scan or a full-size photo. */
export function tooLargeAdvice(fileName: string, size?: number): Bilingual {
  const mb = size === undefined ? '' : ` (${(size / (1024 * 1024)).toFixed(1).replace('.', ',')} MB)`;
  const mbEn = size === undefined ? '' : ` (${(size / (1024 * 1024)).toFixed(1)} MB)`;
  return {
    vi: `Tệp “${fileName}”${mb} lớn hơn 10 MB. Hãy quét lại ở độ phân giải 150–200 dpi, chụp ảnh ở chất lượng thường (không chọn chất lượng cao nhất), hoặc tách thành nhiều tệp nhỏ hơn rồi tải lên từng tệp.`,
    en: `“${fileName}”${mbEn} is larger than 10 MB. Scan it again at 150–200 dpi, take the photo at normal quality (not the highest), or split it into smaller files and upload each.`,
  };
}

/** Why the file cannot be sent, or undefined when it may be. */
export function fileProblem(file: File): Bilingual | undefined {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_TYPES.includes(file.type) && !byName) {
    return {
      vi: `Tệp “${file.name}” không phải PDF, JPEG hoặc PNG. Hãy lưu giấy tờ thành PDF, hoặc chụp ảnh giấy tờ rồi tải ảnh lên.`,
      en: `“${file.name}” is not a PDF, JPEG or PNG file. Save the document as a PDF, or take a photo of it and upload the photo.`,
    };
  }
  if (file.size > MAX_FILE_BYTES) return tooLargeAdvice(file.name, file.size);
  if (file.size === 0) return { vi: `Tệp “${file.name}” rỗng (0 byte). Hãy chọn lại đúng tệp.`, en: `“${file.name}” is empty (0 bytes). Choose the right file again.` };
  return undefined;
}

/**
 * "Đã hủy tải lên tệp X." in a progress list, cleared after a few seconds: the person sees the cancel took
 * effect. A page that redraws the list after the upload adds it again to the new list.
 */
export function cancelledNote(fileName: string): HTMLElement {
  const note = h('li', { class: 'cancelled', 'data-testid': 'upload-cancelled' }, t({ vi: `Đã hủy tải lên tệp “${fileName}”.`, en: `Cancelled uploading “${fileName}”.` }));
  setTimeout(() => note.remove(), 8000);
  return note;
}

/** The person cancelled the upload: not an error to show. */
export class UploadCancelled extends Error {
  constructor(readonly fileName: string) {
    super(`upload of ${fileName} cancelled`);
  }
}

/**
 * A failed upload in plain words naming the file: a file whose content is not what its name says ("không
 * phải PDF thật"), over the limit (with advice), the connection lost; otherwise the server's own message
 * (it names the file when it found the file damaged or locked).
 */
export function describeUploadError(err: unknown, fileName: string): Bilingual {
  const kind = /\.pdf$/i.test(fileName) ? 'PDF' : /\.png$/i.test(fileName) ? 'PNG' : /\.jpe?g$/i.test(fileName) ? 'JPEG' : undefined;
  if (err instanceof ApiCallError && err.body) {
    const { code, problem } = err.body.error as { code: string; problem?: string };
    if (code === 'unsupported-media-type' && problem === undefined) {
      return kind
        ? {
            vi: `Tệp “${fileName}” không phải ${kind} thật: tên tệp có đuôi .${fileName.split('.').pop()} nhưng nội dung là loại khác. Hãy mở tệp và lưu lại thành ${kind} (hoặc chụp lại ảnh), rồi tải lên.`,
            en: `“${fileName}” is not a real ${kind}: its name ends in .${fileName.split('.').pop()} but its content is something else. Open it and save it as a ${kind} (or take the photo again), then upload it.`,
          }
        : { vi: `Tệp “${fileName}” không phải PDF, ảnh JPEG hay PNG thật. Hãy lưu lại thành PDF hoặc chụp lại ảnh.`, en: `“${fileName}” is not a real PDF, JPEG or PNG. Save it as a PDF or take the photo again.` };
    }
    if (code === 'payload-too-large' && err.body.error.fields.length > 0) return tooLargeAdvice(fileName);
    if (code === 'invalid-argument' && /rỗng/u.test(err.body.error.message.vi)) return { vi: `Tệp “${fileName}” rỗng (0 byte). Hãy chọn lại đúng tệp.`, en: `“${fileName}” is empty (0 bytes). Choose the right file again.` };
    const m = err.body.error.message;
    return m.vi.includes(fileName) ? m : { vi: `Không tải lên được tệp “${fileName}”: ${m.vi}`, en: `Could not upload “${fileName}”: ${m.en}` };
  }
  if (err instanceof DOMException && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
    return { vi: `Tải lên tệp “${fileName}” quá lâu nên đã dừng. Hãy thử lại khi mạng ổn định hơn, hoặc giảm dung lượng tệp.`, en: `Uploading “${fileName}” took too long and stopped. Try again on a steadier connection, or make the file smaller.` };
  }
  return { vi: `Mất kết nối khi tải lên tệp “${fileName}”. Kiểm tra mạng rồi chọn lại tệp.`, en: `The connection dropped while uploading “${fileName}”. Check your network and choose the file again.` };
}

/** Every chosen file that cannot be sent, as a problem shown beside the file input `inputId`. */
export function fileProblems(files: File[], inputId: string): FieldProblem[] {
  return files.flatMap((file) => {
    const problem = fileProblem(file);
    return problem ? [{ inputId, message: problem }] : [];
  });
}

/**
 * Uploads `file` with a progress bar, the percentage and a cancel button in `list` (a live region); the row
 * goes away when the upload ends. Throws `UploadCancelled` when the person cancels, else a plain error
 * naming the file (`describeUploadError` reads it).
 */
export async function uploadWithProgress(user: User, file: File, draftId: string | undefined, list: HTMLElement): Promise<UploadAnswer> {
  const bar = h('progress', { max: 100, value: 0, 'aria-label': t({ vi: `Đang tải lên ${file.name}`, en: `Uploading ${file.name}` }) });
  const percent = h('span', { class: 'percent', 'data-testid': 'upload-percent' }, '0%');
  const abort = new AbortController();
  const cancel = h('button', { type: 'button', class: 'secondary cancel-upload', 'aria-label': t({ vi: `Hủy tải lên tệp ${file.name}`, en: `Cancel uploading ${file.name}` }) }, t({ vi: 'Hủy', en: 'Cancel' }));
  cancel.addEventListener('click', () => abort.abort());
  const row = h('li', { class: 'uploading' }, h('span', { class: 'name' }, file.name), ' ', percent, bar, cancel);
  list.append(row);
  let shown = -1;
  try {
    return await uploadFile(
      user,
      file,
      draftId,
      (fraction) => {
        const value = Math.round(fraction * 100);
        bar.value = value;
        // Text changes only on whole percents, so the live region is not flooded.
        if (value !== shown) percent.textContent = `${(shown = value)}%`;
      },
      abort.signal,
    );
  } catch (err) {
    if (err instanceof UploadCancelled) row.after(cancelledNote(file.name));
    throw err;
  } finally {
    row.remove();
  }
}

export async function uploadFile(user: User, file: File, draftId: string | undefined, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadAnswer> {
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
    xhr.onabort = () => reject(new UploadCancelled(file.name));
    if (signal?.aborted) {
      reject(new UploadCancelled(file.name));
      return;
    }
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.ontimeout = () => reject(new DOMException('timeout', 'AbortError'));
    xhr.timeout = 120_000;
    xhr.send(form);
  });
}
