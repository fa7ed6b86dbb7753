// The local Cloud Scheduler. In production, deploying an `onSchedule` (2nd gen) function creates a Cloud
// Scheduler job `firebase-schedule-<name>-<region>` that POSTs to the function at each tick of its
// schedule, in its time zone, with the tick in `X-CloudScheduler-ScheduleTime` (our jobs take "now" from
// it). firebase-tools 14 has no such thing: with the Pub/Sub emulator running it loads the scheduled
// functions and creates a topic `firebase-schedule-<name>` for each, but nothing publishes on it, and a
// message published there does not reach a 2nd-gen scheduled function anyway (the Pub/Sub emulator only
// delivers to event-style functions). So this module does Cloud Scheduler's part against the functions
// emulator: it reads the deployed schedules from the emulator (`GET /backends`, the same function manifest
// `firebase deploy` turns into scheduler jobs) and POSTs each tick to the function's trigger, headers and
// all. See docs/adr/0005-local-scheduler.md and docs/OPERATIONS.md.
//
// A virtual clock lets a demo run the day faster: with factor 60, one real second is one scheduled minute.
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/** Cloud Scheduler's retry settings of a job (`retryConfig` of onSchedule), with its defaults. */
export type RetryPolicy = {
  retryCount: number;
  minBackoffSeconds: number;
  maxBackoffSeconds: number;
  maxDoublings: number;
};

export type ScheduledJob = {
  name: string;
  region: string;
  /** As written in functions/src/index.ts (`*\/15 7-17 * * 1-6`, `every 5 minutes`). */
  schedule: string;
  /** The same schedule as a five-field cron expression. */
  cron: string;
  timeZone: string;
  retry: RetryPolicy;
};

export type FireResult = {
  job: string;
  scheduleTime: string;
  status: number;
  ms: number;
  attempts: number;
  body: string;
};

// What the functions emulator answers at GET /backends: checked, since it is input from another program.
const RetryConfig = z
  .looseObject({
    retryCount: z.number().int().min(0).optional(),
    minBackoffSeconds: z.number().min(0).optional(),
    maxBackoffSeconds: z.number().min(0).optional(),
    maxDoublings: z.number().int().min(0).optional(),
  })
  .optional();
const Backends = z.looseObject({
  backends: z.array(
    z.looseObject({
      functionTriggers: z.array(
        z.looseObject({
          name: z.string(),
          region: z.string(),
          schedule: z
            .looseObject({ schedule: z.string(), timeZone: z.string().nullish(), retryConfig: RetryConfig })
            .optional(),
        }),
      ),
    }),
  ),
});

const EVERY = /^every (\d+) (minutes?|mins?|hours?)$/;

/**
 * A schedule as a five-field cron expression. Cloud Scheduler also takes the App Engine form `every N
 * minutes|hours`; here it is aligned to the clock (`*\/N`), so N must divide the hour (or the day). Any
 * other form is refused rather than guessed.
 */
export function cronOf(schedule: string): string {
  const text = schedule.trim().replace(/\s+/g, ' ');
  const every = EVERY.exec(text);
  if (every) {
    const n = Number(every[1]);
    if (every[2]!.startsWith('h')) {
      if (n < 1 || 24 % n !== 0)
        throw new Error(`unsupported schedule "${schedule}": N hours must divide 24`);
      return `0 */${n} * * *`;
    }
    if (n < 1 || 60 % n !== 0)
      throw new Error(`unsupported schedule "${schedule}": N minutes must divide 60`);
    return `*/${n} * * * *`;
  }
  if (text.startsWith('every '))
    throw new Error(`unsupported schedule "${schedule}": only "every N minutes|hours"`);
  if (text.split(' ').length !== 5)
    throw new Error(`unsupported schedule "${schedule}": Cloud Scheduler takes five cron fields`);
  CronExpressionParser.parse(text, { tz: 'UTC' }); // throws on a malformed expression
  return text;
}

/** The first tick of `job` strictly after `after`, in the job's time zone. */
export function nextTick(job: Pick<ScheduledJob, 'cron' | 'timeZone'>, after: Date): Date {
  return CronExpressionParser.parse(job.cron, { currentDate: after, tz: job.timeZone }).next().toDate();
}

