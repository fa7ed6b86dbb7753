// Imports an agencies file (CSV or XLSX; docs/IMPORT.md): new agencies are created, changed ones
// updated, unchanged ones left alone; ending an existing agency is a merger and is refused here (the
// console does it and moves the open dossiers).
// @idempotent by content: the same file again writes nothing.
import type { Firestore } from 'firebase-admin/firestore';
import { localDateOf } from '../../domain/index.js';
import { AGENCY_COLUMNS, planAgencyImport } from '../../domain/catalogue/index.js';
import { readImportRows } from '../../platform/table-file.js';
import { readStoredAgencies, writeAgencies } from '../../store/catalogue-records.js';
import { startImportJob, type ImportProgress, type ImportResult } from '../../store/imports.js';

export type ImportDeps = { db: Firestore; now: () => Date; by: string; onProgress?: (progress: ImportProgress) => void };

export async function importAgencies(bytes: Uint8Array, options: { dryRun: boolean; fileName: string }, deps: ImportDeps): Promise<ImportResult> {
  const file = await readImportRows(bytes, AGENCY_COLUMNS);
  const stored = await readStoredAgencies(deps.db);
  const plan = planAgencyImport({ rows: file.rows, stored, today: localDateOf(deps.now()) });
  const result: ImportResult = {
    kind: 'agencies',
    dryRun: options.dryRun,
    format: file.format,
    headerRow: file.headerRow,
    columns: file.columns,
    rows: plan.rows,
    counts: plan.counts,
    documents: 0,
  };
  if (options.dryRun || plan.writes.length === 0) return result;
  const total = plan.writes.length;
  const job = await startImportJob(deps.db, { kind: 'agencies', bytes, fileName: options.fileName, by: deps.by, now: deps.now, total, counts: plan.counts, rows: plan.rows });
  let done = 0;
  try {
    const documents = await writeAgencies(
      deps.db,
      plan.writes,
      (batch, rows, written) => job.progressIn(batch, rows, written),
      (rows) => {
        done += rows.length;
        deps.onProgress?.({ kind: 'agencies', done, total, documents: done });
      },
    );
    await job.finish('done');
    return { ...result, documents, jobId: job.id, ...(job.previous && job.previous.state !== 'done' ? { resumed: job.previous } : {}) };
  } catch (err) {
    await job.finish('failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
}
