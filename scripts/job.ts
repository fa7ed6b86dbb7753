// `npm run job -- <name> [--at <ISO instant>]`: fires one scheduled function now, through the same wiring
// as the local scheduler of `npm start` (a Cloud Scheduler POST to the function in the running functions
// emulator, with the tick in X-CloudScheduler-ScheduleTime). `--at` picks the tick (default: now), e.g.
// `npm run job -- deadlineSweep --at 2026-12-04T09:00:00+07:00` to see what the 09:00 sweep would do.
// Needs `npm start` running in another terminal.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { functionsOrigin, PROJECT_ID } from './lib/emulator-env.js';
import { discoverJobs, fireJob, formatTick } from './lib/scheduler.js';

const JobArgs = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  at: z.iso.datetime({ offset: true }).optional(),
});
function usage(): never {
  console.error('Usage: npm run job -- <scheduled function> [--at <ISO 8601 instant with offset>]');
  console.error('  e.g. npm run job -- deadlineSweep');
  console.error('       npm run job -- deadlineSweepNightly --at 2026-12-04T00:30:00+07:00');
  process.exit(2);
}
const cli = (() => {
  try {
    return parseArgs({ options: { at: { type: 'string' } }, allowPositionals: true });
  } catch {
    return usage(); // an unknown option
  }
})();
const parsed = JobArgs.safeParse({ name: cli.positionals[0], at: cli.values.at });
if (!parsed.success || cli.positionals.length !== 1) usage();
const { name } = parsed.data;
const at = parsed.data.at ? new Date(parsed.data.at) : new Date();

const origin = functionsOrigin();
const jobs = await discoverJobs(origin).catch((err: unknown) => {
  console.error(
    `The functions emulator does not answer at ${origin} (${err instanceof Error ? err.message : String(err)}). Start it with \`npm start\` first.`,
  );
  process.exit(1);
});
const job = jobs.find((j) => j.name === name);
if (!job) {
  console.error(
    `No scheduled function "${name}". Scheduled functions: ${jobs.map((j) => `${j.name} (${j.schedule})`).join(', ')}`,
  );
  process.exit(2);
}
const result = await fireJob({ functionsOrigin: origin, projectId: PROJECT_ID }, job, at);
const ok = result.status >= 200 && result.status < 300;
console.log(
  `${job.name} at ${formatTick(at, job.timeZone)} (${job.timeZone}, ${at.toISOString()}) → ${ok ? 'ok' : 'FAILED'} ${result.status} in ${result.ms} ms`,
);
if (!ok) console.error(result.body);
console.log('Its log lines are in the `npm start` terminal (functions emulator).');
process.exit(ok ? 0 : 1);
