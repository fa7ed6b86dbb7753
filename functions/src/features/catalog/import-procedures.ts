// Imports a procedures file (the national catalogue's export, CSV or XLSX; docs/IMPORT.md): reads it,
// plans every row against what is stored (domain/catalogue: new, changed = a new version, unchanged,
// rejected with its reasons), and unless it is a dry run writes the plan, whole procedures per batch,
// reporting progress after each batch.
//
// @idempotent by content: the same file again finds every row unchanged and writes nothing; a run cut
// off after some batches is completed by running it again (the written procedures are unchanged then).
import type { Firestore } from 'firebase-admin/firestore';
import { localDateOf } from '../../domain/index.js';
import { PROCEDURE_COLUMNS, planProcedureImport, readProcedureCode } from '../../domain/catalogue/index.js';
import { readImportRows } from '../../platform/table-file.js';
import { agencyRefs, readStoredAgencies, readStoredProcedures, writeProcedureVersions } from '../../store/catalogue-records.js';
import { startImportJob, type ImportProgress, type ImportResult } from '../../store/imports.js';

export type ImportDeps = {
  db: Firestore;
  now: () => Date;
  /** Who imports: a user id, or the tool's name. */
  by: string;
  onProgress?: (progress: ImportProgress) => void;
};

export async function importProcedures(bytes: Uint8Array, options: { dryRun: boolean; fileName: string }, deps: ImportDeps): Promise<ImportResult> {
  const file = await readImportRows(bytes, PROCEDURE_COLUMNS);
  const seen = new Map<string, number>();
  for (const r of file.rows) {
    const code = readProcedureCode(r.cells.code);
    if (code) seen.set(code, (seen.get(code) ?? 0) + 1);
  }
  const withHistory = new Set([...seen].filter(([, n]) => n > 1).map(([code]) => code));
  const [stored, agencies] = await Promise.all([readStoredProcedures(deps.db, [...seen.keys()], withHistory), readStoredAgencies(deps.db)]);
  const plan = planProcedureImport({ rows: file.rows, stored, agencies: agencyRefs(agencies), today: localDateOf(deps.now()) });
  const result: ImportResult = {
    kind: 'procedures',
    dryRun: options.dryRun,
    format: file.format,
    headerRow: file.headerRow,
    columns: file.columns,
    rows: plan.rows,
    counts: plan.counts,
    documents: 0,
  };
  if (options.dryRun || plan.writes.length === 0) return result;

  const total = plan.writes.reduce((n, w) => n + w.rows.length, 0);
  const job = await startImportJob(deps.db, { kind: 'procedures', bytes, fileName: options.fileName, by: deps.by, now: deps.now, total, counts: plan.counts, rows: plan.rows });
  let done = 0;
  let soFar = 0;
  try {
    const documents = await writeProcedureVersions(
      deps.db,
      plan.writes,
      (batch, rows, written) => job.progressIn(batch, rows, written),
      (committed, written) => {
        done += committed.reduce((n, w) => n + w.rows.length, 0);
        soFar += written;
        deps.onProgress?.({ kind: 'procedures', done, total, documents: soFar });
      },
    );
    await job.finish('done');
    return { ...result, documents, jobId: job.id, ...(job.previous && job.previous.state !== 'done' ? { resumed: job.previous } : {}) };
  } catch (err) {
    await job.finish('failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
}
