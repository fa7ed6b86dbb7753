// Scans of the paper documents handed in at the desk (Decree 118/2025 Art. 17.1): for each component
// the receptionist attaches one or more files (the browser's file input; a scanner's output folder is
// chosen the same way), uploaded at once with POST /api/uploads as the officer and sent with the intake as
// `uploadIds`. The server records each with its uploader and SHA-256 (store/uploads.ts). Files are
// checked here first only to spare a slow upload that would fail; the server checks them again.
import type { User } from 'firebase/auth';
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { ACCEPT_ATTRIBUTE, describeUploadError, FILE_HINT, fileProblem, UploadCancelled, uploadWithProgress, type UploadAnswer } from '../shared/upload.js';
import { tx } from './labels.js';

export type DeskScans = {
  /** The file input, its hint, progress and the files attached so far, for component `index`. */
  block: (componentId: string, index: number, onAdded: () => void) => HTMLElement;
  /** The upload ids attached to a component (in the order they were added). */
  uploadIdsOf: (componentId: string) => string[];
  /** The component (by id) an upload id is attached to. */
  componentOfUpload: (uploadId: string) => string | undefined;
  /** Forgets every scan (another procedure, or a new walk-in). */
  clear: () => void;
};

export function deskScans(user: User): DeskScans {
  const scans = new Map<string, UploadAnswer[]>();

  function fileList(componentId: string, list: HTMLElement): void {
    const files = scans.get(componentId) ?? [];
    list.replaceChildren(
      ...files.map((f, i) =>
        h(
          'li',
          { 'data-upload': f.uploadId },
          `${f.fileName} (${Math.max(1, Math.round(f.size / 1024))} KB) `,
          h(
            'button',
            {
              type: 'button',
              class: 'secondary small',
              'aria-label': tx(`Bỏ bản quét ${f.fileName}`, `Remove the scan ${f.fileName}`),
              onclick: () => {
                files.splice(i, 1);
                fileList(componentId, list);
              },
            },
            tx('Bỏ', 'Remove'),
          ),
        ),
      ),
    );
    list.hidden = files.length === 0;
  }

  function showError(line: HTMLElement, input: HTMLInputElement, messages: Bilingual[]): void {
    line.textContent = messages.map((m) => t(m)).join(' ');
    line.hidden = messages.length === 0;
    if (messages.length > 0) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function block(componentId: string, index: number, onAdded: () => void): HTMLElement {
    const id = `comp-${index}-scan`;
    const path = `components.${index}.uploadIds`;
    const input = h('input', { type: 'file', id, multiple: true, accept: ACCEPT_ATTRIBUTE, 'data-path': path, 'data-scan': componentId, 'aria-describedby': `${id}-hint ${id}-error` });
    const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': path, hidden: true });
    const progress = h('ul', { class: 'progress-list', 'aria-live': 'polite' });
    const list = h('ul', { class: 'scanned', id: `${id}-files`, 'aria-label': tx('Bản quét đã đính kèm', 'Scans attached') });
    fileList(componentId, list);
    input.addEventListener('change', async () => {
      const files = Array.from(input.files ?? []);
      input.value = '';
      const refused = files.map(fileProblem).filter((p): p is Bilingual => p !== undefined);
      showError(error, input, refused);
      if (refused.length > 0) return;
      const failures: Bilingual[] = [];
      for (const file of files) {
        try {
          const uploaded = await uploadWithProgress(user, file, undefined, progress);
          scans.set(componentId, [...(scans.get(componentId) ?? []), uploaded]);
        } catch (err) {
          if (!(err instanceof UploadCancelled)) failures.push(describeUploadError(err, file.name));
        }
      }
      fileList(componentId, list);
      showError(error, input, failures);
      if (files.length > failures.length) onAdded();
    });
    return h(
      'div',
      { class: 'scans' },
      h('label', { for: id }, tx('Bản quét giấy tờ (một hoặc nhiều tệp)', 'Scans of the paper document (one or more files)')),
      h('p', { class: 'hint', id: `${id}-hint` }, t(FILE_HINT)),
      error,
      input,
      progress,
      list,
    );
  }

  return {
    block,
    uploadIdsOf: (componentId) => (scans.get(componentId) ?? []).map((f) => f.uploadId),
    componentOfUpload: (uploadId) => [...scans].find(([, files]) => files.some((f) => f.uploadId === uploadId))?.[0],
    clear: () => scans.clear(),
  };
}
