// GET /api/dashboard/export?table=…&format=csv|pdf (+ the dashboard's or the drill-down's query) — any table
// of the dashboard as a CSV or PDF file, built from the same figures the page shows.
import { z } from 'zod';
import { DASHBOARD_TABLES } from '../../contract/index.js';
import { invalidInput } from '../../platform/api-error.js';
import { permissionDenied } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { mayDrillInto, requireDashboardReader } from './dashboard-access.js';
import { loadDashboard } from './dashboard-data.js';
import { rangeOf, type DashboardDeps } from './dashboard.handler.js';
import { drillQueryOf, drillRows } from './drill.handler.js';
import { drillTable, tableOf, toCsv, toPdf } from './export-tables.js';

const ExportOptions = z.looseObject({ table: z.enum(DASHBOARD_TABLES), format: z.enum(['csv', 'pdf']) });
const DASHBOARD_KEYS = ['view', 'from', 'to', 'agencyId'];
const DRILL_KEYS = ['figure', 'period', 'agencyId', 'field', 'procedureCode', 'after'];
const pick = (q: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(q).filter(([k]) => keys.includes(k)));

export async function exportDashboard(req: ApiRequest, deps: DashboardDeps): Promise<Reply<'exportDashboard'>> {
  const caller = requireDashboardReader(await deps.findCaller(req));
  const options = ExportOptions.safeParse(req.query);
  if (!options.success) throw invalidInput(options.error);
  const { table, format } = options.data;
  const rest = Object.keys(req.query).filter((k) => k !== 'table' && k !== 'format');
  const allowed = table === 'dossiers' ? DRILL_KEYS : DASHBOARD_KEYS;
  const unknown = rest.filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw invalidInput(z.strictObject({}).safeParse(Object.fromEntries(unknown.map((k) => [k, req.query[k]]))).error!);
  const now = deps.now();
  let t;
  if (table === 'dossiers') {
    const q = drillQueryOf(pick(req.query, DRILL_KEYS));
    if (!mayDrillInto(caller, q.agencyId)) throw permissionDenied();
    t = drillTable((await drillRows(deps.db, q)).rows);
  } else {
    const { range, agencyId } = rangeOf(pick(req.query, DASHBOARD_KEYS), now);
    t = tableOf(table, await loadDashboard(deps.db, caller, range, agencyId, now));
  }
  const name = `bang-${table}-${now.toISOString().slice(0, 10)}.${format}`;
  const bytes = format === 'csv' ? toCsv(t) : await toPdf(t, now);
  return {
    status: 200,
    headers: { 'Cache-Control': 'private, no-store', 'Content-Disposition': `attachment; filename="${name}"` },
    body: null,
    raw: { bytes, contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf' },
  };
}
