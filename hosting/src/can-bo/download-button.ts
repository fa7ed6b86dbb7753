// A button that fetches a file with the officer's token (a plain link cannot carry it) and reports in a
// status element beside it: attachments are saved, slips opened for printing. One helper so both say
// "loading" and show the error the same way.
import { h } from '../shared/dom.js';

export type DownloadButton = {
  /** Fetches the file (api.ts). */
  fetch: () => Promise<Blob>;
  /** Class and data-* attributes the tests and styles select by. */
  attrs: Record<string, string>;
  label: string;
  status: HTMLElement;
  loadingText: string;
  /** Runs with the file once fetched; it updates `status` itself. */
  onBlob: (blob: Blob) => void;
  errorText: (err: unknown) => string;
};

export function downloadButton(o: DownloadButton): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      ...o.attrs,
      onclick: async () => {
        o.status.textContent = o.loadingText;
        try {
          o.onBlob(await o.fetch());
        } catch (err) {
          o.status.textContent = o.errorText(err);
        }
      },
    },
    o.label,
  );
}
