// The citizen's own actions on a dossier: before reception they may withdraw it; from valid reception until
// the result is issued they ask to stop processing, with a reason, and the desk confirms (Decree 118/2025
// Art. 21: withdrawal after reception gave way to the stop request). Exactly what the server allows
// (`allowedActions` of GET /api/dossiers/:id) is offered (view-own-actions.ts). The form, its confirmation
// and one POST against the version the citizen saw, keyed by a request id reused when the same request is
// sent again; a stale version reloads the dossier and says so.
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { newRequestId } from '../shared/session.js';
import { sendAction } from './api.js';
import { loadAnswer } from './live.js';
import { dossierId, ownAction, page, render, type OwnAction } from './state.js';
import type { DossierDoc } from './store.js';

const REASON_REQUIRED: Bilingual = { vi: 'Nêu lý do bạn đề nghị dừng giải quyết hồ sơ', en: 'Say why you ask to stop processing' };

/** The JSON of the last request sent and its id: the same request again reuses the id. */
let sent: { json: string; requestId: string } | undefined;

function focus(id: string): void {
  document.getElementById(id)?.focus();
}

function reset(): void {
  Object.assign(ownAction, { open: undefined, confirming: false, sending: false, reason: '', problem: undefined });
}

export function openOwnAction(kind: OwnAction): void {
  reset();
  ownAction.open = kind;
  render();
  focus('own-action-reason');
}

export function closeOwnAction(): void {
  reset();
  render();
  focus('own-action-open');
}

/** "Continue": the reason is checked here (the server checks again), then the confirmation step. */
export function reviewOwnAction(): void {
  ownAction.reason = ownAction.reason.trim();
  if (ownAction.open === 'requestStop' && !ownAction.reason) {
    ownAction.problem = REASON_REQUIRED;
    render();
    focus('own-action-reason');
    return;
  }
  ownAction.problem = undefined;
  ownAction.confirming = true;
  render();
  focus('own-action-send');
}

export function backToForm(): void {
  ownAction.confirming = false;
  render();
  focus('own-action-reason');
}

const DONE: Record<OwnAction, Bilingual> = {
  requestStop: {
    vi: 'Đã gửi đề nghị dừng giải quyết hồ sơ. Bộ phận Một cửa sẽ xác nhận và gửi thông báo cho bạn (mẫu 05).',
    en: 'Your request to stop processing was sent. The one-stop desk will confirm it and send you a notice (form 05).',
  },
  withdraw: { vi: 'Đã rút hồ sơ.', en: 'The dossier was withdrawn.' },
};

export async function sendOwnAction(d: DossierDoc): Promise<void> {
  const kind = ownAction.open;
  if (!kind || !page.user || ownAction.sending) return;
  const reason = ownAction.reason.trim();
  const action = kind === 'requestStop' ? { type: 'requestStop' as const, reason } : { type: 'withdraw' as const, ...(reason ? { reason } : {}) };
  const json = JSON.stringify(action);
  if (!sent || sent.json !== json) sent = { json, requestId: newRequestId() };
  ownAction.sending = true;
  render();
  try {
    await sendAction(page.user, dossierId, { requestId: sent.requestId, expectedVersion: d.version, action });
    sent = undefined;
    reset();
    page.message = { state: 'ok', text: DONE[kind], untilVersion: d.version + 1 };
    render();
    focus('dossier-message');
  } catch (err) {
    ownAction.sending = false;
    const body = err instanceof ApiCallError ? err.body : undefined;
    if (body?.error.reason === 'staleVersion') {
      sent = undefined;
      reset();
      page.message = { state: 'error', text: { vi: 'Hồ sơ vừa được cập nhật. Trang đã tải lại; vui lòng kiểm tra lại.', en: 'The dossier has just changed. The page has been reloaded; please check it again.' }, untilVersion: Number.MAX_SAFE_INTEGER };
      await loadAnswer();
      focus('dossier-message');
      return;
    }
    const onReason = body?.error.fields.find((f) => f.path === 'action.reason');
    if (onReason) {
      ownAction.confirming = false;
      ownAction.problem = onReason.message;
      render();
      focus('own-action-reason');
      return;
    }
    page.message = { state: 'error', text: describeError(err), untilVersion: d.version };
    render();
    focus('dossier-message');
  }
}
