// GET /api/dashboard?view=month|week&from&to&agencyId — the province dashboard (docs/API.md). Reads only
// roll-ups, gauges and snapshots: O(agencies × periods) documents, never a dossier.
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import type { Firestore } from 'firebase-admin/firestore';
import { requireDashboardReader } from './dashboard-access.js';
import { loadDashboard } from './dashboard-data.js';
import { DashboardQuery, resolveDashboardRange, type Range } from './dashboard-range.js';

export type DashboardDeps = { db: Firestore; now: () => Date; findCaller: (req: ApiRequest) => Promise<Caller | undefined> };

export function rangeOf(query: unknown, now: Date): { range: Range; agencyId: string | undefined } {
  const parsed = DashboardQuery.safeParse(query);
  if (!parsed.success) throw invalidInput(parsed.error);
  const r = resolveDashboardRange(parsed.data, now);
  if (!r.ok) throw new ApiError('invalid-argument', { vi: 'Khoảng thời gian không hợp lệ.', en: 'Invalid period.' }, [{ path: `query.${r.path}`, message: r.message }]);
  return { range: r.range, agencyId: parsed.data.agencyId };
}

export async function getDashboard(req: ApiRequest, deps: DashboardDeps): Promise<Reply<'getDashboard'>> {
  const caller = requireDashboardReader(await deps.findCaller(req));
  const now = deps.now();
  const { range, agencyId } = rangeOf(req.query, now);
  const body = await loadDashboard(deps.db, caller, range, agencyId, now);
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body };
}
