// The frame every question page shares: step count, focusable heading, labelled text inputs, the
// Continue / Back / "save and come back later" buttons, and what happens after Continue (show the
// problems, or move on — back to the check page when the citizen came from a "change" link).
import type { Bilingual } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { formatDateTime } from '../shared/format.js';
import { clearFieldErrors, showFieldErrors, type FieldProblem } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { go, readCurrentStep, save, saveLine, STEP_TITLES, STEPS, wizard, type Step } from './state.js';

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

function navButtons(onBack: (() => void) | undefined, nextLabel: Bilingual = { vi: 'Tiếp tục', en: 'Continue' }): HTMLElement {
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'submit', id: 'next' }, t(wizard.returnToCheck ? { vi: 'Lưu và quay lại trang kiểm tra', en: 'Save and return to the check page' } : nextLabel)),
    onBack ? h('button', { type: 'button', class: 'secondary', id: 'back', onclick: onBack }, t({ vi: 'Quay lại', en: 'Back' })) : null,
    h('button', { type: 'button', class: 'link', id: 'save-later', onclick: () => void saveForLater() }, t({ vi: 'Lưu nháp, làm tiếp sau', en: 'Save and come back later' })),
  );
}

async function saveForLater(): Promise<void> {
  readCurrentStep();
  await save();
  const line = document.getElementById('save-status');
  if (line && wizard.savedAt) line.textContent = t({ vi: `Đã lưu nháp lúc ${formatDateTime(wizard.savedAt)}. Bạn có thể quay lại trang này để làm tiếp.`, en: `Draft saved at ${formatDateTime(wizard.savedAt)}. Come back to this page to carry on.` });
}

export function stepForm(current: Step, body: (HTMLElement | null)[], onNext: () => void, onBack?: () => void): HTMLElement {
  const form = h('form', { id: `step-${current}`, novalidate: true }, progressLine(current), heading(t(STEP_TITLES[current])), ...body, navButtons(onBack), saveLine());
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
