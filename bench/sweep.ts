// @needs emulators
// Deadline sweep cost with 2,000 and then 20,000 open dossiers, 100 of them due in both cases: the sweep reads
// only dossiers due by its horizon (status + dueAt index), so the time should barely move. Handler in-process
// against the Firestore emulator; steady state (tasks already exist), median of 5 runs after a warm-up.
import { buildWorkingCalendar } from '../functions/src/domain/index.js';
import { fixtureYears } from '../test/fixtures/calendars.js';
import { runDeadlineSweep } from '../functions/src/features/sweep/deadline-sweep.schedule.js';
import { admin } from '../test/support/emulators.js';
import { median, ms, timeEach } from './_stats.js';

const { db } = admin();
const calendar = buildWorkingCalendar(fixtureYears);
const NOW = '2026-04-29T03:00:00.000Z'; // Wed 29 Apr 2026 10:00 in Vietnam
const deps = { db, calendar, hoursOf: async () => undefined };

async function addDossiers(from: number, to: number, due: (i: number) => boolean): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const batch = db.batch();
    for (let i = start; i < Math.min(to, start + 500); i++) {
      const id = `bench-sweep-${String(i).padStart(5, '0')}`;
      batch.set(db.doc(`dossiers/${id}`), {
        id,
        status: i % 2 ? 'processing' : 'received',
        receivingAgencyId: '000.00.01.H99',
        dueAt: due(i) ? new Date(Date.parse(NOW) - 3_600_000 * (1 + (i % 40))) : new Date('2026-09-01T03:00:00Z'),
        extensionCount: 0,
      });
    }
    await batch.commit();
  }
}

// The due-dossier query alone: production Firestore serves it from the composite index (cost per result);
// the emulator has no real indexes and scans the collection, so this part grows with all dossiers here.
const dueQuery = () =>
  db.collection('dossiers').where('status', 'in', ['received', 'processing', 'awaitingPayment']).where('dueAt', '<=', new Date('2026-05-04T17:00:00Z')).get();

async function measure(label: string): Promise<{ sweep: number; query: number }> {
  const first = await runDeadlineSweep(deps, NOW); // warm-up; creates the tasks the first time
  const times = await timeEach(5, () => runDeadlineSweep(deps, NOW));
  const query = median(await timeEach(5, dueQuery));
  const m = median(times);
  console.log(`${label}: read ${first.read}, flagged ${first.flagged}; sweep median ${ms(m)} (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms); due query alone ${ms(query)}`);
  return { sweep: m, query };
}

await addDossiers(0, 2_000, (i) => i < 100);
const small = await measure('2,000 open dossiers, 100 due');
await addDossiers(2_000, 20_000, () => false);
const large = await measure('20,000 open dossiers, 100 due');
const ratio = large.sweep / small.sweep;
// The sweep runs its two due queries concurrently, so one query's time is the part the emulator's scan adds.
const rest = (large.sweep - large.query) / Math.max(1, small.sweep - small.query);
console.log(`target: at most 1.5x. The sweep without its due queries (which the emulator answers by scanning): ${rest.toFixed(2)}x`);
console.log(`sweep: ${ratio.toFixed(2)}x time for 20,000 vs 2,000 open dossiers (${ms(large.sweep)} vs ${ms(small.sweep)}, 100 due, 100 read in both)`);
process.exit(0);
