// The lookup's answer, in Vietnamese with English on request (the header's switch; a phone shows one
// language, not every label twice). What it says is the contract's lookupAnswer() and lookupAnswerView(), which the server also
// uses when it sends this page with the answer already in the HTML (functions/src/features/lookup/lookup-page.ts).
import {
  lookupAnswer,
  lookupAnswerView,
  type LookupAnswer,
} from '../../../functions/src/contract/views/lookup-answer.js';
import type { Bilingual } from '../shared/api.js';
import { onLangChange, t } from '../shared/i18n.js';
import { drawInto } from '../shared/view-dom.js';
import type { LookupView } from './api.js';

const result = document.getElementById('result') as HTMLElement;

/** What is on show, drawn again when the language changes. */
let drawn: (() => void) | undefined;
onLangChange(() => drawn?.());

export function showPending(): void {
  drawn = undefined;
  result.dataset.state = 'pending';
  result.textContent = t({ vi: 'Đang tra cứu…', en: 'Looking up…' });
}

export function showError(message: Bilingual): void {
  drawn = () => {
    result.dataset.state = 'error';
    result.textContent = t(message);
  };
  drawn();
}

function draw(answer: LookupAnswer): void {
  drawInto(result, ...lookupAnswerView(answer, t));
  result.dataset.state = 'ok';
}

export function showView(view: LookupView, token: string | null): void {
  const answer = lookupAnswer(view, token);
  drawn = () => draw(answer);
  drawn();
}
