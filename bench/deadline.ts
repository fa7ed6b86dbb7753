// How fast the deadline engine is: 60 working days across the year boundary (starts around Fri 20 Nov
// 2026, due in February 2027 after New Year and Tết), with the full trail and bilingual explanation,
// against a plain 60-calendar-day addition with Date arithmetic measured in the same run (the baseline).
// Bounded: about 3 seconds in total.
import { buildWorkingCalendar, computeDeadline, type Duration } from '../functions/src/domain/time/index.js';
import { demoCalendars } from '../seed/data/calendars.js';
import { median } from './_stats.js';

const ROUNDS = 5;
const ROUND_MS = 250;
const DAY_MS = 86_400_000;
const duration: Duration = { value: 60, unit: 'workingDays' };
const calendar = buildWorkingCalendar(demoCalendars);

// 1,000 start instants, one minute apart on a 10-minute stride, 16–27 Nov 2026 (evenings and weekends
// included, so start normalisation is exercised too).
const first = Date.parse('2026-11-16T00:00:00+07:00');
const starts = Array.from(
  { length: 1000 },
  (_, i) => new Date(first + ((i * 7919) % (12 * 144)) * 10 * 60_000),
);

const check = computeDeadline({ start: new Date('2026-11-20T09:00:00+07:00'), duration, calendar });
if (check.dueAt.toISOString() !== '2027-02-23T02:00:00.000Z')
  throw new Error(`unexpected due time ${check.dueAt.toISOString()}`);
console.log(`sample: ${check.explanation.vi}`);

let sink = 0;
/** Operations per second of `op` over one round of about ROUND_MS. */
function opsPerSecond(op: (start: Date) => number): number {
  let count = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (const start of starts) sink += op(start);
    count += starts.length;
    elapsed = performance.now() - t0;
  } while (elapsed < ROUND_MS);
  return (count / elapsed) * 1000;
}

const deadlineOp = (start: Date) => computeDeadline({ start, duration, calendar }).dueAt.getTime();
const plainOp = (start: Date) => {
  const d = new Date(start.getTime());
  d.setUTCDate(d.getUTCDate() + 60);
  return d.getTime() % DAY_MS;
};

// Warm-up, then interleaved rounds so that machine noise hits both sides alike.
opsPerSecond(deadlineOp);
opsPerSecond(plainOp);
const deadline: number[] = [];
const plain: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  deadline.push(opsPerSecond(deadlineOp));
  plain.push(opsPerSecond(plainOp));
}
const deadlineRate = median(deadline);
const plainRate = median(plain);
const ratio = plainRate / deadlineRate;

console.log(`rounds: ${ROUNDS} × ${ROUND_MS} ms each, medians (checksum ${sink % 1000})`);
console.log(
  `plain 60-calendar-day Date addition (baseline): ${Math.round(plainRate).toLocaleString('en-US')} /s`,
);
console.log(
  `computeDeadline, 60 working days across 2026→2027, trail + explanation: ${Math.round(deadlineRate).toLocaleString('en-US')} /s`,
);
console.log(`one deadline costs ${ratio.toFixed(0)}x a plain date addition; target ≥ 50,000 computations/s`);
console.log(
  `deadline: ${Math.round(deadlineRate)} computations/s (${ratio.toFixed(0)}x plain date addition)`,
);
