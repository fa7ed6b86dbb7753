// Dossier statuses and their labels as plain data, without zod, so that web pages can show status labels
// without shipping the schema library (status.ts builds the schema from the same list).
import type { Bilingual } from '../shared/bilingual.js';

export const DOSSIER_STATUSES = [
  'draft',
  'registered',
  'received',
  'refused',
  'processing',
  'awaitingSupplement',
  'awaitingPayment',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;
type StatusName = (typeof DOSSIER_STATUSES)[number];
/** The status names as a plain type (status.ts has the schema of the same name). */
export type DossierStatusName = StatusName;

export type PortalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export type PortalSyncStatus =
  | 'receiving'
  | 'new'
  | 'denied'
  | 'processing'
  | 'waiting'
  | 'paying'
  | 'cancelled'
  | 'unresolved'
  | 'releasing'
  | 'done';

export interface StatusInfo {
  readonly portalCode: PortalStatusCode | null;
  readonly sync: PortalSyncStatus | null;
  readonly final: boolean;
  /**
   * The processing clock runs: the dossier can become due soon or overdue. It stops while a supplement is
   * awaited (the clock restarts or resumes when it arrives) and before reception.
   */
  readonly clockRuns: boolean;
  readonly label: Bilingual;
}

export const STATUS_INFO = {
  draft: { portalCode: null, sync: null, final: false, clockRuns: false, label: { vi: 'Hồ sơ nháp', en: 'Draft' } },
  registered: {
    portalCode: 1,
    sync: 'receiving',
    final: false, clockRuns: false,
    label: { vi: 'Mới đăng ký', en: 'Newly registered' },
  },
  received: { portalCode: 2, sync: 'new', final: false, clockRuns: true, label: { vi: 'Đã tiếp nhận', en: 'Received' } },
  refused: {
    portalCode: 3,
    sync: 'denied',
    final: true, clockRuns: false,
    label: { vi: 'Không được tiếp nhận', en: 'Refused at reception' },
  },
  processing: {
    portalCode: 4,
    sync: 'processing',
    final: false, clockRuns: true,
    label: { vi: 'Đang xử lý', en: 'In progress' },
  },
  awaitingSupplement: {
    portalCode: 5,
    sync: 'waiting',
    final: false, clockRuns: false,
    label: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  },
  awaitingPayment: {
    portalCode: 6,
    sync: 'paying',
    final: false, clockRuns: true,
    label: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment of financial obligation' },
  },
  withdrawn: {
    portalCode: 7,
    sync: 'cancelled',
    final: true, clockRuns: false,
    label: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant' },
  },
  stopped: {
    portalCode: 8,
    sync: 'unresolved',
    final: true, clockRuns: false,
    label: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  },
  resolved: {
    portalCode: 9,
    sync: 'releasing',
    final: false, clockRuns: false,
    label: { vi: 'Đã giải quyết, chờ trả kết quả', en: 'Resolved, ready to return' },
  },
  returned: {
    portalCode: 10,
    sync: 'done',
    final: true, clockRuns: false,
    label: { vi: 'Đã trả kết quả', en: 'Result returned' },
  },
} as const satisfies Record<StatusName, StatusInfo>;

/** Statuses in which the processing clock runs (received, processing, awaiting payment). */
export const CLOCK_RUNNING_STATUSES = DOSSIER_STATUSES.filter((s) => STATUS_INFO[s].clockRuns);

export function clockRunsIn(status: string): boolean {
  return (STATUS_INFO as Record<string, StatusInfo | undefined>)[status]?.clockRuns ?? false;
}