/** Every scheduled function the functions emulator loaded, from its `GET /backends`. */
export async function discoverJobs(functionsOrigin: string): Promise<ScheduledJob[]> {
  const res = await fetch(`${functionsOrigin}/backends`);
  if (!res.ok)
    throw new Error(`the functions emulator answered ${res.status} at ${functionsOrigin}/backends`);
  const parsed = Backends.parse(await res.json());
  const jobs: ScheduledJob[] = [];
  for (const trigger of parsed.backends.flatMap((b) => b.functionTriggers)) {
    if (!trigger.schedule) continue;
    const { schedule, timeZone, retryConfig } = trigger.schedule;
    // Cloud Scheduler would fall back to UTC; every job of ours states Vietnam time (TIME_ZONE, config.ts).
    if (!timeZone)
      throw new Error(`scheduled function ${trigger.name} has no time zone: give it timeZone: TIME_ZONE`);
    jobs.push({
      name: trigger.name,
      region: trigger.region,
      schedule,
      cron: cronOf(schedule),
      timeZone,
      retry: {
        retryCount: retryConfig?.retryCount ?? 0,
        minBackoffSeconds: retryConfig?.minBackoffSeconds ?? 5,
        maxBackoffSeconds: retryConfig?.maxBackoffSeconds ?? 3600,
        maxDoublings: retryConfig?.maxDoublings ?? 5,
      },
    });
  }
  return jobs.sort((a, b) => a.name.localeCompare(b.name));
}

/** Seconds Cloud Scheduler waits before retry `n` (1-based): doubling from the minimum, then capped. */
export function backoffSeconds(retry: RetryPolicy, n: number): number {
  return Math.min(
    retry.maxBackoffSeconds,
    retry.minBackoffSeconds * 2 ** Math.min(n - 1, retry.maxDoublings),
  );
}

// The emulator keys an event-style trigger `<region>-<name>-<generation>`; the generation goes up when it
// reloads every trigger (e.g. after a test toggled background triggers), so it is looked up again on a 404.
const triggerKeys = new Map<string, string>();
async function postTick(
  functionsOrigin: string,
  projectId: string,
  job: ScheduledJob,
  scheduleTime: Date,
): Promise<{ status: number; body: string }> {
  const send = async (key: string) => {
    const res = await fetch(`${functionsOrigin}/${projectId}/${job.region}/${key}`, {
      method: 'POST',
      headers: {
        'X-CloudScheduler': 'true',
        'X-CloudScheduler-JobName': `firebase-schedule-${job.name}-${job.region}`,
        'X-CloudScheduler-ScheduleTime': scheduleTime.toISOString(),
      },
    });
    return { status: res.status, body: await res.text() };
  };
  const cacheKey = `${functionsOrigin} ${job.region} ${job.name}`;
  const first = await send(triggerKeys.get(cacheKey) ?? `${job.name}-0`);
  if (first.status !== 404) return first;
  const prefix = `${job.region}-${job.name}-`;
  const current = /valid functions are: (.*)$/s
    .exec(first.body)?.[1]
    ?.split(',')
    .map((k) => k.trim())
    .filter((k) => k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)))
    .sort((a, b) => Number(b.slice(prefix.length)) - Number(a.slice(prefix.length)))[0];
  if (!current) return first;
  triggerKeys.set(cacheKey, current.slice(job.region.length + 1));
  return send(current.slice(job.region.length + 1));
}

/**
 * One tick of a job, as Cloud Scheduler delivers it: a POST to the function with the scheduler headers,
 * retried per the job's retry policy while the function fails (same schedule time each attempt).
 * `sleep` takes real milliseconds (tests and a fast clock shorten the backoff).
 */
export async function fireJob(
  target: { functionsOrigin: string; projectId: string },
  job: ScheduledJob,
  scheduleTime: Date,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<FireResult> {
  const started = Date.now();
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const answer = await postTick(target.functionsOrigin, target.projectId, job, scheduleTime).catch(
      (err: unknown) => ({
        status: 0,
        body: err instanceof Error ? err.message : String(err),
      }),
    );
    const ok = answer.status >= 200 && answer.status < 300;
    if (ok || attempts > job.retry.retryCount) {
      return {
        job: job.name,
        scheduleTime: scheduleTime.toISOString(),
        status: answer.status,
        ms: Date.now() - started,
        attempts,
        body: answer.body,
      };
    }
    await sleep(backoffSeconds(job.retry, attempts) * 1000);
  }
}

/** Scheduled time running `factor` times faster than the real one, from `startAt`. */
export class VirtualClock {
  private readonly realStart: number;
  constructor(
    readonly factor = 1,
    readonly startAt: Date = new Date(),
    private readonly realNow: () => number = Date.now,
  ) {
    if (!(factor > 0)) throw new Error(`clock factor must be positive, got ${factor}`);
    this.realStart = realNow();
  }
  now(): Date {
    return new Date(this.startAt.getTime() + (this.realNow() - this.realStart) * this.factor);
  }
  /** Real milliseconds until the clock shows `at` (0 if it already does). */
  realMsUntil(at: Date): number {
    return Math.max(0, (at.getTime() - this.now().getTime()) / this.factor);
  }
}

