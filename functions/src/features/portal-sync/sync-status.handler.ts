// The officer's view of the national portal sync: one dossier's status (GET …/portal-sync), the
// administrator's retry (POST …/portal-sync/retry) and the province-wide health panel (GET /portal-sync/health).
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { dossierAccess, indicatorPoints, syncShare, SYNC_INDICATOR, type ActionType } from '../../domain/index.js';
import type { DossierSyncAnswer, SyncHealthAnswer, SyncRequestView, SyncShareMonth } from '../../contract/index.js';
import { permissionDenied, refuseKiosk, requireRole, type Caller } from '../../platform/auth.js';
import { dossierNotFound } from '../../platform/conflicts.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { DossierIdParam } from '../../platform/params.js';
import { parseInput } from '../../platform/parse.js';
import { dossierRef } from '../../store/dossiers.js';
import { portalSyncCursorRef, PORTAL_SYNC, PORTAL_SYNC_REQUESTS } from '../../store/portal-sync.js';
import { revive } from '../../store/revive.js';
import { STATS, statsMonthOf } from '../../store/stats.js';
import { drainDossier, type SyncDeps } from './deliver.js';

export type SyncHandlerDeps = SyncDeps & { caller: (req: ApiRequest) => Promise<Caller> };

const iso = (v: unknown): string | null => {
  const d = revive(v);
  return d instanceof Date ? d.toISOString() : null;
};

/** The dossier, if the caller is staff who may read it (citizens follow their dossier, not its sync). */
async function staffDossier(db: Firestore, caller: Caller, dossierId: string): Promise<DocumentData> {
  refuseKiosk(caller);
  const snap = await dossierRef(db, dossierId).get();
  if (!snap.exists) throw dossierNotFound();
  const data = snap.data()!;
  const agencyIds = Array.isArray(data.agencyIds) ? (data.agencyIds as string[]) : [];
  const ownerUserId = typeof data.ownerUserId === 'string' ? data.ownerUserId : undefined;
  if (dossierAccess({ agencyIds, ...(ownerUserId ? { ownerUserId } : {}) }, caller) === 'none') throw dossierNotFound();
  if (caller.role === 'citizen') throw permissionDenied();
  return data;
}

async function syncStatus(db: Firestore, caller: Caller, dossierId: string, dossier: DocumentData): Promise<DossierSyncAnswer> {
  const [cursorSnap, requestSnap] = await Promise.all([
    portalSyncCursorRef(db, dossierId).get(),
    db.collection(PORTAL_SYNC_REQUESTS).where('dossierId', '==', dossierId).orderBy('version').get(),
  ]);
  const requests: SyncRequestView[] = requestSnap.docs.map((d) => {
    const r = d.data();
    return {
      version: r.version as number,
      eventType: r.eventType as ActionType,
      state: r.state as SyncRequestView['state'],
      services: ((r.messages as { service: string }[] | undefined) ?? []).map((m) => m.service),
      delivered: (r.delivered as string[] | undefined) ?? [],
      attempts: (r.attempts as number | undefined) ?? 0,
      failure: (r.failure as SyncRequestView['failure'] | undefined) ?? null,
      lastError: (r.lastError as string | null | undefined) ?? null,
      nextAttemptAt: iso(r.nextAttemptAt),
      sentAt: iso(r.sentAt),
      at: iso(r.at) ?? '',
      rebuilt: r.rebuilt === true,
    };
  });
  const version = typeof dossier.version === 'number' ? dossier.version : 0;
  const sentVersion = (cursorSnap.get('sentVersion') as number | undefined) ?? 0;
  const unsent = requests.filter((r) => r.state !== 'sent');
  const state = unsent.some((r) => r.state === 'failed') ? 'failed' : sentVersion >= version ? 'synced' : 'pending';
  return {
    dossierId,
    code: typeof dossier.code === 'string' ? dossier.code : null,
    version,
    sentVersion,
    state,
    lastSentAt: iso(cursorSnap.get('lastSentAt')),
    lastError: unsent.find((r) => r.lastError)?.lastError ?? null,
    requests,
    canRetry: caller.role === 'admin' && state !== 'synced',
  };
}

/** GET /api/dossiers/:dossierId/portal-sync */
export async function getDossierSync(req: ApiRequest, deps: SyncHandlerDeps): Promise<Reply<'getDossierSync'>> {
  const caller = await deps.caller(req);
  const { dossierId } = parseInput(DossierIdParam, req.params);
  const dossier = await staffDossier(deps.db, caller, dossierId);
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: await syncStatus(deps.db, caller, dossierId, dossier) };
}

/**
 * POST /api/dossiers/:dossierId/portal-sync/retry — an administrator queues the dossier's unsent requests
 * again (after fixing what made them fail) and they are sent at once, in order.
 * @idempotent: re-queuing a request already pending changes nothing; sent requests are never touched.
 */
