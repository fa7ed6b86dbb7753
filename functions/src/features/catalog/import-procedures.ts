// Imports a procedures file (the national catalogue's export, CSV or XLSX; docs/IMPORT.md): reads it,
// plans every row against what is stored (domain/catalogue: new, changed = a new version, unchanged,
// rejected with its reasons), and unless it is a dry run writes the plan, whole procedures per batch,
// reporting progress after each batch.
//
// Memory (docs/IMPORT.md, "Memory"): rows are planned a chunk of codes at a time (one read of what is
// stored for the chunk, then its plan; the stored procedures of one chunk alive at once, not the
// province's whole catalogue), and written a chunk at a time, each chunk let go once written. What the
// write batches leave behind (each document in the forms the Firestore client builds to send it) is most of
// the import's allocation: when Node runs with --expose-gc (`npm run admin`), a full collection follows
// each written chunk, so that garbage never piles up to the peak the heap's growth would allow.
//
// @idempotent by content: the same file again finds every row unchanged and writes nothing; a run cut
// off after some batches is completed by running it again (the written procedures are unchanged then).
import type { Firestore } from 'firebase-admin/firestore';
import { localDateOf } from '../../domain/index.js';
import { countOutcomes, PROCEDURE_COLUMNS, planProcedureImport, readProcedureCode, type AgencyRef, type ProcedureRow, type ProcedureWrite, type RowReport } from '../../domain/catalogue/index.js';
import { readImportRows } from '../../platform/table-file.js';
import { agencyRefs, BATCH_WRITES, readStoredAgencies, readStoredProcedures, writeProcedureVersions } from '../../store/catalogue-records.js';
import { startImportJob, type ImportProgress, type ImportResult } from '../../store/imports.js';

export type ImportDeps = {
  db: Firestore;
  now: () => Date;
  /** Who imports: a user id, or the tool's name. */
  by: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Codes planned and written together (PLAN_CHUNK_CODES); tests make it small to cross chunk edges. */
  planChunkCodes?: number;
};

/**
 * Codes planned and written together: what is stored for them is one Firestore read (getAll), and a chunk
 * of new procedures (a version and the version in force each) fills exactly one write batch, so chunking
 * adds no commit. Measured with `npm run bench -- import` (README, "Last measured").
 */
export const PLAN_CHUNK_CODES = BATCH_WRITES / 2;

/**
 * A full collection, when Node exposes it (`npm run admin` runs with --expose-gc): V8 otherwise lets the
 * old generation grow far past the live set (about 50 MB) before collecting — measured, the batches'
 * garbage took a 2,000-procedure import to 338 MB. A no-op elsewhere (tests, the seed loader, functions).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The file's rows by code, codes in the order they first appear; rows without a readable code apart. */
function rowsByCode(rows: readonly ProcedureRow[]): { byCode: Map<string, ProcedureRow[]>; uncoded: ProcedureRow[] } {
  const byCode = new Map<string, ProcedureRow[]>();
  const uncoded: ProcedureRow[] = [];
  for (const r of rows) {
    const code = readProcedureCode(r.cells.code);
    if (!code) uncoded.push(r);
    else {
      const list = byCode.get(code);
      if (list) list.push(r);
      else byCode.set(code, [r]);
    }
  }
  return { byCode, uncoded };
}

type PlanContext = { db: Firestore; agencies: readonly AgencyRef[]; today: string; byCode: ReadonlyMap<string, readonly ProcedureRow[]> };

/**
 * The plan of some codes (every row of each: a code's rows are its history, planned together) and of the
 * rows in `extra`. A code's plan depends only on its own rows and stored versions, so planning chunk by
 * chunk gives the same reports as one pass over the whole file.
 */
async function planCodes(ctx: PlanContext, codes: readonly string[], extra: readonly ProcedureRow[] = []) {
  const withHistory = new Set(codes.filter((c) => ctx.byCode.get(c)!.length > 1));
  const stored = await readStoredProcedures(ctx.db, codes, withHistory);
  return planProcedureImport({ rows: [...extra, ...codes.flatMap((c) => ctx.byCode.get(c)!)], stored, agencies: ctx.agencies, today: ctx.today });
}

export async function importProcedures(bytes: Uint8Array, options: { dryRun: boolean; fileName: string }, deps: ImportDeps): Promise<ImportResult> {
  const file = await readImportRows(bytes, PROCEDURE_COLUMNS);
  const { byCode, uncoded } = rowsByCode(file.rows);
  const ctx: PlanContext = { db: deps.db, agencies: agencyRefs(await readStoredAgencies(deps.db)), today: localDateOf(deps.now()), byCode };
  const size = Math.max(1, deps.planChunkCodes ?? PLAN_CHUNK_CODES);
  const codes = [...byCode.keys()];
  const chunks: string[][] = [];
  for (let i = 0; i < codes.length; i += size) chunks.push(codes.slice(i, i + size));

  // Pass 1: every row's report, and each chunk's writes (the dry-run report and the import record need
  // every row before anything is written).
  const reports: RowReport[] = [];
  const toWrite: ProcedureWrite[][] = [];
  for (const [i, chunk] of (chunks.length > 0 ? chunks : [[]]).entries()) {
    const plan = await planCodes(ctx, chunk, i === 0 ? uncoded : []); // rows without a code are rejected whatever is stored
    reports.push(...plan.rows);
    if (plan.writes.length > 0) toWrite.push([...plan.writes]);
  }
  reports.sort((a, b) => a.row - b.row);
  const counts = countOutcomes(reports);
  const result: ImportResult = { kind: 'procedures', dryRun: options.dryRun, format: file.format, headerRow: file.headerRow, columns: file.columns, rows: reports, counts, documents: 0 };
  if (options.dryRun || toWrite.length === 0) return result;

  // Pass 2: each chunk written, then let go, with a full collection of what its batches left behind.
  const total = toWrite.flat().reduce((n, w) => n + w.rows.length, 0);
  const job = await startImportJob(deps.db, { kind: 'procedures', bytes, fileName: options.fileName, by: deps.by, now: deps.now, total, counts, rows: reports });
  let done = 0;
  let documents = 0;
  try {
    for (const [i, writes] of toWrite.entries()) {
      const [doneBefore, documentsBefore] = [done, documents];
      await writeProcedureVersions(
        deps.db,
        writes,
        // The record's progress is the whole import's: this chunk's counts on top of the chunks before.
        (batch, rows, written) => job.progressIn(batch, doneBefore + rows, documentsBefore + written),
        (committed, written) => {
          done += committed.reduce((n, w) => n + w.rows.length, 0);
          documents += written;
          deps.onProgress?.({ kind: 'procedures', done, total, documents });
        },
      );
      toWrite[i] = [];
      collectGarbage();
    }
    await job.finish('done');
    return { ...result, documents, jobId: job.id, ...(job.previous && job.previous.state !== 'done' ? { resumed: job.previous } : {}) };
  } catch (err) {
    await job.finish('failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
}
