// @needs emulators
// A morning peak at one desk (issue 19): 10 submissions a second for 60 s from 4 separate processes
// (2.5/s each), through the real handler against the Firestore emulator, numbered by the code allocator
// (ADR 0012) shared only through Firestore — the queue trigger of the functions emulator numbers too, as
// another instance would. Reports unique contiguous codes, errors, and the p95 time to code as a ratio of
// one submission's on its own (median of a few filed one at a time, same run). Ratios, never absolute
// targets: the emulator and two shared cores set the absolute times. Then where the time went, from the
// workers' traces (allocate-codes.ts CodeTrace): accepted → its batch starts → planned → committed →
// answered, for the median and for the p95 tail, with the batches' sizes, transaction retries and lease
// hand-overs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseDossierCode } from '../functions/src/domain/index.js';
import { loadDemoData } from '../seed/load.js';
import { admin } from '../test/support/emulators.js';
import { median, ms } from './_stats.js';

const PROCESSES = 4;
const RATE_PER_PROCESS = Number(process.env.DESK_BURST_RATE ?? 2.5);
const SECONDS = Number(process.env.DESK_BURST_SECONDS ?? 60);
const PER_PROCESS = Math.round(RATE_PER_PROCESS * SECONDS);
const TOTAL = PER_PROCESS * PROCESSES;
const DESK = '000.21.02.H99';
const ROOT = join(import.meta.dirname, '..');
const { db, auth } = admin();
await loadDemoData(db, auth);
const runId = Date.now().toString(36);

type Line = { i: number; status: number; code: string | null; ms: number; asked?: number; error?: string; dossierId?: string; startedAt?: number; queuedAt?: number };
type Trace =
  | { kind: 'batch'; startedAt: number; plannedAt: number; committedAt: number; attempts: number; ids: string[] }
  | { kind: 'lease'; took: boolean; at: number }
  | { kind: 'release'; at: number };

