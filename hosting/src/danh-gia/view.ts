// What the rating page shows: the contract's rating views (functions/src/contract/views/rating-view.ts,
// which the server also prints into the page it sends), in the chosen language, with the form sent by
// this script as JSON.
import { ratingFailureView, ratingForm, ratingHeader, ratingOutcomeView, ratingTitle } from '../../../functions/src/contract/views/rating-view.js';
import { byId } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { drawInto, toDom } from '../shared/view-dom.js';
import { code, rating, token, type Satisfaction } from './state.js';
import { send } from './submission.js';

const app = byId('app');

/** The form, sending itself as JSON (the tree's post address is for a browser without this script). */
function form(): HTMLFormElement {
  const f = toDom(ratingForm(rating.answers, t, { action: location.pathname + location.search, requestId: rating.requestId })) as HTMLFormElement;
  const button = f.querySelector<HTMLButtonElement>('#send-rating')!;
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    readForm(f);
    void send(f, button).then((ended) => {
      if (ended) render();
    });
  });
  return f;
}

/** Copies the answers on screen into the state (before sending, and before a redraw in the other language). */
function readForm(f: HTMLElement): void {
  const s = f.querySelector<HTMLInputElement>('input[name="satisfaction"]:checked');
  const c = f.querySelector<HTMLInputElement>('input[name="complaint"]:checked');
  rating.answers.satisfaction = s ? (s.value as Satisfaction) : undefined;
  rating.answers.complaint = c ? c.value === 'yes' : undefined;
  rating.answers.comment = (f.querySelector<HTMLTextAreaElement>('#comment')?.value ?? '').trim();
}

export function render(): void {
  const { failure, outcome, view, owner } = rating;
  if (failure) {
    app.dataset.state = 'error';
    drawInto(app, ratingTitle(t), ratingFailureView(failure, t));
    return;
  }
  if (outcome) {
    app.dataset.state = outcome;
    drawInto(app, ratingTitle(t), ratingHeader(view, code, t), ratingOutcomeView(outcome, t));
    byId('rating-title').focus();
    return;
  }
  if (!view || (!token && !owner)) return; // the owner's sign-in form is showing
  // Answers chosen before this script arrived (on the form the server drew), or before a language switch, are kept.
  const f = document.getElementById('rating-form');
  if (f) readForm(f);
  app.dataset.state = 'form';
  drawInto(app, ratingTitle(t), ratingHeader(view, code, t));
  app.append(form());
}
