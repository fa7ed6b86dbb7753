// @needs emulators
// @counts operations
// The cost model (issue 19, docs/COST.md): a province-month in miniature — COST_DOSSIERS dossiers (default
// 240) in the proportions stated in MIX below — driven through the real HTTP API, with the triggers they set
// off and every scheduled job fired as the local scheduler fires them, against the emulators. The functions
// count what they ask of Firestore (platform/op-counter.ts, on only in this run: scripts/bench.ts sets
// MOTCUA_OP_COUNTS), one line per invocation; this script adds them up per dossier lifetime and per job
// run, prices a month at 225,000, 1 million and 10 million dossiers a year and writes docs/COST.md.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLookupToken } from '../functions/src/domain/index.js';
import { loadDemoData } from '../seed/load.js';
import { startLocalStandIn } from '../scripts/lib/portal-stand-in.js';
import { nextTick } from '../scripts/lib/scheduler.js';
import { api, landRenewal, numbered, rid, type Action } from '../test/support/api.js';
import { admin, runSchedule, scheduledFunctions } from '../test/support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../test/support/identity.js';

const COUNTS = process.env.MOTCUA_OP_COUNTS;
if (!COUNTS) {
  console.error('cost: MOTCUA_OP_COUNTS is not set — run it as `npm run bench -- cost` (scripts/bench.ts switches the functions\' counter on)');
  process.exit(1);
}
const DOSSIERS = Number(process.env.COST_DOSSIERS ?? 240);
const PARALLEL = 4;
const LAND_OFFICE = '000.00.14.H99';
const MEASURED = new Date().toISOString().slice(0, 10);

/**
 * What happens to the dossiers of a province-month, as shares of all dossiers (docs/COST.md says where
 * each comes from). Every dossier is received, handled and returned; the shares choose the path.
 */
const MIX = {
  /** Filed online (through the portal): 22% in the reference province (Kon Tum, Q1 2023); the rest at a desk. */
  online: 0.22,
  /** Of the online ones, sent back once for a supplement before reception (Decree 118 allows one round). */
  supplementOfOnline: 0.1,
  /** Handled in part by another agency (liên thông): transferred, acknowledged there, resolved there. */
  transferred: 0.4,
  /** Rated by the applicant after the return (online, with the receipt's QR). */
  rated: 0.3,
  /** Lookups of the receipt's QR page per dossier (the applicant following it). */
  lookups: 2,
  /** The officer opens the dossier page before every action (GET /api/dossiers/:id). */
  officerViewsPerAction: 1,
} as const;

/** List prices (USD), read on the dates given in docs/COST.md. */
const PRICES = {
  firestore: { region: 'asia-southeast1 (Singapore)', readPer100k: 0.036, writePer100k: 0.108, deletePer100k: 0.012, freeReadsPerDay: 50_000, freeWritesPerDay: 20_000, freeDeletesPerDay: 20_000 },
  run: { tier: 'Tier 1 (asia-southeast1), CPU allocated only while a request runs', vcpuSecond: 0.000024, gibSecond: 0.0000025, perMillionRequests: 0.4, freeVcpuSeconds: 180_000, freeGibSeconds: 360_000, freeRequests: 2_000_000 },
} as const;
/** Billed time assumed per invocation (the emulator's times are not production's): 1 vCPU, memory as configured. */
const BILLED_SECONDS = 0.2;
const MEMORY_GIB: Record<string, number> = { api: 0.5, deadlineSweep: 0.5, deadlineSweepNightly: 0.5, onSlipRequestCreated: 1 };
const memoryOf = (fn: string) => MEMORY_GIB[fn] ?? 0.25;

/** The deadline sweep's per-dossier part (sweep ∝ due: 401 reads for 100 dossiers becoming due, `npm run bench -- sweep`). */
const SWEEP_READS_PER_DUE_DOSSIER = 4.01;

type Line = { fn: string; route?: string; invocations: number; ms: number; reads: number; writes: number; deletes: number; aggregationReads: number };

const { db, auth } = admin();
await loadDemoData(db, auth);
// The national portal's stand-in (functions/.env.local points the sync at it), answering as the portal does:
// the sync costs what it costs in steady running, not during an outage.
const portalDir = mkdtempSync(join(tmpdir(), 'motcua-cost-portal-'));
const portal = await startLocalStandIn({ dir: portalDir });
const secret = lookupSecret();
const ip = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

