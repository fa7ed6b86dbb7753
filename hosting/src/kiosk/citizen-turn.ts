// A citizen's turn at the kiosk: the scanned or typed code looked up (a dossier already rated, or not
// yet returned, ends there; a typed code first asks for the receipt's rating code, which the lookup
// checks), then the rating checked and sent. Each step shows the next screen. The rating
// carries the proof that the citizen holds the receipt: the QR's token, or the rating code printed on it
// (the kiosk's own account proves nothing: desk staff know its password).
import { ApiCallError, describeError } from '../shared/api.js';
import { newRequestId } from '../shared/session.js';
import { isRateableStatus, type FullView } from '../../../functions/src/contract/index.js';
import { lookUp, lookUpWithRatingCode, sendRating } from './api.js';
import { parseScan, type Scanned } from './scan.js';
import { kiosk, render, show, type Draft, type Screen } from './state.js';

export async function lookUpCode(raw: string, button: HTMLButtonElement): Promise<void> {
  if (!kiosk.device) return;
  const scanned = parseScan(raw, kiosk.device.agencyId);
  if (!scanned) {
    show({
      kind: 'start',
      typed: raw,
      error: raw.trim()
        ? { vi: 'Mã hồ sơ không hợp lệ. Vui lòng quét lại mã QR hoặc kiểm tra mã trên giấy tiếp nhận.', en: 'This is not a dossier code. Please scan the QR code again or check the code on your receipt.' }
        : { vi: 'Vui lòng quét mã QR hoặc nhập mã hồ sơ.', en: 'Please scan the QR code or type the dossier code.' },
    });
    return;
  }
  button.disabled = true;
  try {
    const view = await lookUp(scanned);
    if (view.view === 'basic') {
      // A typed code proves nothing (codes are sequential): a dossier not yet returned ends here, otherwise
      // the receipt's rating code is asked for first, so "already rated" comes before any form.
      if (!isRateableStatus(view.status)) return show({ kind: 'notRateable', view });
      return show({ kind: 'proof', scanned, view, typed: '', error: null, sending: false });
    }
    startRating(scanned, view, '');
  } catch (err) {
    // Shown with the code as typed, so the citizen can correct it.
    show({ kind: 'start', typed: scanned.code, error: describeError(err) });
  }
}

/** The rated, not-yet-returned or rateable outcome of a full view: the end screen, or the form. */
function startRating(scanned: Scanned, view: FullView, ratingCode: string): void {
  if (view.rating.rated) return show({ kind: 'alreadyRated', code: view.code });
  if (!view.rating.rateable) return show({ kind: 'notRateable', view });
  show({
    kind: 'rate',
    draft: { scanned, view, satisfaction: null, complaint: null, comment: '', ratingCode, requestId: newRequestId(), errors: {}, sending: false },
  });
}

/** The rating code typed from the receipt: checked by the lookup (the kiosk's account alone proves nothing). */
export async function proveReceipt(screen: Extract<Screen, { kind: 'proof' }>): Promise<void> {
  const device = kiosk.device;
  if (!device || screen.sending) return;
  const ratingCode = screen.typed.replace(/[\s-]/g, '');
  if (!/^\d{8}$/.test(ratingCode)) {
    return show({ ...screen, error: { vi: 'Vui lòng nhập đủ 8 chữ số của mã đánh giá in trên giấy tiếp nhận.', en: 'Please type the 8 digits of the rating code printed on your receipt.' } });
  }
  screen.sending = true;
  render();
  try {
    const view = await lookUpWithRatingCode(device.user, screen.view.code, ratingCode);
    if (view.view === 'full') return startRating(screen.scanned, view, ratingCode);
    show({ ...screen, sending: false, error: { vi: 'Mã đánh giá không khớp với hồ sơ này. Vui lòng kiểm tra lại trên giấy tiếp nhận.', en: 'This rating code does not match the dossier. Please check it on your receipt.' } });
  } catch (err) {
    show({ ...screen, sending: false, error: describeError(err) });
  }
}

export async function send(draft: Draft): Promise<void> {
  const device = kiosk.device;
  if (!device || draft.sending) return;
  draft.errors = {};
  if (!draft.satisfaction) draft.errors.satisfaction = { vi: 'Vui lòng chọn một mức độ hài lòng.', en: 'Please choose a satisfaction level.' };
  if (draft.complaint === null) draft.errors.officerAttitudeComplaint = { vi: 'Vui lòng chọn một trong hai ý về thái độ của cán bộ.', en: 'Please choose one of the two answers about the staff’s attitude.' };
  if (draft.comment.length > 2000) draft.errors.comment = { vi: 'Ý kiến tối đa 2000 ký tự.', en: 'At most 2000 characters.' };
  if (Object.keys(draft.errors).length > 0 || !draft.satisfaction || draft.complaint === null) return show({ kind: 'rate', draft });

  draft.sending = true;
  render();
  const body = {
    requestId: draft.requestId, // reused if the citizen presses send again after a failure
    code: draft.view.code,
    ...(draft.scanned.token ? { token: draft.scanned.token } : { ratingCode: draft.ratingCode }),
    channel: 'deskDevice' as const,
    satisfaction: draft.satisfaction,
    officerAttitudeComplaint: draft.complaint,
    ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {}),
  };
  try {
    await sendRating(device.user, body);
    show({ kind: 'thanks' });
  } catch (err) {
    draft.sending = false;
    const reason = err instanceof ApiCallError ? err.body?.error.reason : undefined;
    if (reason === 'alreadyRated') return show({ kind: 'alreadyRated', code: draft.view.code });
    if (reason === 'notRateable') return show({ kind: 'notRateable', view: draft.view });
    if (err instanceof ApiCallError && err.status === 404 && !draft.scanned.token) {
      // The code was looked up a moment ago: what does not match now is the rating code typed.
      draft.errors.form = { vi: 'Mã đánh giá không khớp với hồ sơ này. Vui lòng kiểm tra lại trên giấy tiếp nhận.', en: 'This rating code does not match the dossier. Please check it on your receipt.' };
    } else if (err instanceof ApiCallError && err.body) {
      for (const field of err.body.error.fields) {
        const key = field.path.split('.')[0];
        if (key === 'satisfaction' || key === 'officerAttitudeComplaint' || key === 'comment') draft.errors[key] = field.message;
      }
    }
    if (Object.keys(draft.errors).length === 0) draft.errors.form = describeError(err);
    show({ kind: 'rate', draft });
  }
}
