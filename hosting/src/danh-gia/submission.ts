// Sending the answers read from the form: the obvious checks first (a level and a yes/no are required),
// then the POST; the server's refusal either ends the page (already rated, not rateable) or lands beside
// the inputs.
import { ApiCallError, describeError } from '../shared/api.js';
import { byId } from '../shared/dom.js';
import { showFieldErrors } from '../shared/form-errors.js';
import { t } from '../shared/i18n.js';
import { sendRating } from './api.js';
import { code, rating, refusalOutcome, token } from './state.js';

/** The input that shows a server field error. */
const inputFor = (path: string) => (path === 'satisfaction' ? 'satisfaction' : path === 'officerAttitudeComplaint' ? 'complaint' : path === 'comment' ? 'comment' : '');

/** Sends `rating.answers`; true when the page has an outcome to show instead of the form. */
export async function send(form: HTMLElement, button: HTMLButtonElement): Promise<boolean> {
  const { answers } = rating;
  const problems = [
    ...(answers.satisfaction ? [] : [{ inputId: 'satisfaction', message: { vi: 'Chọn một mức độ hài lòng', en: 'Choose how satisfied you are' } }]),
    ...(answers.complaint === undefined ? [{ inputId: 'complaint', message: { vi: 'Chọn Có hoặc Không', en: 'Choose Yes or No' } }] : []),
  ];
  if (problems.length || !answers.satisfaction || answers.complaint === undefined) {
    showFieldErrors(form, problems);
    return false;
  }
  const status = byId('rating-status');
  button.disabled = true;
  status.dataset.state = 'pending';
  status.textContent = t({ vi: 'Đang gửi…', en: 'Sending…' });
  const body = {
    requestId: rating.requestId,
    code,
    ...(token ? { token } : {}),
    channel: 'online' as const,
    satisfaction: answers.satisfaction,
    officerAttitudeComplaint: answers.complaint,
    ...(answers.comment ? { comment: answers.comment } : {}),
  };
  try {
    await sendRating(body, token ? undefined : rating.owner);
    rating.outcome = 'thanks';
    return true;
  } catch (err) {
    button.disabled = false;
    const outcome = refusalOutcome(err);
    if (outcome) {
      rating.outcome = outcome;
      return true;
    }
    const fields = err instanceof ApiCallError ? (err.body?.error.fields ?? []) : [];
    if (fields.length) {
      showFieldErrors(form, fields.map((x) => ({ inputId: inputFor(x.path), message: x.message })));
    } else {
      // A new attempt after a network failure keeps the same requestId: the server answers it once.
      status.dataset.state = 'error';
      status.textContent = t(describeError(err));
    }
    return false;
  }
}