// A fixed pseudo-random sequence, so every run simulates the same month.
// (mulberry32: 32-bit integer arithmetic, exact in JavaScript numbers)
let state = 0x2f6e2b1;
const chance = (p: number) => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32 < p;
};
type Plan = { online: boolean; supplement: boolean; transferred: boolean; rated: boolean };
const plans: Plan[] = Array.from({ length: DOSSIERS }, () => {
  const online = chance(MIX.online);
  return { online, supplement: online && chance(MIX.supplementOfOnline), transferred: chance(MIX.transferred), rated: chance(MIX.rated) };
});

let failures = 0;
async function must<T extends { status: number; text: string }>(what: string, reply: Promise<T>): Promise<T> {
  const res = await reply;
  if (res.status >= 300) {
    failures += 1;
    throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
  return res;
}

/** The same application recorded at the desk: the desk is the officer's own agency, so it is not sent. */
const deskApplication = ({ receivingAgencyId: _desk, ...body }: ReturnType<typeof landRenewal>) => ({ ...body, channel: 'desk' as const });

async function lifetime(plan: Plan): Promise<void> {
  const { receptionistX: desk, leadX: lead, handlerY: handler, citizenA: citizen } = IDENTITIES;
  const application = landRenewal(rid('cost'));
  const submitted = plan.online
    ? numbered(await must('submit', api('submitDossier', { body: application }, citizen)))
    : numbered(await must('intake', api('intakeDossier', { body: deskApplication(application) }, desk)));
  const { id, code } = submitted.dossier;
  let version = submitted.dossier.version;
  const act = async (as: TestIdentity, action: Action, officer = true) => {
    if (officer) for (let i = 0; i < MIX.officerViewsPerAction; i++) await must('getDossier', api('getDossier', { params: { dossierId: id } }, as));
    const res = await must(action.type, api('actOnDossier', { params: { dossierId: id }, body: { requestId: rid('act'), expectedVersion: version, action } }, as));
    version = res.body.dossier.version;
  };
  if (plan.supplement) {
    await act(desk, { type: 'requestSupplement', items: [{ componentId: 'certificate', name: 'Bản sao giấy chứng nhận', problem: 'Ảnh chụp bị mờ' }], reason: 'Thành phần hồ sơ chưa đọc được', guidance: 'Nộp lại bản chụp rõ nét' });
    await act(citizen, { type: 'submitSupplement' }, false);
  }
  await act(desk, { type: 'receive' });
  const token = signLookupToken(id, secret);
  for (let i = 0; i < MIX.lookups; i++) await must('lookup', api('lookup', { params: { code: code! }, query: { t: token } }, undefined, { 'x-forwarded-for': ip() }));
  await act(lead, { type: 'assign', handlerId: 'handler-at-desk' });
  if (plan.transferred) {
    await act(lead, { type: 'transfer', toAgencyId: LAND_OFFICE, task: 'Thẩm định hồ sơ' });
    await act(handler, { type: 'acknowledgeTransfer' });
    await act(handler, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý' });
  } else {
    await act(lead, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý' });
  }
  await act(desk, { type: 'returnResult', via: 'desk' });
  if (plan.rated) {
    await must('rating', api('postRating', { body: { requestId: rid('rate'), code: code!, token, channel: 'online', satisfaction: 'satisfied', officerAttitudeComplaint: false } }, undefined, { 'x-forwarded-for': ip() }));
  }
}

const size = () => {
  try {
    return statSync(COUNTS).size;
  } catch {
    return 0;
  }
};
function linesBetween(from: number, to: number): Line[] {
  let text = '';
  try {
    text = readFileSync(COUNTS!).subarray(from, to).toString('utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
}
/** Waits until the triggers set off so far have all run: no new line for `quiet` ms (at most 3 minutes). */
async function settle(quiet = 8_000): Promise<void> {
  const deadline = Date.now() + 180_000;
  let last = size();
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = size();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quiet) return;
  }
}

// Warm every worker the lifecycle uses, then measure from a quiet file.
await lifetime({ online: true, supplement: true, transferred: true, rated: true });
await settle();
const start = size();
const t0 = Date.now();
const queue = [...plans];
const errors: string[] = [];
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) {
      try {
        await lifetime(plan);
      } catch (err) {
        errors.push(String(err));
      }
    }
  }),
);
await settle();
const lifecycleEnd = size();
const lifecycleSeconds = (Date.now() - t0) / 1000;

