// GET /api/dashboard/dossiers?figure&period&agencyId&field&procedureCode&after — the dossiers behind a
// figure: codes, procedure, agency, dates and timeliness; never the applicant. Figures of a period come
// from the drill-down tags the roll-up trigger puts on `dossierFacts/{id}` (one indexed query, a page of
// 50); overdue and due soon come from the sweep's flags now. A lead drills only into their own agency.
import { z } from 'zod';
import { AgencyId, bi } from '../../domain/index.js';
import { DRILL_FIGURES, type DrillRow } from '../../contract/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import { permissionDenied } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { revive } from '../../store/revive.js';
import { DOSSIER_FACTS } from '../../store/rollups.js';
import type { Firestore } from 'firebase-admin/firestore';
import { mayDrillInto, requireDashboardReader } from './dashboard-access.js';
import type { DashboardDeps } from './dashboard.handler.js';

export const DrillQuery = z.strictObject({
  figure: z.enum(DRILL_FIGURES).describe('Chỉ tiêu / figure'),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/, bi('Kỳ có dạng YYYY-MM hoặc YYYY-Www', 'a period looks like YYYY-MM or YYYY-Www'))
    .optional(),
  agencyId: AgencyId.optional(),
  field: z.string().regex(/^[A-Za-z]{1,40}$/).optional(),
  procedureCode: z.string().regex(/^\d\.\d{6}$/).optional(),
  after: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/).optional().describe('Trang sau / next page'),
});
export type DrillQuery = z.infer<typeof DrillQuery>;

export const PAGE = 50;
const Facts = z.object({
  code: z.string().nullable().default(null),
  procedureCode: z.string(),
  procedureName: z.object({ vi: z.string(), en: z.string() }).nullable().default(null),
  field: z.string(),
  agencyId: z.string(),
  receivedAt: z.date().optional(),
  finishedAt: z.date().optional(),
  timeliness: z.enum(['early', 'onTime', 'late']).optional(),
});

function rowOf(data: unknown, watch?: { dueAt?: Date | null; overdueWorkingDays?: number }): DrillRow | undefined {
  const f = Facts.safeParse(revive(data));
  if (!f.success) return undefined;
  const d = f.data;
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    field: d.field,
    agencyId: d.agencyId,
    receivedAt: d.receivedAt?.toISOString() ?? null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    timeliness: d.timeliness ?? null,
    dueAt: watch?.dueAt ? watch.dueAt.toISOString() : null,
    overdueWorkingDays: watch?.overdueWorkingDays ?? null,
  };
}

export async function drillRows(db: Firestore, q: DrillQuery): Promise<{ rows: DrillRow[]; next: string | null }> {
  if (q.figure === 'overdue' || q.figure === 'dueSoon') {
    let query = db.collection('deadlineWatch').where(q.figure, '==', true);
    if (q.agencyId) query = query.where('agencyId', '==', q.agencyId);
    query = query.orderBy('__name__').limit(PAGE);
    if (q.after) query = query.startAfter(q.after);
    const watches = await query.get();
    if (watches.empty) return { rows: [], next: null };
    const facts = await db.getAll(...watches.docs.map((w) => db.collection(DOSSIER_FACTS).doc(w.id)));
    const rows = facts.flatMap((f, i) => {
      const w = revive(watches.docs[i]!.data()) as { dueAt?: Date | null; overdueWorkingDays?: number };
      const row = f.exists ? rowOf(f.data(), w) : undefined;
      return row && (!q.field || row.field === q.field) && (!q.procedureCode || row.procedureCode === q.procedureCode) ? [row] : [];
    });
    return { rows, next: watches.size === PAGE ? watches.docs.at(-1)!.id : null };
  }
  if (!q.period) throw new ApiError('invalid-argument', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is invalid.' }, [{ path: 'query.period', message: { vi: 'Chọn kỳ (tháng hoặc tuần)', en: 'choose a period (month or week)' } }]);
  let query = db.collection(DOSSIER_FACTS).where('tags', 'array-contains', `${q.figure}:${q.period}`);
  if (q.agencyId) query = query.where('agencyId', '==', q.agencyId);
  if (q.field) query = query.where('field', '==', q.field);
  if (q.procedureCode) query = query.where('procedureCode', '==', q.procedureCode);
  // Ordered by document id (the dossier id) so pages follow each other without an extra index field.
  query = query.orderBy('__name__').limit(PAGE);
  if (q.after) query = query.startAfter(q.after);
  const snap = await query.get();
  const rows = snap.docs.flatMap((d) => rowOf(d.data()) ?? []);
  return { rows, next: snap.size === PAGE ? snap.docs.at(-1)!.id : null };
}

export function drillQueryOf(query: unknown): DrillQuery {
  const parsed = DrillQuery.safeParse(query);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export async function dashboardDossiers(req: ApiRequest, deps: DashboardDeps): Promise<Reply<'dashboardDossiers'>> {
  const caller = requireDashboardReader(await deps.findCaller(req));
  const q = drillQueryOf(req.query);
  if (!mayDrillInto(caller, q.agencyId)) throw permissionDenied();
  const { rows, next } = await drillRows(deps.db, q);
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { figure: q.figure, rows, next } };
}
