// Reading and writing what the imports load: procedure versions and agencies. A procedure version is
// written once (`create`: the write fails if that version exists, so two imports or an import and the
// console can never both write version n) and `procedures/{code}` is set to the version in force in the
// same batch. A procedure's documents never straddle two batches: an import cut off between batches
// leaves whole procedures behind, and running it again carries on from there.
import type { Firestore, WriteBatch } from 'firebase-admin/firestore';
import { Agency, Procedure, type Agency as AgencyType } from '../domain/index.js';
import type { AgencyRef, StoredProcedure } from '../domain/catalogue/index.js';
import { logs } from '../platform/logs.js';
import { AGENCIES } from './agencies.js';
import { bumpStamps } from './reference-stamps.js';
import { revive } from './revive.js';

export const PROCEDURES = 'procedures';
/** Firestore's limit is 500 writes a batch; a little under it leaves room for the progress record. */
export const BATCH_WRITES = 450;

export const procedureRef = (db: Firestore, code: string) => db.collection(PROCEDURES).doc(code);
export const procedureVersionRef = (db: Firestore, code: string, version: number) => procedureRef(db, code).collection('versions').doc(String(version));

function parseStored<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, path: string, data: unknown): T | undefined {
  const parsed = schema.safeParse(revive(data));
  if (parsed.success) return parsed.data;
  logs.storedDocumentSkipped(path, 'malformed document, left out of the import comparison');
  return undefined;
}

/**
 * The version in force of each code (in chunks of 300 reads), and every version of the codes in
 * `withHistory`. A stored document that no longer parses is treated as absent, so the import's new
 * version replaces it in force (the old document itself is never touched).
 */
export async function readStoredProcedures(db: Firestore, codes: readonly string[], withHistory: ReadonlySet<string>): Promise<Map<string, StoredProcedure>> {
  const out = new Map<string, StoredProcedure>();
  // One chunk at a time, each parsed and its snapshots let go before the next is asked for: a province's
  // whole catalogue in flight at once was the import's memory peak (callers plan in chunks of this size).
  for (let i = 0; i < codes.length; i += 300) {
    const snaps = await db.getAll(...codes.slice(i, i + 300).map((code) => procedureRef(db, code)));
    for (const snap of snaps) {
      if (!snap.exists) continue;
      const current = parseStored(Procedure, snap.ref.path, snap.data());
      if (current) out.set(snap.id, { current });
    }
  }
  for (const code of withHistory) {
    const stored = out.get(code);
    if (!stored) continue;
    const snap = await procedureRef(db, code).collection('versions').get();
    const versions = snap.docs.flatMap((d) => parseStored(Procedure, d.ref.path, d.data()) ?? []);
    out.set(code, { ...stored, versions });
  }
  return out;
}

export type ProcedureVersionWrite = { readonly code: string; readonly versions: readonly Procedure[]; readonly rows: readonly number[] };

/** Adds to a batch the write that records its own progress (the import record), so both land together. */
export type ProgressWrite = (batch: WriteBatch, rows: number, documents: number) => void;

/**
 * Writes the new versions and the version in force of each procedure, whole procedures per batch, with
 * the import's progress in the same batch, and reports after each commit. Returns the documents written.
 * @idempotent through the plan: a procedure already written is "unchanged" when the import runs again.
 */
export async function writeProcedureVersions(
  db: Firestore,
  writes: readonly ProcedureVersionWrite[],
  progress: ProgressWrite,
  onCommitted: (committed: readonly ProcedureVersionWrite[], documents: number) => void,
): Promise<number> {
  let documents = 0;
  let rows = 0;
  let batch = db.batch();
  let inBatch: ProcedureVersionWrite[] = [];
  let ops = 0;
  const commit = async () => {
    if (ops === 0) return;
    const batchRows = inBatch.reduce((n, w) => n + w.rows.length, 0);
    progress(batch, rows + batchRows, documents + ops);
    bumpStamps(db, batch, 'procedures'); // running instances drop their cached catalogue at once
    await batch.commit();
    documents += ops;
    rows += batchRows;
    onCommitted(inBatch, ops);
    batch = db.batch();
    inBatch = [];
    ops = 0;
  };
  for (const write of writes) {
    const needed = write.versions.length + 1;
    if (ops + needed > BATCH_WRITES) await commit();
    for (const version of write.versions) batch.create(procedureVersionRef(db, write.code, version.version), version);
    batch.set(procedureRef(db, write.code), write.versions[write.versions.length - 1]!);
    inBatch.push(write);
    ops += needed;
  }
  await commit();
  return documents;
}

/** Every agency as stored (the import compares and resolves names against them). */
export async function readStoredAgencies(db: Firestore): Promise<Map<string, AgencyType>> {
  const snap = await db.collection(AGENCIES).get();
  const out = new Map<string, AgencyType>();
  for (const doc of snap.docs) {
    const agency = parseStored(Agency, doc.ref.path, { ...doc.data(), id: doc.id });
    if (agency) out.set(doc.id, agency);
  }
  return out;
}

export function agencyRefs(agencies: ReadonlyMap<string, AgencyType>): AgencyRef[] {
  return [...agencies.values()].map((a) => ({ id: a.id, name: a.name }));
}

/** Sets each agency (whole documents), in batches with their progress, reporting after each. Returns documents written. */
export async function writeAgencies(
  db: Firestore,
  agencies: readonly { row: number; agency: AgencyType }[],
  progress: ProgressWrite,
  onCommitted: (rows: readonly number[], documents: number) => void,
): Promise<number> {
  let documents = 0;
  for (let i = 0; i < agencies.length; i += BATCH_WRITES) {
    const chunk = agencies.slice(i, i + BATCH_WRITES);
    const batch = db.batch();
    for (const { agency } of chunk) batch.set(db.collection(AGENCIES).doc(agency.id), agency);
    progress(batch, i + chunk.length, documents + chunk.length);
    bumpStamps(db, batch, 'agencies');
    await batch.commit();
    documents += chunk.length;
    onCommitted(chunk.map((c) => c.row), chunk.length);
  }
  return documents;
}