// Scheduled jobs: each fired twice, 15 minutes apart (a job keyed by its tick does the second one afresh).
const FIRE_OFFSETS_MINUTES = [0, 15];
const FIRES = FIRE_OFFSETS_MINUTES.length;
const jobs = await scheduledFunctions();
const tick = new Date();
tick.setUTCMinutes(Math.floor(tick.getUTCMinutes() / 15) * 15, 0, 0);
const perJob = new Map<string, Line[]>();
for (const job of jobs) {
  const from = size();
  for (const offset of FIRE_OFFSETS_MINUTES) {
    const fired = await runSchedule(job.name, new Date(tick.getTime() + offset * 60_000).toISOString());
    if (fired.status >= 300) errors.push(`${job.name} answered ${fired.status}: ${fired.body.slice(0, 200)}`);
  }
  await settle(3_000);
  perJob.set(job.name, linesBetween(from, size()));
}

// ---- arithmetic ----
type Tally = { invocations: number; reads: number; writes: number; deletes: number; aggregationReads: number; ms: number[] };
const emptyTally = (): Tally => ({ invocations: 0, reads: 0, writes: 0, deletes: 0, aggregationReads: 0, ms: [] });
function tallyBy(lines: Line[], key: (l: Line) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const l of lines) {
    const t = out.get(key(l)) ?? emptyTally();
    t.invocations += l.invocations;
    t.reads += l.reads;
    t.writes += l.writes;
    t.deletes += l.deletes;
    t.aggregationReads += l.aggregationReads;
    if (l.invocations > 0) t.ms.push(l.ms);
    out.set(key(l), t);
  }
  return out;
}
const sum = (ts: Iterable<Tally>) => [...ts].reduce((a, t) => ({ ...a, invocations: a.invocations + t.invocations, reads: a.reads + t.reads, writes: a.writes + t.writes, deletes: a.deletes + t.deletes, aggregationReads: a.aggregationReads + t.aggregationReads }), emptyTally());
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);

const lifecycleLines = linesBetween(start, lifecycleEnd);
const byOperation = tallyBy(lifecycleLines, (l) => (l.route ? `${l.fn} ${l.route}` : l.fn));
const total = sum(byOperation.values());
const per = (n: number) => n / DOSSIERS;
const perDossier = {
  reads: per(total.reads + total.aggregationReads) + SWEEP_READS_PER_DUE_DOSSIER,
  writes: per(total.writes),
  deletes: per(total.deletes),
  invocations: per(total.invocations),
  gibSeconds: per([...byOperation].reduce((a, [k, t]) => a + t.invocations * memoryOf(k.split(' ')[0]!), 0)) * BILLED_SECONDS,
};

// Runs of each job in a 30-day month, from its own cron as the local scheduler reads it.
const MONTH_START = new Date('2026-11-30T17:00:00Z'); // 1 December 2026, 00:00 in Vietnam
const MONTH_END = new Date(MONTH_START.getTime() + 30 * 86_400_000);
const runsPerMonth = (job: (typeof jobs)[number]) => {
  let n = 0;
  for (let t = nextTick(job, MONTH_START); t < MONTH_END; t = nextTick(job, t)) n += 1;
  return n;
};
type JobRow = { name: string; schedule: string; runs: number; perRun: Tally };
const jobRows: JobRow[] = jobs.map((job) => {
  // Everything the job's runs set off (a notification trigger, say) is charged to the job.
  const t = sum(tallyBy(perJob.get(job.name) ?? [], (l) => l.fn).values());
  return { name: job.name, schedule: job.schedule, runs: runsPerMonth(job), perRun: { ...t, invocations: t.invocations / FIRES, reads: t.reads / FIRES, writes: t.writes / FIRES, deletes: t.deletes / FIRES, aggregationReads: t.aggregationReads / FIRES } };
});
const jobsMonthly = jobRows.reduce(
  (a, j) => ({ reads: a.reads + j.runs * (j.perRun.reads + j.perRun.aggregationReads), writes: a.writes + j.runs * j.perRun.writes, deletes: a.deletes + j.runs * j.perRun.deletes, invocations: a.invocations + j.runs * j.perRun.invocations, gibSeconds: a.gibSeconds + j.runs * j.perRun.invocations * memoryOf(j.name) * BILLED_SECONDS }),
  { reads: 0, writes: 0, deletes: 0, invocations: 0, gibSeconds: 0 },
);

