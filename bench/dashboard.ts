// @needs emulators
// What it costs to render the province dashboard for one month with 2,000 and then 20,000 dossiers in the
// database: documents read (target: the same count, at most 1.1×) and time, as a ratio of a single-document
// read measured in the same run. The dossiers are written as the service stores them (public documents and
// drill-down facts), and their roll-ups as the roll-up trigger leaves them: each dossier's receive and
// finishing events go through the trigger's own pure `rollupDeltas`, summed per agency and period, so no
// 40,000 trigger invocations have to run first. The dashboard is the handler's loader, in-process, warm
// (the procedure catalogue is cached per instance; the cold first read adds the catalogue once).
import { type Firestore } from 'firebase-admin/firestore';
import type { DossierProgress } from '../functions/src/domain/index.js';
import { loadDashboard } from '../functions/src/features/dashboard/dashboard-data.js';
import { rollupDeltas, type RollupDeltas } from '../functions/src/features/rollups/rollup-deltas.js';
import { demoAgencies } from '../seed/data/agencies.js';
import { demoProcedures } from '../seed/data/procedures.js';
import { loadDemoData } from '../seed/load.js';
import { admin } from '../test/support/emulators.js';
import { median, ms, timeEach } from './_stats.js';

const { db, auth } = admin();
const MONTH = '2026-11';
const WEEK = '2026-W46';
const NOW = new Date('2026-11-20T03:00:00Z');
const desks = demoAgencies.filter((a) => a.hasOneStopDesk).map((a) => a.id);
const procedures = demoProcedures.slice(0, 12);

type Tree = { [k: string]: number | Tree };
const addTo = (into: Tree, path: string[], n: number) => {
  let at = into;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Tree;
  const last = path.at(-1)!;
  at[last] = ((at[last] as number | undefined) ?? 0) + n;
};
const docs = new Map<string, Tree>();
function fold(agencyId: string, field: string, code: string, d: RollupDeltas): void {
  for (const period of [MONTH, WEEK]) {
    const doc = docs.get(`${agencyId}_${period}`) ?? { };
    docs.set(`${agencyId}_${period}`, doc);
    for (const [k, n] of Object.entries(d.counters)) addTo(doc, [k], n);
    for (const [k, n] of Object.entries(d.indexSums)) addTo(doc, ['indexSums', k], n);
    for (const [k, n] of Object.entries(d.indexCounts)) addTo(doc, ['indexCounts', k], n);
    for (const [k, n] of Object.entries(d.byField)) addTo(doc, ['byField', field, k], n);
    for (const [k, n] of Object.entries(d.byProcedure)) addTo(doc, ['byProcedure', code, k], n);
  }
  const live = docs.get(`${agencyId}_live`) ?? {};
  docs.set(`${agencyId}_live`, live);
  for (const [k, n] of Object.entries(d.live)) addTo(live, [k], n);
}

async function addDossiers(db: Firestore, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 250) {
    const batch = db.batch();
    for (let i = start; i < Math.min(to, start + 250); i++) {
      const id = `bench-dash-${String(i).padStart(5, '0')}`;
      const agencyId = desks[i % desks.length]!;
      const p = procedures[i % procedures.length]!;
      const receivedAt = new Date(Date.parse('2026-11-02T02:00:00Z') + (i % 10) * 86_400_000);
      const dueAt = new Date(receivedAt.getTime() + 5 * 86_400_000);
      const finishedAt = new Date(receivedAt.getTime() + (i % 7) * 86_400_000);
      const code = `${agencyId}-261102-${String(i).padStart(5, '0')}`;
      batch.set(db.doc(`dossiers/${id}`), { id, code, status: 'resolved', channel: i % 3 ? 'desk' : 'online', ruleSet: 'nd118-2025', receivingAgencyId: agencyId, agencyIds: [agencyId], procedure: { code: p.code, version: p.version, name: p.name }, receivedAt, dueAt, extensionCount: 0 });
      const facts = { channel: (i % 3 ? 'desk' : 'online') as 'desk' | 'online', legacy: false, receivedAt, dueAt };
      const progress: DossierProgress = { finishedAt, finishedBy: 'resolve', timeliness: finishedAt > dueAt ? 'late' : 'early', lateBecause: null, supplementRequests: 0, usedPermille: 700 };
      const received = rollupDeltas('receive', receivedAt, { ...facts, digitised: i % 2 === 0 });
      const resolved = rollupDeltas('resolve', finishedAt, { ...facts, progress });
      fold(agencyId, p.field, p.code, received);
      fold(agencyId, p.field, p.code, resolved);
      batch.set(db.doc(`dossierFacts/${id}`), { dossierId: id, code, agencyId, field: p.field, procedureCode: p.code, receivedAt, finishedAt, timeliness: progress.timeliness, tags: [`received:${MONTH}`, `finished:${MONTH}`, `${progress.timeliness === 'late' ? 'late' : 'onTime'}:${MONTH}`] });
    }
    await batch.commit();
  }
  const batch = db.batch();
  for (const [id, data] of docs) {
    const [agencyId, period] = id.split('_') as [string, string];
    batch.set(db.doc(`rollups/${id}`), { ...data, agencyId, period, kind: period === 'live' ? 'live' : period.includes('-W') ? 'week' : 'month' });
  }
  await batch.commit();
}

const monitor = { role: 'monitor' as const, userId: 'bench-monitor' };
const range = { view: 'month' as const, from: MONTH, to: MONTH, periods: [MONTH] };
const render = () => loadDashboard(db, monitor, range, undefined, NOW);

async function measure(label: string): Promise<{ reads: number; time: number; single: number }> {
  const cold = await render();
  const warm = await render();
  const times = await timeEach(7, render);
  const single = median(await timeEach(15, () => db.doc(`agencies/${desks[0]}`).get()));
  const t = median(times);
  console.log(`${label}: documents read ${warm.documentsRead} (cold, with the catalogue: ${cold.documentsRead}); province received ${warm.province.total.received}, finished ${warm.province.total.finished}; render median ${ms(t)} = ${(t / single).toFixed(1)}× a single-document read (${ms(single)})`);
  return { reads: warm.documentsRead, time: t, single };
}

await loadDemoData(db, auth);
await addDossiers(db, 0, 2_000);
const small = await measure('2,000 dossiers');
await addDossiers(db, 2_000, 20_000);
const large = await measure('20,000 dossiers');
const readsRatio = large.reads / small.reads;
console.log(`target: the same documents read (at most 1.1×): ${readsRatio.toFixed(2)}×; time ${(large.time / small.time).toFixed(2)}× between the runs`);
console.log(`dashboard: ${large.reads} documents read for 20,000 dossiers vs ${small.reads} for 2,000 (${readsRatio.toFixed(2)}×); render ${(large.time / large.single).toFixed(1)}× a single-document read (${(small.time / small.single).toFixed(1)}× with 2,000)`);
process.exit(readsRatio <= 1.1 ? 0 : 1);