export async function retryDossierSync(req: ApiRequest, deps: SyncHandlerDeps): Promise<Reply<'retryDossierSync'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const { dossierId } = parseInput(DossierIdParam, req.params);
  parseInput(z.strictObject({}), req.body ?? {});
  await staffDossier(deps.db, caller, dossierId);
  const unsent = await deps.db.collection(PORTAL_SYNC_REQUESTS).where('dossierId', '==', dossierId).where('state', 'in', ['pending', 'failed']).get();
  const now = deps.now();
  const batch = deps.db.batch();
  for (const doc of unsent.docs) batch.update(doc.ref, { state: 'pending', attempts: 0, nextAttemptAt: now, failure: null, requeuedAt: now, requeuedBy: caller.userId });
  if (!unsent.empty) await batch.commit();
  await drainDossier(deps, dossierId);
  const dossier = (await dossierRef(deps.db, dossierId).get()).data() ?? {};
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { ...(await syncStatus(deps.db, caller, dossierId, dossier)), requeued: unsent.size } };
}

const HealthQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(24).default(6).describe('Số tháng / months of the share'),
});

/** The last `n` months (Vietnam time) ending with the month of `now`, oldest first. */
function lastMonths(now: Date, n: number): string[] {
  const [y, m] = statsMonthOf(now).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** GET /api/portal-sync/health — monitors and administrators. */
export async function portalSyncHealth(req: ApiRequest, deps: SyncHandlerDeps): Promise<Reply<'portalSyncHealth'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin', 'monitor']);
  const { months: count } = parseInput(HealthQuery, req.query);
  const { db } = deps;
  const now = deps.now();
  const requests = db.collection(PORTAL_SYNC_REQUESTS);
  const months = lastMonths(now, count);
  const [pending, failed, retrying, oldest, latest, failedDocs, retryingDocs, stats] = await Promise.all([
    requests.where('state', '==', 'pending').count().get(),
    requests.where('state', '==', 'failed').count().get(),
    requests.where('state', '==', 'pending').where('attempts', '>', 0).count().get(),
    requests.where('state', '==', 'pending').orderBy('at').limit(1).get(),
    db.collection(PORTAL_SYNC).orderBy('lastSentAt', 'desc').limit(1).get(),
    requests.where('state', '==', 'failed').orderBy('attempts', 'desc').limit(20).get(),
    requests.where('state', '==', 'pending').where('attempts', '>', 0).orderBy('attempts', 'desc').limit(20).get(),
    db.collection(STATS).where('month', '>=', months[0]!).where('month', '<=', months[months.length - 1]!).get(),
  ]);
  const perMonth = new Map<string, { received: number; synced: number }>(months.map((m) => [m, { received: 0, synced: 0 }]));
  for (const doc of stats.docs) {
    const row = perMonth.get(doc.get('month') as string);
    if (!row) continue;
    row.received += Number(doc.get('received') ?? 0);
    row.synced += Number(doc.get('portalSynced') ?? 0);
  }
  const shareMonths: SyncShareMonth[] = months.map((month) => {
    const { received, synced } = perMonth.get(month)!;
    return { month, received, synced, share: syncShare(synced, received) };
  });
  const received = shareMonths.reduce((s, m) => s + m.received, 0);
  const synced = shareMonths.reduce((s, m) => s + m.synced, 0);
  const share = syncShare(synced, received);
  const oldestDoc = oldest.docs[0];
  const failing = [...failedDocs.docs, ...retryingDocs.docs].slice(0, 20).map((d) => ({
    dossierId: d.get('dossierId') as string,
    code: (d.get('code') as string | undefined) ?? '',
    version: d.get('version') as number,
    eventType: d.get('eventType') as string,
    state: d.get('state') as 'pending' | 'failed',
    failure: (d.get('failure') as 'temporary' | 'permanent' | null | undefined) ?? null,
    lastError: (d.get('lastError') as string | null | undefined) ?? null,
    attempts: (d.get('attempts') as number | undefined) ?? 0,
  }));
  const body: SyncHealthAnswer = {
    generatedAt: now.toISOString(),
    pending: pending.data().count,
    failed: failed.data().count,
    retrying: retrying.data().count,
    oldestPending: oldestDoc ? { dossierId: oldestDoc.get('dossierId') as string, code: (oldestDoc.get('code') as string | undefined) ?? '', version: oldestDoc.get('version') as number, since: iso(oldestDoc.get('at')) ?? '' } : null,
    lastSentAt: iso(latest.docs[0]?.get('lastSentAt')),
    failing,
    share: { months: shareMonths, received, synced, share, points: indicatorPoints(share, SYNC_INDICATOR.maxPoints, SYNC_INDICATOR.target), maxPoints: SYNC_INDICATOR.maxPoints },
  };
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body };
}
