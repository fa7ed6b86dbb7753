// A separate Node process that files submissions to one desk through the real handler, against the
// Firestore emulator: the code allocator is shared by processes only through Firestore, as it is by
// function instances in production. Used by test/emulator/code-allocator.test.ts and bench/desk-burst.ts.
//
//   tsx test/support/code-worker.ts '<json>'   with
//   { mode: 'submit', day, desk, label, count, ratePerSecond? }  → one line per submission:
//       {"i":0,"status":201,"code":"…","ms":123,"asked":1}   (ms: from the first call to the numbered
//       answer; a 202 is asked again every 200 ms, `asked` counts the calls)
//       with `trace: true`, each line also tells `startedAt`, `queuedAt` (epoch ms) and the `dossierId`,
//       and the allocator's batches and lease changes in this process are printed as {"trace":{…}} lines
//       (the desk-burst bench lines up all processes' events to show where the time to code goes).
//   { mode: 'queue', day, desk, label, count }  → files `count` submissions that never wait (202), prints
//       QUEUED, then runs one allocator batch that prints PLANNED <n> once planned and never commits
//       (the test kills the process there).
import { allocateBatch } from '../../functions/src/features/dossiers/allocate-codes.js';
import type { CodeTrace } from '../../functions/src/features/dossiers/allocate-codes.js';
import type { DossierDeps } from '../../functions/src/features/dossiers/dossier-deps.js';
import { dossierIdFor, submitDossier } from '../../functions/src/features/dossiers/submit.handler.js';
import { counterRef } from '../../functions/src/store/dossier-codes.js';
import { admin } from './emulators.js';
import { birthRegistration } from '../fixtures/applications.js';

type Job = { mode: 'submit' | 'queue'; day: string; desk: string; label: string; count: number; ratePerSecond?: number; trace?: boolean };

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const { db } = admin();
const now = () => new Date(`${job.day}T02:00:00Z`);


const request = (body: object) => ({ method: 'POST' as const, path: '', params: {}, query: {}, header: () => undefined, body });
// One account per process, allowed many a day: the desk's code queue is what is exercised.
const limits = { perAccountPerDay: 1_000_000, perAgencyPerDay: 1_000_000 };
const caller = async () => ({ role: 'citizen' as const, userId: `worker-${job.label}` });

/** Files one submission; a 202 (code still being assigned) is asked again, as the pages do, until numbered. */
async function untilCode(i: number, deps: DossierDeps) {
  const body = birthRegistration(`${job.label}-${i}`, job.desk);
  for (let asked = 1; ; asked++) {
    const res = await submitDossier(request(body), deps);
    if (res.status !== 202) return { res: res.status === 200 ? { ...res, status: 201 } : res, asked };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** First time each dossier was queued (epoch ms), from the handler's trace. */
const queuedAt = new Map<string, number>();
function codeTrace(event: CodeTrace): void {
  if (event.kind === 'queued') {
    if (!queuedAt.has(event.dossierId)) queuedAt.set(event.dossierId, event.at);
  } else console.log(JSON.stringify({ trace: event }));
}

async function submitAll(): Promise<void> {
  const deps: DossierDeps = { db, now, caller, onlineQuota: () => limits, ...(job.trace ? { codeTrace } : {}) };
  const gapMs = job.ratePerSecond ? 1000 / job.ratePerSecond : 0;
  const t0 = performance.now();
  const all: Promise<void>[] = [];
  for (let i = 0; i < job.count; i++) {
    if (gapMs > 0) {
      const wait = t0 + i * gapMs - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const started = performance.now();
    const startedAt = Date.now();
    all.push(
      untilCode(i, deps).then(
        ({ res, asked }) => {
          const body = res.body as { dossier?: { code?: string } };
          const line = { i, status: res.status, code: body.dossier?.code ?? null, ms: performance.now() - started, asked };
          const dossierId = dossierIdFor(`worker-${job.label}`, `${job.label}-${i}`);
          console.log(JSON.stringify(job.trace ? { ...line, dossierId, startedAt, queuedAt: queuedAt.get(dossierId) } : line));
        },
        (error: unknown) => console.log(JSON.stringify({ i, status: -1, error: String(error), ms: performance.now() - started })),
      ),
    );
  }
  await Promise.all(all);
}

async function queueThenDie(): Promise<void> {
  const deps: DossierDeps = { db, now, caller, onlineQuota: () => limits, codeWaitMs: 0 };
  for (let i = 0; i < job.count; i++) {
    const res = await submitDossier(request(birthRegistration(`${job.label}-${i}`, job.desk)), deps);
    if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  console.log('QUEUED');
  await allocateBatch(
    {
      db,
      onPlanned: async (n) => {
        console.log(`PLANNED ${n}`);
        await new Promise(() => undefined); // holds the transaction open until killed
      },
    },
    counterRef(db, job.desk, now()).id,
  );
  console.log('COMMITTED'); // never reached while the test kills at PLANNED
}

await (job.mode === 'submit' ? submitAll() : queueThenDie());
process.exit(0);
