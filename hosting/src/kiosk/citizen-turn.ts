// A citizen's turn at the kiosk: the scanned or typed code looked up (a dossier already rated, or not
// yet returned, ends there), then the rating checked and sent. Each step shows the next screen. The rating
// carries the proof that the citizen holds the receipt: the QR's token, or the rating code printed on it
// (the kiosk's own account proves nothing: desk staff know its password).
import { ApiCallError, describeError } from '../shared/api.js';
import { newRequestId } from '../shared/session.js';
import { lookUp, sendRating } from './api.js';
import { parseScan } from './scan.js';
import { kiosk, render, show, type Draft } from './state.js';

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
    const state = view.view === 'full' ? view.rating : undefined;
    if (state?.rated) return show({ kind: 'alreadyRated', code: view.code });
    if (state && !state.rateable) return show({ kind: 'notRateable', view });
    show({
      kind: 'rate',
      draft: { scanned, view, satisfaction: null, complaint: null, comment: '', ratingCode: '', requestId: newRequestId(), errors: {}, sending: false },
    });
  } catch (err) {
    // Shown with the code as typed, so the citizen can correct it.
    show({ kind: 'start', typed: scanned.code, error: describeError(err) });
  }
}

export async function send(draft: Draft): Promise<void> {
  const device = kiosk.device;
  if (!device || draft.sending) return;
  draft.errors = {};
  const ratingCode = draft.ratingCode.replace(/[\s-]/g, '');
  if (!draft.scanned.token && !/^\d{8}$/.test(ratingCode)) {
    draft.errors.ratingCode = { vi: 'Vui lòng nhập đủ 8 chữ số của mã đánh giá in trên giấy tiếp nhận.', en: 'Please type the 8 digits of the rating code printed on your receipt.' };
  }
  if (!draft.satisfaction) draft.errors.satisfaction = { vi: 'Vui lòng chọn một mức độ hài lòng.', en: 'Please choose a satisfaction level.' };
  if (draft.complaint === null) draft.errors.officerAttitudeComplaint = { vi: 'Vui lòng chọn Có hoặc Không.', en: 'Please choose Yes or No.' };
  if (draft.comment.length > 2000) draft.errors.comment = { vi: 'Ý kiến tối đa 2000 ký tự.', en: 'At most 2000 characters.' };
  if (Object.keys(draft.errors).length > 0 || !draft.satisfaction || draft.complaint === null) return show({ kind: 'rate', draft });

  draft.sending = true;
  render();
  const body = {
    requestId: draft.requestId, // reused if the citizen presses send again after a failure
    code: draft.view.code,
    ...(draft.scanned.token ? { token: draft.scanned.token } : { ratingCode }),
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
      draft.errors.ratingCode = { vi: 'Mã đánh giá không khớp với hồ sơ này. Vui lòng kiểm tra lại trên giấy tiếp nhận.', en: 'This rating code does not match the dossier. Please check it on your receipt.' };
    } else if (err instanceof ApiCallError && err.body) {
      for (const field of err.body.error.fields) {
        const key = field.path.split('.')[0];
        if (key === 'ratingCode' || key === 'satisfaction' || key === 'officerAttitudeComplaint' || key === 'comment') draft.errors[key] = field.message;
      }
    }
    if (Object.keys(draft.errors).length === 0) draft.errors.form = describeError(err);
    show({ kind: 'rate', draft });
  }
}