type Month = { perYear: number; dossiers: number; reads: number; writes: number; deletes: number; invocations: number; firestoreUsd: number; functionsUsd: number };
function month(perYear: number): Month {
  const dossiers = perYear / 12;
  const reads = dossiers * perDossier.reads + jobsMonthly.reads;
  const writes = dossiers * perDossier.writes + jobsMonthly.writes;
  const deletes = dossiers * perDossier.deletes + jobsMonthly.deletes;
  const invocations = dossiers * perDossier.invocations + jobsMonthly.invocations;
  const f = PRICES.firestore;
  const firestoreUsd =
    (Math.max(0, reads - 30 * f.freeReadsPerDay) / 1e5) * f.readPer100k + (Math.max(0, writes - 30 * f.freeWritesPerDay) / 1e5) * f.writePer100k + (Math.max(0, deletes - 30 * f.freeDeletesPerDay) / 1e5) * f.deletePer100k;
  const r = PRICES.run;
  const vcpuSeconds = invocations * BILLED_SECONDS;
  const gibSeconds = dossiers * perDossier.gibSeconds + jobsMonthly.gibSeconds;
  const functionsUsd = Math.max(0, vcpuSeconds - r.freeVcpuSeconds) * r.vcpuSecond + Math.max(0, gibSeconds - r.freeGibSeconds) * r.gibSecond + (Math.max(0, invocations - r.freeRequests) / 1e6) * r.perMillionRequests;
  return { perYear, dossiers, reads, writes, deletes, invocations, firestoreUsd, functionsUsd };
}
const months = [225_000, 1_000_000, 10_000_000].map(month);

// ---- report ----
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);
const usd = (x: number) => `$${x < 10 ? x.toFixed(2) : Math.round(x).toLocaleString('en-US')}`;
const costOf = (t: Tally) => ((t.reads + t.aggregationReads) / 1e5) * PRICES.firestore.readPer100k + (t.writes / 1e5) * PRICES.firestore.writePer100k + (t.deletes / 1e5) * PRICES.firestore.deletePer100k;
const rows = [...byOperation].sort((a, b) => costOf(b[1]) - costOf(a[1]));
const lifecycleCost = costOf(total);
const opTable = rows
  .map(([k, t]) => `| ${k} | ${n1(per(t.invocations))} | ${n1(per(t.reads + t.aggregationReads))} | ${n1(per(t.writes))} | ${n1(per(t.deletes))} | ${((costOf(t) / lifecycleCost) * 100).toFixed(0)}% | ${median(t.ms)} |`)
  .join('\n');
const jobTable = jobRows
  .sort((a, b) => b.runs * (b.perRun.reads + b.perRun.writes) - a.runs * (a.perRun.reads + a.perRun.writes))
  .map((j) => `| ${j.name} | \`${j.schedule}\` | ${n0(j.runs)} | ${n1(j.perRun.reads + j.perRun.aggregationReads)} | ${n1(j.perRun.writes)} | ${n1(j.perRun.deletes)} | ${n0(j.runs * (j.perRun.reads + j.perRun.aggregationReads))} | ${n0(j.runs * j.perRun.writes)} |`)
  .join('\n');
const monthTable = months
  .map((m) => `| ${n0(m.perYear)} | ${n0(m.dossiers)} | ${n0(m.reads)} | ${n0(m.writes)} | ${n0(m.deletes)} | ${n0(m.invocations)} | ${usd(m.firestoreUsd)} | ${usd(m.functionsUsd)} | ${usd(m.firestoreUsd + m.functionsUsd)} |`)
  .join('\n');
const top = rows.slice(0, 3).map(([k, t]) => `${k} (${((costOf(t) / lifecycleCost) * 100).toFixed(0)}%)`).join(', ');
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const jobsFloorUsd = (jobsMonthly.reads / 1e5) * PRICES.firestore.readPer100k + (jobsMonthly.writes / 1e5) * PRICES.firestore.writePer100k + (jobsMonthly.deletes / 1e5) * PRICES.firestore.deletePer100k;
const jobShare = (m: Month) => (jobsMonthly.reads + jobsMonthly.writes + jobsMonthly.deletes) / (m.reads + m.writes + m.deletes);
const writeShare = ((total.writes / 1e5) * PRICES.firestore.writePer100k) / lifecycleCost;
const simulated = { online: plans.filter((p) => p.online).length, supplement: plans.filter((p) => p.supplement).length, transferred: plans.filter((p) => p.transferred).length, rated: plans.filter((p) => p.rated).length };

