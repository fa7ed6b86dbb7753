// @needs emulators
// Deadline sweep cost (issue 19): documents read by one pass with 2,000 and then 20,000 open dossiers not yet
// due, beside a 5,000-dossier overdue backlog, with the same 100 dossiers becoming due soon in each pass's
// window. Target: equal counts. The counts are the documents each query, getAll and transaction read returned,
// as the sweep itself reports them (`reads`); the time of each pass is reported, not the target (the emulator
// scans collections where production serves an index). For comparison, the documents the previous design read
// per pass (every open dossier due by the horizon, every watch) are counted with aggregation queries.
//
// The backlog is written as the sweep leaves it once past the last escalation level (the watch at level 4, no
// `sweepAt`), which test/emulator/sweep-scale.test.ts checks the sweep does; open dossiers carry the `sweepAt`
// the lifecycle sets at reception (domain sweepAtAfter). Handler in-process against the Firestore emulator.
import { buildWorkingCalendar, sweepAtAfter, type Dossier } from '../functions/src/domain/index.js';
import { fixtureYears } from '../test/fixtures/calendars.js';
import { DEADLINE_WATCH, runDeadlineSweep, type SweepResult } from '../functions/src/features/sweep/deadline-sweep.schedule.js';
import { computeWatch, sweepHorizon } from '../functions/src/features/sweep/deadline-watch.js';
import { SWEEP_CONFIG } from '../functions/src/features/sweep/sweep-config.js';
import { admin } from '../test/support/emulators.js';
import { ms } from './_stats.js';

const { db } = admin();
const calendar = buildWorkingCalendar(fixtureYears);
const deps = { db, calendar, hoursOf: async () => undefined };
const AGENCY = '000.00.91.H99'; // no such agency: no leads to look up, the default hours
const run = Date.now().toString(36);
const vn = (local: string) => new Date(`${local}+07:00`);
const RECEIVED = vn('2026-03-02T08:00:00');
const BACKLOG_DUE = vn('2026-03-20T10:00:00');

type Kind = 'notDue' | 'backlog' | `due:${string}`;
async function addDossiers(kind: Kind, count: number): Promise<void> {
  const label = kind.replace(/[:T]/g, '-');
  for (let start = 0; start < count; start += 250) {
    const batch = db.batch();
    for (let i = start; i < Math.min(count, start + 250); i++) {
      const id = `bench-sweep-${run}-${label}-${String(i).padStart(5, '0')}`;
      const dueAt = kind === 'notDue' ? vn('2026-09-01T10:00:00') : kind === 'backlog' ? BACKLOG_DUE : vn(kind.slice(4));
      const facts = { status: (i % 2 ? 'processing' : 'received') as Dossier['status'], receivingAgencyId: AGENCY, dueAt, extensionCount: 0 };
      const base = { id, version: 3, agencyIds: [AGENCY], ...facts };
      if (kind === 'backlog') {
        // As the sweep leaves it after the last escalation level: flagged, nothing left to check.
        batch.set(db.doc(`dossiers/${id}`), base);
        batch.set(db.doc(`${DEADLINE_WATCH}/${id}`), computeWatch({ id, ...facts }, vn('2026-04-20T08:00:00'), calendar, undefined)!);
      } else {
        batch.set(db.doc(`dossiers/${id}`), { ...base, sweepAt: sweepAtAfter(undefined, facts, undefined, RECEIVED, calendar) });
      }
    }
    await batch.commit();
  }
}

/** What the previous sweep read at this tick: every open dossier due by the horizon, and every watch. */
async function previousDesignReads(tick: string): Promise<number> {
  const horizon = sweepHorizon(new Date(tick), calendar);
  const [due, watches] = await Promise.all([
    db.collection('dossiers').where('status', 'in', [...SWEEP_CONFIG.openStatuses]).where('dueAt', '<=', horizon).count().get(),
    db.collection(DEADLINE_WATCH).count().get(),
  ]);
  return due.data().count + watches.data().count;
}

async function pass(label: string, tick: string): Promise<SweepResult> {
  const t0 = performance.now();
  const result = await runDeadlineSweep(deps, tick);
  const t = performance.now() - t0;
  const previous = await previousDesignReads(tick);
  console.log(`${label}: read ${result.reads.total} documents (${JSON.stringify(result.reads)}), ${result.read} dossiers looked at, ${result.flagged} flagged, ${result.tasksCreated} tasks; ${ms(t)}. The previous design would read ${previous}.`);
  return result;
}

// Whatever the emulator holds, the first pass with this calendar may be a full one: before any data of ours.
await runDeadlineSweep(deps, vn('2026-04-21T07:00:00').toISOString());

await addDossiers('backlog', 5_000);
await addDossiers('notDue', 1_900);
await addDossiers('due:2026-04-23T10:00:00', 100); // due soon from Wed 22 April
const small = await pass('2,000 open (100 due) + 5,000 overdue backlog', vn('2026-04-22T08:00:00').toISOString());

await addDossiers('notDue', 18_000);
await addDossiers('due:2026-04-24T10:00:00', 100); // due soon from Thu 23 April
const large = await pass('20,000 open (100 due) + 5,000 overdue backlog', vn('2026-04-23T08:00:00').toISOString());
const replay = await runDeadlineSweep(deps, vn('2026-04-23T08:00:00').toISOString());
console.log(`the same tick again: read ${replay.reads.total} documents, ${replay.read} dossiers looked at`);

const equal = small.reads.total === large.reads.total && small.read === 100 && large.read === 100;
console.log(`sweep: ${large.reads.total} vs ${small.reads.total} documents read per pass for 20,000 vs 2,000 open dossiers (target: equal) — ${equal ? 'met' : 'NOT met'}`);
process.exit(equal ? 0 : 1);
