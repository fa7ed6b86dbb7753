// The dossier code as citizens need it on a phone: kept whole on one line (a code broken mid-number is
// misread when copied by hand, at the desk or over the phone), with a button that copies it.
import { h } from './dom.js';
import { t } from './i18n.js';

/** Copies `text`; older browsers and pages without clipboard permission fall back to selecting the text. */
async function copy(text: string, source: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}

/**
 * The last copy, so that a list or page redrawn by a live update just after the tap still says it (the
 * redraw replaces the button and its status line); forgotten after a short while.
 */
let lastCopy: { code: string; copied: boolean; at: number } | undefined;
const REMEMBER_MS = 10_000;

const statusText = (copied: boolean) =>
  copied
    ? t({ vi: 'Đã chép mã hồ sơ.', en: 'Dossier code copied.' })
    : t({ vi: 'Mã đã được chọn: bấm giữ để sao chép.', en: 'The code is selected: long-press to copy.' });

/**
 * `<span class="dossier-code">` (no break inside) and a "Chép mã" button with its own status line.
 * `testId` names the code for tests and pages that already used one.
 */
export function dossierCodeWithCopy(code: string, opts: { testId?: string; big?: boolean } = {}): HTMLElement {
  const value = h('span', { class: `dossier-code${opts.big ? ' big-code' : ''}`, 'data-testid': opts.testId, translate: 'no' }, code);
  const said = h('span', { class: 'copy-status', role: 'status' });
  if (lastCopy && lastCopy.code === code && Date.now() - lastCopy.at < REMEMBER_MS) said.textContent = statusText(lastCopy.copied);
  const button = h(
    'button',
    { type: 'button', class: 'secondary copy-code', 'aria-label': t({ vi: `Chép mã hồ sơ ${code}`, en: `Copy the dossier code ${code}` }) },
    t({ vi: 'Chép mã', en: 'Copy' }),
  );
  button.addEventListener('click', () => copyAndSay(code, value));
  return h('span', { class: 'code-copy', 'data-code': code }, value, ' ', button, said);
}

function copyAndSay(code: string, value: HTMLElement): void {
  void copy(code, value).then((copied) => {
    lastCopy = { code, copied, at: Date.now() };
    // The line on screen now: this one, or its replacement if a redraw came while the clipboard answered.
    for (const line of document.querySelectorAll<HTMLElement>(`.code-copy[data-code="${CSS.escape(code)}"] .copy-status`)) line.textContent = statusText(copied);
  });
}

const wired = new WeakSet<HTMLElement>();

/**
 * The copy buttons of codes drawn from a shared view tree (contract/views/my-dossiers-view.ts
 * `dossierCodeView`), by the page or already by the server: one listener on `root`, so redraws need no
 * wiring; call again after each draw to say the last copy on the redrawn lines.
 */
export function copyCodesIn(root: HTMLElement): void {
  if (!wired.has(root)) {
    wired.add(root);
    root.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest?.('.code-copy .copy-code');
      const box = button?.closest<HTMLElement>('.code-copy');
      const value = box?.querySelector<HTMLElement>('.dossier-code');
      if (box?.dataset.code && value) copyAndSay(box.dataset.code, value);
    });
  }
  if (lastCopy && Date.now() - lastCopy.at < REMEMBER_MS) {
    for (const line of root.querySelectorAll<HTMLElement>(`.code-copy[data-code="${CSS.escape(lastCopy.code)}"] .copy-status`)) line.textContent = statusText(lastCopy.copied);
  }
}
