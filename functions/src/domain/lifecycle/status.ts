// Dossier statuses. The ten synced statuses map one to one onto the national portal's status codes and its
// sync vocabulary, so a sync adapter is a table lookup. `draft` exists only inside this product (a citizen's
// unsent application) and is never synced.
import { z } from 'zod';
import type { Bilingual } from '../shared/bilingual.js';

export const DossierStatus = z
  .enum([
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
  ])
  .describe('Trạng thái hồ sơ / dossier status');
export type DossierStatus = z.infer<typeof DossierStatus>;

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

interface StatusInfo {
  readonly portalCode: PortalStatusCode | null;
  readonly sync: PortalSyncStatus | null;
  readonly final: boolean;
  readonly label: Bilingual;
}

export const STATUS_INFO = {
  draft: { portalCode: null, sync: null, final: false, label: { vi: 'Hồ sơ nháp', en: 'Draft' } },
  registered: {
    portalCode: 1,
    sync: 'receiving',
    final: false,
    label: { vi: 'Mới đăng ký', en: 'Newly registered' },
  },
  received: { portalCode: 2, sync: 'new', final: false, label: { vi: 'Đã tiếp nhận', en: 'Received' } },
  refused: {
    portalCode: 3,
    sync: 'denied',
    final: true,
    label: { vi: 'Không được tiếp nhận', en: 'Refused at reception' },
  },
  processing: {
    portalCode: 4,
    sync: 'processing',
    final: false,
    label: { vi: 'Đang xử lý', en: 'In progress' },
  },
  awaitingSupplement: {
    portalCode: 5,
    sync: 'waiting',
    final: false,
    label: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  },
  awaitingPayment: {
    portalCode: 6,
    sync: 'paying',
    final: false,
    label: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment of financial obligation' },
  },
  withdrawn: {
    portalCode: 7,
    sync: 'cancelled',
    final: true,
    label: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant' },
  },
  stopped: {
    portalCode: 8,
    sync: 'unresolved',
    final: true,
    label: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  },
  resolved: {
    portalCode: 9,
    sync: 'releasing',
    final: false,
    label: { vi: 'Đã giải quyết, chờ trả kết quả', en: 'Resolved, ready to return' },
  },
  returned: {
    portalCode: 10,
    sync: 'done',
    final: true,
    label: { vi: 'Đã trả kết quả', en: 'Result returned' },
  },
} as const satisfies Record<DossierStatus, StatusInfo>;

/** Status → national portal code; undefined for `draft`, which the portal never sees. */
export function findPortalStatusCode(status: DossierStatus): PortalStatusCode | undefined {
  return STATUS_INFO[status].portalCode ?? undefined;
}

/** National portal code (1–10) → status; throws nothing, returns undefined for an unknown code. */
export function findStatusByPortalCode(code: number): DossierStatus | undefined {
  return DossierStatus.options.find((s) => STATUS_INFO[s].portalCode === code);
}

export function isFinalStatus(status: DossierStatus): boolean {
  return STATUS_INFO[status].final;
}