const doc = `# Cost model — what a province pays Firestore and Cloud Functions

Generated by \`npm run bench -- cost\` (bench/cost.ts) on ${MEASURED}; do not edit by hand, run it again.
Issue 19. The figures are counts from one run of the real code against the emulators, priced at public list
prices; the prices and every assumption are stated below so the arithmetic can be redone.

## How it was measured
- **${DOSSIERS} dossiers** were driven through the HTTP API (Hosting → \`api\` function), one lifetime each, ${PARALLEL}
  at a time, in ${lifecycleSeconds.toFixed(0)} s; every trigger they set off ran in the functions emulator (statistics,
  roll-ups, slips, notifications, the portal sync, the code allocator when it had to). ${errors.length} calls failed.
- Then **every scheduled job** the functions export (${jobs.length}) was fired twice, 15 minutes apart, as the local scheduler
  fires them (\`runSchedule\`), beside those dossiers.
- **Counting** (functions/src/platform/op-counter.ts, op-tally.ts): in this run only (\`MOTCUA_OP_COUNTS\`, set by
  scripts/bench.ts) the Admin SDK's Firestore instance is metered where every call passes — the commits and
  batch writes sent (one write per set/update/create, one delete per delete, in transactions and batches alike)
  and the answers received (one read per document a lookup returns or finds missing, one per document a query
  returns and at least one per query, one per document a server-side listener receives, one per 1,000 index
  entries an aggregation matched). Each function
  invocation appends its tally, named by its function and, for \`api\`, its route. Off, the meter is not installed.
- **Not counted**: reads the web pages make directly with the Firestore SDK under the security rules (the officer
  queue's listeners: about 150 documents to open a queue, \`npm run bench -- queue\`; a citizen's "my dossiers"
  listener), Cloud Storage, Auth, Hosting and network egress. The deadline sweep's per-dossier part is added from
  the sweep bench (${SWEEP_READS_PER_DUE_DOSSIER} reads per dossier becoming due): in this short run no dossier
  becomes due.
- **The national portal** is played by its local stand-in (docs/SYNC.md), which accepts every message as the portal
  does: the portal-sync figures are those of steady running, not of an outage (an outage adds the retries and
  the reconciliation's re-queuing of what was not sent).

## The simulated month (proportions and where they come from)
| share | value | source |
|---|---|---|
| filed online | ${MIX.online * 100}% (${simulated.online} of ${DOSSIERS}) | Kon Tum, Q1 2023: 56,039 dossiers (≈ 225,000 a year), 22% online — the reference small province |
| desk or post | ${(1 - MIX.online) * 100}% | the rest; each recorded at the desk (intake), then received |
| online dossiers sent back for a supplement once | ${MIX.supplementOfOnline * 100}% (${simulated.supplement}) | assumption: Decree 118 allows one round (Art. 19.5); desk applicants complete at the counter |
| inter-agency (liên thông): transferred, acknowledged and resolved at another agency | ${MIX.transferred * 100}% (${simulated.transferred}) | assumption from the seed province: land procedures, the busiest field, route through the land office |
| rated online after the return | ${MIX.rated * 100}% (${simulated.rated}) | assumption (the national index scores satisfaction; no published response rate) |
| receipt QR lookups per dossier | ${MIX.lookups} | assumption |
| officer opens the dossier page before each action | ${MIX.officerViewsPerAction} | how /can-bo/ works |
| notifications, slips, statistics, portal sync | as the code does them | every status change, through the triggers |

Every dossier is the seed's land-certificate renewal (1.012792) at the province service centre, received,
assigned, resolved (approved) and returned at the desk. Refusals, stops and extensions are rarer and cost
about as much as the steps they replace.

## Per dossier lifetime
**${n1(perDossier.reads)} reads, ${n1(perDossier.writes)} writes, ${n1(perDossier.deletes)} deletes and ${n1(perDossier.invocations)} function invocations** per
dossier (reads include aggregation reads and the sweep's share). By operation (per dossier; share of the
lifetime's Firestore cost at the prices below; median emulator time per invocation, for orientation only):

| operation (function route) | invocations | reads | writes | deletes | share of cost | median ms |
|---|---|---|---|---|---|---|
${opTable}

**What dominates**: ${top}.

## Scheduled jobs (a fixed floor, except the sweep's due part and the portal-sync backlog)
Runs in a 30-day month from each job's own schedule; documents per run as measured beside ${DOSSIERS} dossiers.

| job | schedule | runs / month | reads / run | writes / run | deletes / run | reads / month | writes / month |
|---|---|---|---|---|---|---|---|
${jobTable}

Together: ${n0(jobsMonthly.reads)} reads, ${n0(jobsMonthly.writes)} writes and ${n0(jobsMonthly.invocations)} invocations a month.

## A month at three sizes
| dossiers / year | per month | reads | writes | deletes | invocations | Firestore | Cloud Functions | total / month |
|---|---|---|---|---|---|---|---|---|
${monthTable}

## Prices used (USD, list prices, before taxes and discounts)
- **Firestore**, standard edition, ${PRICES.firestore.region}: reads $${PRICES.firestore.readPer100k}, writes $${PRICES.firestore.writePer100k},
  deletes $${PRICES.firestore.deletePer100k} per 100,000 documents; free each day 50,000 reads, 20,000 writes, 20,000 deletes
  (subtracted above, 30 days). Source: Firestore pricing, https://cloud.google.com/firestore/pricing (free quota and
  billing rules read 2026-12-04). **The Singapore rates are an assumption, not read**: the per-location table did not
  render in the copy available here; it showed Iowa-class regions at $0.03/$0.09/$0.01 and Los Angeles at 1.2× that,
  and the rates above take Singapore at the same 1.2×. At the multi-region rates ($0.06/$0.18/$0.02, the dearest)
  the Firestore column would be 1.67× the one above. Check the live table before a budget is signed. Stored data,
  PITR, backups and egress are not included.
- **Cloud Functions (2nd gen) = Cloud Run**, ${PRICES.run.tier}: $${PRICES.run.vcpuSecond} per vCPU-second, $${PRICES.run.gibSecond} per
  GiB-second, $${PRICES.run.perMillionRequests} per million requests; free each month 180,000 vCPU-seconds, 360,000 GiB-seconds,
  2 million requests. Source: https://cloud.google.com/run/pricing (read 2026-12-04). Compute is an assumption, not
  a measure: ${BILLED_SECONDS} s billed per invocation at 1 vCPU and the configured memory (api and sweeps 512 MiB, slips
  1 GiB, others 256 MiB) — an upper bound, since an instance serves up to 80 requests at once.

## Reading it
- The scheduled jobs cost ${usd(jobsFloorUsd)} of Firestore a month before the free quota, including the portal-sync
  retry and reconciliation jobs, which read what is pending or changed since their last run; the
  5-minute notification retry and the heartbeat run whether or not anything is due. The jobs are
  ${pct(jobShare(months[0]!))} of the documents touched at 225,000 dossiers a year and ${pct(jobShare(months[2]!))} at 10 million.
- Within a dossier's lifetime the three dearest operations are ${top}; writes are ${pct(writeShare)} of the lifetime's
  Firestore cost (every status change writes the dossier, its hash-chained event, outbox requests for the slip,
  the notifications and the portal, and the sharded statistics and roll-ups its event fans out to).
- Cloud Functions: ${months.map((m) => `${usd(m.functionsUsd)} at ${n0(m.perYear)}`).join(', ')} dossiers a year (compute assumed,
  requests counted); Firestore: ${months.map((m) => `${usd(m.firestoreUsd)}`).join(', ')}.
`;
writeFileSync(join(import.meta.dirname, '..', 'docs', 'COST.md'), doc);
await portal.close();
rmSync(portalDir, { recursive: true, force: true });

