// The due date as the citizen should read it. While a supplement is awaited the clock does not run, so
// the page says "paused, set again once the documents are complete" instead of a date that will change;
// once a date was set again after a supplement, it says so and why (the receipt in hand still shows the
// date printed at reception; the page is what counts). Shared by My dossiers' views and the server's
// first view of the list (features/dossiers/my-dossiers-page.ts).
import type { Bilingual } from '../../domain/shared/bilingual.js';

/** A time as the pages get it: an ISO string (API), a Date, or a Firestore Timestamp (live listeners). */
export type Stamp = { toDate(): Date } | string | Date | null | undefined;

/** A Stamp as a Date; undefined when there is none. */
export function stampDate(value: unknown): Date | undefined {
  if (!value) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value);
  const stamp = value as { toDate?: unknown };
  return typeof stamp.toDate === 'function' ? (stamp as { toDate(): Date }).toDate() : undefined;
}

export type DueState =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'set'; at: Date; changedAfterSupplement?: Date };

export function dueState(d: {
  status: string;
  dueAt?: Stamp;
  receivedAt?: Stamp;
  supplement?: { requestedAt: Stamp; submittedAt?: Stamp } | null;
}): DueState {
  if (d.status === 'awaitingSupplement') return d.dueAt || d.receivedAt ? { kind: 'paused' } : { kind: 'none' };
  const at = stampDate(d.dueAt);
  if (!at) return { kind: 'none' };
  const received = stampDate(d.receivedAt);
  const requested = stampDate(d.supplement?.requestedAt);
  const answered = stampDate(d.supplement?.submittedAt);
  // A supplement asked for after reception and answered: the clock was set again on that answer.
  if (received && requested && answered && requested > received) return { kind: 'set', at, changedAfterSupplement: answered };
  return { kind: 'set', at };
}

export const PAUSED: Bilingual = {
  vi: 'Tạm dừng — tính lại khi bổ sung đủ',
  en: 'Paused — set again once the documents are complete',
};

export const PAUSED_HINT: Bilingual = {
  vi: 'Thời gian giải quyết không tính trong lúc chờ bạn bổ sung. Khi bạn gửi đủ giấy tờ, ngày hẹn trả mới được tính và hiện tại đây.',
  en: 'The processing time does not run while your documents are awaited. Once you send them all, the new result date is set and shown here.',
};

/** Why the date differs from the receipt's: the clock was set again when the supplement arrived. */
export function changedNote(answeredAt: string): Bilingual {
  return {
    vi: `Ngày hẹn đã được tính lại khi bạn gửi đủ giấy tờ bổ sung (${answeredAt}). Giấy tiếp nhận đã in vẫn ghi ngày hẹn cũ; ngày hẹn đúng là ngày trên trang này.`,
    en: `The result date was set again when your supplement arrived (${answeredAt}). The printed receipt still shows the earlier date; the date on this page is the one that counts.`,
  };
}
