// Dossier statuses. The ten synced statuses map one to one onto the national portal's status codes and its
// sync vocabulary, so a sync adapter is a table lookup. `draft` exists only inside this product (a citizen's
// unsent application) and is never synced.
import { z } from 'zod';
import { DOSSIER_STATUSES, STATUS_INFO, type PortalStatusCode } from './status-info.js';

export { CLOCK_RUNNING_STATUSES, clockRunsIn, DOSSIER_STATUSES, STATUS_INFO, type PortalStatusCode, type PortalSyncStatus, type StatusInfo } from './status-info.js';

export const DossierStatus = z.enum(DOSSIER_STATUSES).describe('Trạng thái hồ sơ / dossier status');
export type DossierStatus = z.infer<typeof DossierStatus>;

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