console.log(`simulated ${DOSSIERS} dossiers in ${lifecycleSeconds.toFixed(0)} s (${simulated.online} online, ${simulated.supplement} supplements, ${simulated.transferred} transferred, ${simulated.rated} rated); ${errors.length} errors${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`);
for (const [k, t] of rows.slice(0, 8)) console.log(`  ${k.padEnd(40)} ${n1(per(t.invocations))} inv  ${n1(per(t.reads + t.aggregationReads))} reads  ${n1(per(t.writes))} writes per dossier`);
console.log(`scheduled jobs: ${n0(jobsMonthly.reads)} reads, ${n0(jobsMonthly.writes)} writes, ${n0(jobsMonthly.invocations)} invocations a month`);
for (const m of months) console.log(`  ${n0(m.perYear)} dossiers/year: Firestore ${usd(m.firestoreUsd)} + Cloud Functions ${usd(m.functionsUsd)} a month`);
console.log('wrote docs/COST.md');
const m1 = months[1]!;
console.log(`cost: ${n1(perDossier.reads)}/${n1(perDossier.writes)} reads/writes per dossier (${n1(perDossier.deletes)} deletes, ${n1(perDossier.invocations)} invocations); 1 M dossiers a year ≈ ${usd(m1.firestoreUsd + m1.functionsUsd)} a month`);
process.exit(errors.length > 0 || total.invocations === 0 || failures > 0 ? 1 : 0);
