// A stored data subject request as its requester and the officer queue see it, with lateness worked out
// by the domain at the time of reading.
import { dataRequestLateness, type DataRequestKind, type DataRequestStatus } from '../../domain/index.js';
import type { DataRequestView } from '../../contract/index.js';
import { revive } from '../../store/revive.js';

const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : null);

export function toRequestView(id: string, raw: Record<string, unknown>, now: Date): DataRequestView {
  const d = revive(raw) as Record<string, unknown>;
  const clock = {
    receivedAt: d.receivedAt as Date,
    replyDueAt: d.replyDueAt as Date,
    completeDueAt: d.completeDueAt as Date,
    status: d.status as DataRequestStatus,
    ...(d.repliedAt instanceof Date ? { repliedAt: d.repliedAt } : {}),
    ...(d.extendedAt instanceof Date ? { extendedAt: d.extendedAt } : {}),
  };
  const late = dataRequestLateness(clock, now);
  return {
    id,
    kind: d.kind as DataRequestKind,
    details: String(d.details ?? ''),
    status: clock.status,
    receivedAt: iso(d.receivedAt) ?? '',
    replyDueAt: iso(d.replyDueAt) ?? '',
    completeDueAt: iso(d.completeDueAt) ?? '',
    repliedAt: iso(d.repliedAt),
    reply: typeof d.reply === 'string' ? d.reply : null,
    extendedAt: iso(d.extendedAt),
    extensionReason: typeof d.extensionReason === 'string' ? d.extensionReason : null,
    closedAt: iso(d.closedAt),
    outcome: typeof d.outcome === 'string' ? d.outcome : null,
    replyLate: late.replyLate,
    completeLate: late.completeLate,
  };
}