/** `03/12 07:15 (Asia/Ho_Chi_Minh)`: a tick as an officer reads it. */
export function formatTick(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')} ${get('hour')}:${get('minute')}`;
}

export type SchedulerOptions = {
  functionsOrigin: string;
  projectId: string;
  /** Clock speed: 1 is real time. */
  factor?: number;
  /** Where the virtual clock starts (default: now). Tests start just before a tick they want. */
  startAt?: Date;
  /** Only these jobs (default: every scheduled function). */
  only?: readonly string[];
  log?: (line: string) => void;
  /** Called after every tick (tests wait on it). */
  onTick?: (result: FireResult) => void;
};

export type RunningScheduler = {
  jobs: ScheduledJob[];
  clock: VirtualClock;
  /** The next tick of each job, by name. */
  next: () => Record<string, Date>;
  /** Stops the timers and waits for the ticks under way. */
  stop: () => Promise<void>;
};

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Fires every scheduled function on its schedule, in its time zone, on the virtual clock. A job whose
 * previous tick is still running skips a tick (logged); ticks missed while the machine was busy are
 * skipped too, not replayed in a burst (every job catches up by itself: it reads the state, not the
 * ticks it missed).
 */
export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  const log = options.log ?? ((line: string) => console.log(line));
  const all = await discoverJobs(options.functionsOrigin);
  // The clock starts once the jobs are known: a slow discovery on a loaded machine must not eat the first
  // ticks of a fast clock (×60 turns one real second into a minute).
  const clock = new VirtualClock(options.factor ?? 1, options.startAt ?? new Date());
  const unknown = (options.only ?? []).filter((name) => !all.some((j) => j.name === name));
  if (unknown.length > 0)
    throw new Error(
      `no scheduled function named ${unknown.join(', ')} (have: ${all.map((j) => j.name).join(', ')})`,
    );
  const jobs = options.only ? all.filter((j) => options.only!.includes(j.name)) : all;
  const target = { functionsOrigin: options.functionsOrigin, projectId: options.projectId };
  const timers = new Map<string, NodeJS.Timeout>();
  const nextOf = new Map<string, Date>();
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;

  const arm = (job: ScheduledJob, tick: Date) => {
    nextOf.set(job.name, tick);
    const wait = clock.realMsUntil(tick);
    timers.set(
      job.name,
      setTimeout(
        () => {
          if (stopped) return;
          // Woken early (long waits are split; timers may round): wait for the rest.
          if (clock.realMsUntil(tick) > 0) return arm(job, tick);
          onTick(job, tick);
        },
        Math.min(Math.ceil(wait), MAX_TIMEOUT_MS),
      ),
    );
  };

  const onTick = (job: ScheduledJob, tick: Date) => {
    const when = formatTick(tick, job.timeZone);
    if (inFlight.has(job.name)) {
      log(`[scheduler] ${when} ${job.name}: skipped, the previous run is still going`);
    } else {
      const run = fireJob(
        target,
        job,
        tick,
        (ms) => new Promise((r) => setTimeout(r, ms / clock.factor)),
      ).then((result) => {
        const outcome =
          result.status >= 200 && result.status < 300
            ? `ok ${result.status}`
            : `FAILED ${result.status || 'no answer'}: ${result.body.slice(0, 200)}`;
        const retries = result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
        log(`[scheduler] ${when} ${job.name} → ${outcome} (${result.ms} ms${retries})`);
        options.onTick?.(result);
      });
      inFlight.set(job.name, run);
      void run.finally(() => inFlight.delete(job.name));
    }
    let following = nextTick(job, tick);
    const now = clock.now();
    if (following.getTime() <= now.getTime()) {
      following = nextTick(job, now);
      log(
        `[scheduler] ${job.name}: ticks until ${formatTick(now, job.timeZone)} skipped (the machine fell behind the clock)`,
      );
    }
    arm(job, following);
  };

  const startedAt = clock.now();
  for (const job of jobs) arm(job, nextTick(job, new Date(startedAt.getTime() - 1)));
  return {
    jobs,
    clock,
    next: () => Object.fromEntries(nextOf),
    stop: async () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(inFlight.values());
    },
  };
}
