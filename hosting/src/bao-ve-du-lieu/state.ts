// The queue page's state (no DOM): who is signed in, the queue as last loaded, what the officer has typed
// for each request (kept across redraws), the deletion awaiting confirmation, the action being sent, and
// the outcome of the last one — a page-level note, or a message beside the field the server named.
import type { User } from 'firebase/auth';
import { ApiCallError, describeError, type Bilingual } from '../shared/api.js';
import { actOn, loadQueue, type DataRequestAction, type QueuedRequest } from './api.js';

export const page: {
  user?: User;
  queue?: QueuedRequest[];
  /** The officer's message per request id, as typed. */
  drafts: Record<string, string>;
  /** The deletion request whose completion waits for a second, explicit confirmation. */
  confirming?: string;
  /** The request whose action is being sent: its buttons are disabled meanwhile. */
  pending?: string;
  note?: { state: 'ok' | 'error'; text: Bilingual };
  fieldError?: { requestId: string; message: Bilingual };
  /** The element to focus after the next redraw (the invalid field, the confirmation, the outcome), once. */
  focus?: string;
} = { drafts: {} };

let redraw: () => void = () => {};
/** main.ts plugs the renderer in. */
export function connect(render: () => void): void {
  redraw = render;
}

const NOT_ADMIN: Bilingual = { vi: 'Trang này dành cho quản trị viên (người phụ trách bảo vệ dữ liệu cá nhân). Tài khoản của bạn không dùng được ở đây.', en: 'This page is for administrators (the data protection officer). Your account cannot use it.' };

export async function reload(): Promise<void> {
  if (!page.user) return;
  try {
    page.queue = await loadQueue(page.user);
  } catch (err) {
    page.queue = undefined;
    page.note = { state: 'error', text: err instanceof ApiCallError && err.status === 403 ? NOT_ADMIN : describeError(err) };
  }
  redraw();
}

export function signedIn(user: User): void {
  page.user = user;
  page.note = undefined;
  void reload();
}

export function signedOut(): void {
  Object.assign(page, { user: undefined, queue: undefined, confirming: undefined, pending: undefined, note: undefined, fieldError: undefined, drafts: {} });
}

/** Completing a deletion erases an account: it takes a second click on a button that says so. */
export function askToConfirm(requestId: string | undefined): void {
  const was = page.confirming;
  page.confirming = requestId;
  page.fieldError = undefined;
  page.focus = requestId ? `confirm-${requestId}` : `action-${was}-complete`;
  redraw();
}

function done(r: QueuedRequest, type: DataRequestAction, erased: { documents: number; files: number } | undefined): Bilingual {
  if (erased) {
    return {
      vi: `Đã xóa tài khoản ${r.uid} cùng ${erased.documents} bản ghi và ${erased.files} tệp; các hồ sơ đã nộp được giữ theo quy định về lưu trữ.`,
      en: `Account ${r.uid} erased with ${erased.documents} records and ${erased.files} files; filed dossiers are kept as archiving law requires.`,
    };
  }
  const what: Record<DataRequestAction, Bilingual> = {
    reply: { vi: 'Đã gửi trả lời', en: 'Reply sent' },
    extend: { vi: 'Đã gia hạn thêm 15 ngày', en: 'Extended by 15 days' },
    complete: { vi: 'Đã hoàn thành yêu cầu', en: 'Request completed' },
    refuse: { vi: 'Đã từ chối yêu cầu', en: 'Request refused' },
  };
  return { vi: `${what[type].vi} (${r.uid}).`, en: `${what[type].en} (${r.uid}).` };
}

export async function act(r: QueuedRequest, type: DataRequestAction): Promise<void> {
  if (!page.user || page.pending) return;
  page.pending = r.id;
  page.fieldError = undefined;
  page.note = undefined;
  redraw();
  try {
    const answer = await actOn(page.user, r.id, type, page.drafts[r.id] ?? '');
    page.note = { state: 'ok', text: done(r, type, answer.erased) };
    page.confirming = undefined;
    page.focus = 'queue-status';
    delete page.drafts[r.id];
  } catch (err) {
    const field = err instanceof ApiCallError ? err.body?.error.fields.find((f) => f.path === 'message') : undefined;
    if (field) page.fieldError = { requestId: r.id, message: field.message };
    else page.note = { state: 'error', text: describeError(err) };
    page.focus = field ? `message-${r.id}` : 'queue-status';
  } finally {
    page.pending = undefined;
  }
  await reload();
}
