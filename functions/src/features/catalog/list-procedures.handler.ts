// Public catalogue of procedures for the citizen portal: small pages, filtered by field, cacheable at
// Hosting's CDN. A province publishes well over a thousand procedures; a cheap phone gets 50 at a time.
import { z } from 'zod';
import type { Firestore } from 'firebase-admin/firestore';
import { PROCEDURE_FIELDS, ProcedureField, type Procedure } from '../../domain/procedure/index.js';
import { formatDuration } from '../../domain/time/duration.js';
import { invalidInput } from '../../platform/api-error.js';
import type { ProcedureSummary } from '../../contract/index.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';

export const PROCEDURES = 'procedures';

export const ListProceduresQuery = z.strictObject({
  field: ProcedureField.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z
    .string()
    .regex(/^\d\.\d{6}$/, 'Con trỏ là một mã thủ tục / the cursor is a procedure code')
    .optional()
    .describe('Mã thủ tục cuối của trang trước / last code of the previous page'),
});
export type ListProceduresQuery = z.infer<typeof ListProceduresQuery>;

export function summarise(p: Procedure): ProcedureSummary {
  return {
    code: p.code,
    version: p.version,
    name: p.name,
    field: p.field,
    fieldName: PROCEDURE_FIELDS[p.field],
    competentLevels: [...p.competentLevels],
    durationText: { vi: formatDuration(p.legalDuration, 'vi'), en: formatDuration(p.legalDuration, 'en') },
    onlineLevel: p.onlineLevel,
    feeVnd: p.fees.reduce((sum, f) => sum + f.amountVnd, 0),
    searchTerms: [...p.searchTerms],
  };
}

/** Index: procedures (field ASC, code ASC) — see firestore.indexes.json. */
export async function listProcedures(req: ApiRequest, db: Firestore): Promise<Reply<'listProcedures'>> {
  const parsed = ListProceduresQuery.safeParse(req.query);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { field, limit, after } = parsed.data;
  let query = db.collection(PROCEDURES).orderBy('code').limit(limit + 1);
  if (field) query = db.collection(PROCEDURES).where('field', '==', field).orderBy('code').limit(limit + 1);
  if (after) query = query.startAfter(after);
  const docs = (await query.get()).docs;
  const page = docs.slice(0, limit).map((d) => summarise(d.data() as Procedure));
  return {
    status: 200,
    headers: { 'Cache-Control': 'public, max-age=60, s-maxage=300' },
    body: { items: page, nextAfter: docs.length > limit ? (page[page.length - 1]?.code ?? null) : null },
  };
}
