// The desk's code allocator across processes (ADR 0012): separate Node processes file to one desk through
// the real handler against the Firestore emulator (the queue trigger of the functions emulator numbers too,
// as another instance would), and codes stay unique and contiguous; a process killed in the middle of a
// batch commits nothing and loses no submission; replayed triggers number nothing twice. Each test pins
// its own far-away day, so the counters and queues it checks are its own.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDossierCode } from '../../functions/src/domain/index.js';
import { drainCodeQueue, onQueuedSubmission } from '../../functions/src/features/dossiers/allocate-codes.js';
import { dossierIdFor } from '../../functions/src/features/dossiers/submit.handler.js';
import { CODE_QUEUE } from '../../functions/src/store/code-queue.js';
import { loadDemoData } from '../../seed/load.js';
import { admin, eventually } from '../support/emulators.js';

const { db, auth } = admin();
const DESK = '000.21.03.H99';
const WORKER = join(import.meta.dirname, '..', 'support', 'code-worker.ts');
const TSX = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

type Line = { i: number; status: number; code: string | null; ms: number; error?: string };

/** Starts a worker process; `lines` fills as it prints, `exited` settles with its exit code or signal. */
function worker(job: object) {
  const child = spawn(TSX, [WORKER, JSON.stringify(job)], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  const waiters: { match: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    partial += chunk.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.match(line))) w.resolve(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  const waitFor = (match: (l: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find(match);
      if (seen) return resolve(seen);
      waiters.push({ match, resolve });
      void exited.then((how) => reject(new Error(`worker exited (${how}) before the expected line; stderr: ${stderr}`)));
    });
  return { child, lines, exited, waitFor, stderr: () => stderr };
}

/** Every dossier numbered on the day at the desk, by sequence; and the entries still queued. */
async function dayAt(day: string) {
  const yymmdd = day.replaceAll('-', '').slice(2);
  const prefix = `${DESK}-${yymmdd}-`;
  const dossiers = await db.collection('dossiers').where('code', '>=', prefix).where('code', '<', `${prefix}~`).get();
  const queued = await db.collection(CODE_QUEUE).where('issuerDay', '==', `${DESK}_${yymmdd}`).get();
  const counter = await db.doc(`counters/${DESK}_${yymmdd}`).get();
  return {
    sequences: dossiers.docs.map((d) => parseDossierCode(d.get('code') as string).sequence).sort((a, b) => a - b),
    ids: new Set(dossiers.docs.map((d) => d.id)),
    queued: queued.size,
    next: counter.get('next') as number | undefined,
  };
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('the code allocator across processes', () => {
  it('numbers 4 processes filing at once to one desk with unique, contiguous codes, and none lost', async () => {
    const day = '2027-09-06';
    const runId = Date.now().toString(36);
    const workers = [0, 1, 2, 3].map((w) => worker({ mode: 'submit', day, desk: DESK, label: `alloc-${runId}-${w}`, count: 20 }));
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(exits, workers.map((w) => w.stderr()).join('\n')).toEqual(['0', '0', '0', '0']);
    const answers = workers.flatMap((w) => w.lines.map((l) => JSON.parse(l) as Line));
    expect(answers).toHaveLength(80);
    expect(answers.filter((a) => a.status !== 201), JSON.stringify(answers.filter((a) => a.status !== 201))).toEqual([]);
    const sequences = answers.map((a) => parseDossierCode(a.code!).sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(upTo(80));
    const stored = await dayAt(day);
    expect(stored.sequences).toEqual(upTo(80));
    expect(stored.next).toBe(80);
    expect(stored.queued).toBe(0);
  }, 240_000);

  it('loses nothing when a process dies in the middle of a batch: its batch commits nothing and the next numbers all', async () => {
    const day = '2027-09-07';
    const runId = Date.now().toString(36);
    const label = `die-${runId}`;
    const dying = worker({ mode: 'queue', day, desk: DESK, label, count: 30 });
    const planned = await dying.waitFor((l) => l.startsWith('PLANNED'));
    // The process holds a planned batch, its transaction open: kill it there, as a crashed instance.
    dying.child.kill('SIGKILL');
    expect(await dying.exited).toBe('SIGKILL');
    expect(Number(planned.split(' ')[1])).toBeGreaterThan(0);
    expect(dying.lines).not.toContain('COMMITTED');
    // Another instance numbers what is left (the queue trigger does too, as it would in production).
    // Whichever of them takes the lease first waits until the emulator drops the dead transaction's locks
    // (about a minute, ADR 0012); if the trigger took it, this drain returns at once, hence the long wait.
    const yymmdd = day.replaceAll('-', '').slice(2);
    await drainCodeQueue({ db }, `${DESK}_${yymmdd}`);
    const stored = await eventually(
      async () => {
        const s = await dayAt(day);
        return s.sequences.length === 30 && s.queued === 0 ? s : undefined;
      },
      'all 30 queued submissions numbered',
      150_000,
    );
    expect(stored.sequences).toEqual(upTo(30));
    expect(stored.next).toBe(30);
    // Every submission the dying process queued is a dossier, each exactly once.
    const expected = Array.from({ length: 30 }, (_, i) => dossierIdFor(`worker-${label}`, `${label}-${i}`));
    expect(expected.filter((id) => !stored.ids.has(id))).toEqual([]);
  }, 240_000);

  it('numbers nothing twice when the queue trigger is replayed, for an entry numbered or still queued', async () => {
    const day = '2027-09-08';
    const runId = Date.now().toString(36);
    const yymmdd = day.replaceAll('-', '').slice(2);
    const w = worker({ mode: 'submit', day, desk: DESK, label: `replay-${runId}`, count: 5 });
    expect(await w.exited, w.stderr()).toBe('0');
    const first = await dayAt(day);
    expect(first.sequences).toEqual(upTo(5));
    // The same events delivered again, several at once: their entries are gone, nothing is numbered.
    const ids = [...first.ids];
    const replays = await Promise.all(ids.flatMap((id) => [1, 2].map(() => onQueuedSubmission({ db }, id, { issuerDay: `${DESK}_${yymmdd}` }))));
    expect(replays.every((r) => r.created === 0)).toBe(true);
    const after = await dayAt(day);
    expect(after.sequences).toEqual(upTo(5));
    expect(after.next).toBe(5);
  }, 120_000);
});