const traces: Trace[] = [];
function runWorker(job: object): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'test', 'support', 'code-worker.ts'), JSON.stringify(job)], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}`));
      const parsed = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line | { trace: Trace });
      for (const p of parsed) if ('trace' in p) traces.push(p.trace);
      resolve(parsed.filter((p): p is Line => !('trace' in p)));
    });
  });
}

/**
 * Where each submission's time went, lined up from every process's trace (epoch ms): accepted (handler's
 * checks and the queue entry), waiting for the batch that numbered it to start (lease waits, the batch
 * before), that batch's transaction (reads and planning, then the commit; retries inside), and from the
 * commit to the answer (waking the request, reading its record). A submission numbered by the queue
 * trigger of the functions emulator has no batch in these traces: counted apart.
 */
function breakdown(lines: Line[]) {
  const batchOf = new Map<string, Extract<Trace, { kind: 'batch' }>>();
  for (const t of traces) if (t.kind === 'batch') for (const id of t.ids) batchOf.set(id, t);
  const rows = lines.flatMap((l) => {
    const b = l.dossierId ? batchOf.get(l.dossierId) : undefined;
    if (!b || l.startedAt === undefined || l.queuedAt === undefined) return [];
    const end = l.startedAt + l.ms;
    return [{ ms: l.ms, accept: l.queuedAt - l.startedAt, toBatch: Math.max(0, b.startedAt - l.queuedAt), plan: b.plannedAt - Math.max(b.startedAt, l.queuedAt), commit: b.committedAt - b.plannedAt, answer: end - b.committedAt }];
  });
  return { rows, byTrigger: lines.length - rows.length };
}
const segments = ['accept', 'toBatch', 'plan', 'commit', 'answer'] as const;
const describe = (rows: ReturnType<typeof breakdown>['rows']) => segments.map((k) => `${k} ${median(rows.map((r) => r[k])).toFixed(0)}`).join(', ');

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;

/** A day of the desk nothing has been numbered on yet (the bench may run twice against one emulator). */
async function freshDay(from: string): Promise<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); ; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (!(await db.doc(`counters/${DESK}_${day.replaceAll('-', '').slice(2)}`).get()).exists) return day;
  }
}

/**
 * Baseline: one submission at a time at a quiet desk (a day of its own), from one worker process; the
 * first call is left out (it pays the process's cold caches). Measured before and after the burst, and
 * the faster of the two medians kept: the first runs while the functions emulator is still loading and
 * would flatter the ratio.
 */
async function singleRun(): Promise<{ ms: number; rows: ReturnType<typeof breakdown>['rows'] }> {
  const day = await freshDay('2027-10-01');
  const before = traces.length;
  const lines = (await runWorker({ mode: 'submit', day, desk: DESK, label: `burst-single-${runId}-${day}`, count: 10, trace: true })).slice(1);
  const { rows } = breakdown(lines);
  traces.length = before; // the burst's breakdown lines up the burst's batches only
  return { ms: median(lines.map((l) => l.ms)), rows };
}
const singleBefore = await singleRun();

const day = await freshDay('2027-11-02');
const yymmdd = day.replaceAll('-', '').slice(2);
const t0 = performance.now();
const lines = (
  await Promise.all(
    Array.from({ length: PROCESSES }, (_, w) => runWorker({ mode: 'submit', day, desk: DESK, label: `burst-${runId}-${w}`, count: PER_PROCESS, ratePerSecond: RATE_PER_PROCESS, trace: true })),
  )
).flat();
const wallMs = performance.now() - t0;
const burstTraces = [...traces];
const singleAfter = await singleRun();
traces.push(...burstTraces);
const singleRuns = [singleBefore, singleAfter].sort((a, b) => a.ms - b.ms);
const singleMs = singleRuns[0]!.ms;

const errors = lines.filter((l) => l.status !== 201);
const sequences = lines.filter((l) => l.code).map((l) => parseDossierCode(l.code!).sequence).sort((a, b) => a - b);
const unique = new Set(sequences).size;
const contiguous = sequences.length === TOTAL && sequences.every((s, i) => s === i + 1);
const counter = (await db.doc(`counters/${DESK}_${yymmdd}`).get()).get('next') as number | undefined;
const times = lines.filter((l) => l.status === 201).map((l) => l.ms);
const pending = lines.filter((l) => (l.asked ?? 1) > 1).length;
const ratio = p95(times) / singleMs;

console.log(`${PROCESSES} processes × ${PER_PROCESS} submissions at ${RATE_PER_PROCESS}/s each (${PROCESSES * RATE_PER_PROCESS}/s for ${SECONDS} s) to one desk; wall ${(wallMs / 1000).toFixed(1)} s`);
console.log(`one submission on its own (baseline, median of 9): ${ms(singleMs)} to its code (before the burst ${ms(singleBefore.ms)}, after ${ms(singleAfter.ms)}; the faster kept)`);
console.log(`time to code in the burst: median ${ms(median(times))} (${(median(times) / singleMs).toFixed(2)}x), p95 ${ms(p95(times))} (${ratio.toFixed(2)}x; target ≤ 3x); p95 / median within the burst ${(p95(times) / median(times)).toFixed(2)}x`);
console.log(`answered 202 first (code followed): ${pending}; errors: ${errors.length}${errors.length ? ` e.g. ${JSON.stringify(errors[0])}` : ''}`);
console.log(`unique codes: ${unique}/${TOTAL}; contiguous 1..${TOTAL}: ${contiguous}; counter: ${counter}`);
const burst = breakdown(lines.filter((l) => l.status === 201));
const tail = burst.rows.filter((r) => r.ms >= p95(times));
const batches = traces.filter((t): t is Extract<Trace, { kind: 'batch' }> => t.kind === 'batch');
const leases = traces.filter((t): t is Extract<Trace, { kind: 'lease' }> => t.kind === 'lease');
console.log(`where the time to code goes (medians, ms): single: ${describe(singleRuns[0]!.rows)}; burst: ${describe(burst.rows)}; burst p95 tail (${tail.length}): ${describe(tail)}`);
console.log(
  `allocator: ${batches.length} batches in the workers (median ${median(batches.map((b) => b.ids.length))} entries, max ${Math.max(...batches.map((b) => b.ids.length))}; ` +
    `transaction attempts > 1: ${batches.filter((b) => b.attempts > 1).length}, max ${Math.max(...batches.map((b) => b.attempts))}); ` +
    `lease taken ${leases.filter((l) => l.took).length} times, refused ${leases.filter((l) => !l.took).length}; numbered by the queue trigger (not in the workers' batches): ${burst.byTrigger}`,
);
const ok = contiguous && errors.length === 0 && counter === TOTAL;
console.log(`desk-burst: ${unique}/${TOTAL} unique contiguous codes, ${errors.length} errors, p95 time to code ${ratio.toFixed(2)}x a single submission's${ok ? '' : ' — FAILED'}`);
process.exit(ok ? 0 : 1);
