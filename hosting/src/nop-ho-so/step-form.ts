// The frame every question page shares: step count, focusable heading, labelled text inputs, the
// Continue / Back / "save and come back later" buttons, and what happens after Continue (show the
// problems, or move on — back to the check page when the citizen came from a "change" link).
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { clearFieldErrors, showFieldErrors, type FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { stepFrameView } from '../../../functions/src/contract/views/apply-view.js';
import { toDom } from '../shared/view-dom.js';
import { go, readCurrentStep, save, saveLine, STEPS, wizard, type Step } from './state.js';

export function heading(text: string): HTMLElement {
  return h('h2', { id: 'step-title', tabindex: '-1' }, text);
}

export function progressLine(current: Step): HTMLElement {
  const index = STEPS.indexOf(current) + 1;
  return h('p', { class: 'step-count' }, t({ vi: `Bước ${index}/${STEPS.length}`, en: `Step ${index} of ${STEPS.length}` }));
}

export function textInput(id: string, label: Bilingual, value: string | undefined, opts: { type?: string; autocomplete?: string; hint?: Bilingual; maxlength?: number; inputmode?: string } = {}): HTMLElement[] {
  const hintId = opts.hint ? `${id}-hint` : undefined;
  const parts: HTMLElement[] = [h('label', { for: id }, t(label))];
  if (opts.hint) parts.push(h('p', { class: 'hint', id: hintId }, t(opts.hint)));
  parts.push(h('input', { id, name: id, type: opts.type ?? 'text', value: value ?? '', autocomplete: opts.autocomplete ?? 'off', maxlength: opts.maxlength ?? 100, inputmode: opts.inputmode, 'aria-describedby': hintId, spellcheck: 'false' }));
  return parts;
}

export const valueOf = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value.trim() ?? '';

async function saveForLater(): Promise<void> {
  readCurrentStep();
  await save();
  const line = document.getElementById('save-status');
  if (line && wizard.savedAt) line.textContent = t({ vi: `Đã lưu nháp lúc ${formatDateTime(wizard.savedAt)}. Bạn có thể quay lại trang này để làm tiếp.`, en: `Draft saved at ${formatDateTime(wizard.savedAt)}. Come back to this page to carry on.` });
}

export function stepForm(current: Step, body: (HTMLElement | null)[], onNext: () => void, onBack?: () => void): HTMLElement {
  // The frame is the contract's (the server draws step 1 in it); the body and the handlers are the page's.
  const form = toDom(stepFrameView(current, [], { back: onBack !== undefined, returnToCheck: wizard.returnToCheck }, t)) as HTMLFormElement;
  form.querySelector('.actions')!.before(...body.filter((b): b is HTMLElement => b !== null));
  form.querySelector('#save-status')!.replaceWith(saveLine());
  form.querySelector('#back')?.addEventListener('click', () => onBack?.());
  form.querySelector('#save-later')!.addEventListener('click', () => void saveForLater());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onNext();
  });
  return form;
}

export function afterStep(current: Step, problems: FieldProblem[], next: Step): void {
  const form = document.getElementById(`step-${current}`)!;
  // The step's own check now speaks for the answers on screen: a language switch must not bring back
  // the server's older errors over what the citizen has since corrected.
  wizard.shownServerErrors = undefined;
  if (problems.length) {
    showFieldErrors(form, problems);
    return;
  }
  clearFieldErrors(form);
  if (wizard.returnToCheck) {
    wizard.returnToCheck = false;
    go('check');
  } else go(next);
}
