// `imports/{kind}-{sha}`: one record per imported file (by its content), so an import can be followed
// while it runs (the console's progress bar, `--json` on the command line) and a run cut off is known
// when the same file is imported again. The writes themselves are resumed by the import's plan (what is
// already written is unchanged), not by this record; it only tells the story.
import { createHash } from 'node:crypto';
import type { Firestore, WriteBatch } from 'firebase-admin/firestore';
import type { OutcomeCounts, RowReport } from '../domain/catalogue/index.js';

export const IMPORTS = 'imports';
export type ImportKind = 'procedures' | 'agencies' | 'officers';

/** Rejected rows kept on the record for the console: enough to act on, bounded below 1 MiB. */
const MAX_REJECTED_ON_RECORD = 200;

export type ImportRecord = {
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  state: 'running' | 'done' | 'failed';
  by: string;
  startedAt: Date;
  updatedAt: Date;
  /** Rows to write in this run, and how many are written. */
  total: number;
  done: number;
  documents: number;
  counts: OutcomeCounts;
  runs: number;
  rejected: { row: number; key?: string; problems: RowReport['problems'] }[];
  error?: string;
};

export function importId(kind: ImportKind, bytes: Uint8Array): { id: string; sha256: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { id: `${kind}-${sha256.slice(0, 24)}`, sha256 };
}

export type ImportJob = {
  readonly id: string;
  /** What the record said before this run: a run of the same file that did not finish, if any. */
  readonly previous?: Pick<ImportRecord, 'state' | 'done' | 'total' | 'startedAt'>;
  /** Records progress in the batch that makes it (rows written and documents so far). */
  progressIn(batch: WriteBatch, done: number, documents: number): void;
  /** Records progress on its own (imports that do not write in batches: officers). */
  progress(done: number, documents: number): Promise<void>;
  finish(state: 'done' | 'failed', error?: string): Promise<void>;
};

/** Opens (or reopens) the record of one file's import. */
export async function startImportJob(
  db: Firestore,
  input: { kind: ImportKind; bytes: Uint8Array; fileName: string; by: string; now: () => Date; total: number; counts: OutcomeCounts; rows: readonly RowReport[] },
): Promise<ImportJob> {
  const { id, sha256 } = importId(input.kind, input.bytes);
  const ref = db.collection(IMPORTS).doc(id);
  const before = await ref.get();
  const previous = before.exists ? (before.data() as Pick<ImportRecord, 'state' | 'done' | 'total' | 'runs'> & { startedAt: { toDate(): Date } }) : undefined;
  const rejected = input.rows
    .filter((r) => r.outcome === 'rejected')
    .slice(0, MAX_REJECTED_ON_RECORD)
    .map((r) => ({ row: r.row, ...(r.key ? { key: r.key } : {}), problems: r.problems }));
  const now = input.now();
  const record: ImportRecord = {
    kind: input.kind,
    fileName: input.fileName,
    fileSha256: sha256,
    state: 'running',
    by: input.by,
    startedAt: now,
    updatedAt: now,
    total: input.total,
    done: 0,
    documents: 0,
    counts: input.counts,
    runs: (previous?.runs ?? 0) + 1,
    rejected,
  };
  await ref.set(record);
  return {
    id,
    ...(previous ? { previous: { state: previous.state, done: previous.done, total: previous.total, startedAt: previous.startedAt.toDate() } } : {}),
    progressIn(batch, done, documents) {
      batch.update(ref, { done, documents, updatedAt: input.now() });
    },
    async progress(done, documents) {
      await ref.update({ done, documents, updatedAt: input.now() });
    },
    async finish(state, error) {
      await ref.update({ state, updatedAt: input.now(), ...(error ? { error: error.slice(0, 1000) } : {}) });
    },
  };
}

/** What one import did (or, in a dry run, would do). */
export type ImportResult = {
  readonly kind: ImportKind;
  readonly dryRun: boolean;
  readonly format: 'csv' | 'xlsx';
  readonly headerRow: number;
  readonly columns: { readonly used: readonly string[]; readonly ignored: readonly string[]; readonly duplicates: readonly string[] };
  readonly rows: readonly RowReport[];
  readonly counts: OutcomeCounts;
  /** Documents written (0 in a dry run, and when every row is unchanged). */
  readonly documents: number;
  readonly jobId?: string;
  /** An earlier run of the same file that did not finish, which this run completed. */
  readonly resumed?: { readonly done: number; readonly total: number; readonly startedAt: Date };
};

/** Reported after each committed batch: rows written so far out of those to write. */
export type ImportProgress = { readonly kind: ImportKind; readonly done: number; readonly total: number; readonly documents: number };
