// The portal sync's trigger: a new request in the outbox wakes its dossier's queue. Whatever cannot go now
// (a retry's backoff, a dossier held by another worker, a lost trigger) is left to the retry sweep.
import { logs } from '../../platform/logs.js';
import { drainDossier, type SyncDeps } from './deliver.js';

/**
 * @idempotent by (dossier, version), through drainDossier: a redelivered event finds the request sent, or
 * the lease taken, and sends nothing twice. Never throws: a failure is recorded on the request, or left to
 * the retry sweep.
 */
export async function onPortalSyncRequest(deps: SyncDeps, requestId: string, data: unknown): Promise<void> {
  const fromData = (data as { dossierId?: unknown } | undefined)?.dossierId;
  // Request ids are `{dossierId}_{version:6}`; dossier ids never contain `_` followed by six digits at the end.
  const dossierId = typeof fromData === 'string' ? fromData : requestId.replace(/_\d{6}$/, '');
  try {
    logs.portalSyncDelivery(dossierId, await drainDossier(deps, dossierId));
  } catch (err) {
    logs.portalSyncDelivery(dossierId, { outcome: 'error', error: err instanceof Error ? err.message : String(err) });
  }
}
