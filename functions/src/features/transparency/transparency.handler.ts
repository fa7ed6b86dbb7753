// GET /api/transparency?from=YYYY-MM&to=YYYY-MM — public monthly figures per agency and province-wide.
// Reads only the monthly roll-ups `rollups/{agencyId}_{YYYY-MM}` (one per agency and month, with the same
// counters as the per-field `stats/` documents, summed over fields: kind + period index) and the agency
// names; never a dossier. CDN-cacheable for a few minutes.
import type { Firestore } from 'firebase-admin/firestore';
import { EVALUATION_INDEX_LABELS, SATISFACTION_SCALE } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { logs } from '../../platform/logs.js';
import { readPublicAgencies } from '../../store/agencies.js';
import { ROLLUPS } from '../../store/rollups.js';
import { buildReport, resolveRange, StatsDoc, TransparencyQuery } from './transparency-figures.js';

export async function getTransparency(req: ApiRequest, deps: { db: Firestore; now: () => Date }): Promise<Reply<'transparency'>> {
  const parsed = TransparencyQuery.safeParse(req.query);
  if (!parsed.success) throw invalidInput(parsed.error);
  const resolved = resolveRange(parsed.data, deps.now());
  if (!resolved.ok) {
    throw new ApiError('invalid-argument', { vi: 'Khoảng thời gian không hợp lệ.', en: 'Invalid period.' }, [
      { path: `query.${resolved.path}`, message: resolved.message },
    ]);
  }
  const { range } = resolved;
  const [snap, agencies] = await Promise.all([
    deps.db.collection(ROLLUPS).where('kind', '==', 'month').where('period', '>=', range.from).where('period', '<=', range.to).get(),
    readPublicAgencies(deps.db),
  ]);
  const docs: StatsDoc[] = [];
  for (const doc of snap.docs) {
    const parsedDoc = StatsDoc.safeParse({ ...doc.data(), month: doc.get('period') });
    if (parsedDoc.success) docs.push(parsedDoc.data);
    else logs.storedDocumentSkipped(`${ROLLUPS}/${doc.id}`, 'malformed roll-up');
  }
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  return {
    status: 200,
    headers: { 'Cache-Control': 'public, max-age=300, s-maxage=300' },
    body: { ...buildReport(docs, range, names), indexLabels: EVALUATION_INDEX_LABELS, satisfactionLabels: SATISFACTION_SCALE },
  };
}
