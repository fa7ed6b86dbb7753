// What importing a procedures file would do, decided before anything is written: for every row, new
// (a first version), changed (a new version: a version that dossiers may have pinned is never edited),
// unchanged, or rejected with its reasons. The store layer then writes exactly `writes`, and a second
// run over the same file finds every row unchanged: the import is idempotent, and an import cut off
// halfway is resumed by running it again.
//
// Several rows may carry one code only as that procedure's history: each with its own "Hiệu lực từ",
// in date order, all but the last closed ("Hiệu lực đến") before the next begins. History is loaded
// with a procedure that does not exist yet; for one that exists it must match the stored versions.
import type { Bilingual } from '../shared/bilingual.js';
import type { Procedure } from '../procedure/procedure.js';
import { PROCEDURE_COLUMNS, headerOf } from './columns.js';
import { mapProcedureRow, readProcedureCode, type AgencyRef, type ProcedureCells } from './procedure-row.js';
import { canonical, countOutcomes, type OutcomeCounts, type RowProblem, type RowReport } from './report.js';
import { parseLocalDate } from './text.js';

export type ProcedureRow = { readonly row: number; readonly cells: ProcedureCells };

/** What is stored for one code: the version in force (`procedures/{code}`) and, when read, every version. */
export type StoredProcedure = { readonly current: Procedure; readonly versions?: readonly Procedure[] };

/** The documents to write for one procedure: new versions (never existing ones) and the version in force. */
export type ProcedureWrite = {
  readonly code: string;
  /** Rows this write carries, for progress and reports. */
  readonly rows: readonly number[];
  /** Versions to create, in order; their numbers follow `previousVersion`. */
  readonly versions: readonly Procedure[];
  /** The stored version in force before the import (0: none). */
  readonly previousVersion: number;
};

export type ProcedurePlan = {
  readonly rows: readonly RowReport[];
  readonly writes: readonly ProcedureWrite[];
  readonly counts: OutcomeCounts;
};

/** Same content, apart from the version number and, when the file gave no dates, the dates. */
export function sameProcedure(a: Procedure, b: Procedure, compareDates: boolean): boolean {
  const strip = (p: Procedure) => {
    const { version: _v, effectiveFrom, effectiveTo, ruleSet, ...rest } = p;
    return compareDates ? { ...rest, effectiveFrom, effectiveTo, ruleSet } : rest;
  };
  return canonical(strip(a)) === canonical(strip(b));
}

const rejected = (row: number, key: string | undefined, problems: RowProblem[]): RowReport => ({ row, ...(key ? { key } : {}), outcome: 'rejected', problems, notes: [] });
const problemOf = (vi: string, en: string, column?: string): RowProblem => ({ ...(column ? { column } : {}), message: { vi, en } });

export function planProcedureImport(input: {
  rows: readonly ProcedureRow[];
  stored: ReadonlyMap<string, StoredProcedure>;
  agencies: readonly AgencyRef[];
  /** The import's date in Vietnam: the start of versions whose row gives no date. */
  today: string;
}): ProcedurePlan {
  const reports: RowReport[] = [];
  const writes: ProcedureWrite[] = [];
  const groups = new Map<string, ProcedureRow[]>();
  for (const row of input.rows) {
    const code = readProcedureCode(row.cells.code);
    if (!code) {
      const mapped = mapProcedureRow(row.cells, { agencies: input.agencies, today: input.today });
      reports.push(rejected(row.row, undefined, mapped.ok ? [] : [...mapped.problems]));
      continue;
    }
    groups.set(code, [...(groups.get(code) ?? []), row]);
  }

  for (const [code, rows] of groups) {
    const stored = input.stored.get(code);
    const result = rows.length === 1 ? planSingle(code, rows[0]!, stored, input) : planHistory(code, rows, stored, input);
    reports.push(...result.reports);
    if (result.write) writes.push(result.write);
  }
  reports.sort((a, b) => a.row - b.row);
  return { rows: reports, writes, counts: countOutcomes(reports) };
}

type GroupResult = { reports: RowReport[]; write?: ProcedureWrite };
type Context = { agencies: readonly AgencyRef[]; today: string };

function planSingle(code: string, row: ProcedureRow, stored: StoredProcedure | undefined, context: Context): GroupResult {
  const mapped = mapProcedureRow(row.cells, { ...context, ...(stored ? { current: stored.current } : {}) });
  if (!mapped.ok) return { reports: [rejected(row.row, code, [...mapped.problems])] };
  const notes = mapped.notes;
  if (stored && sameProcedure(mapped.procedure, stored.current, mapped.datesGiven)) {
    return { reports: [{ row: row.row, key: code, outcome: 'unchanged', problems: [], version: stored.current.version, notes }] };
  }
  const previousVersion = stored?.current.version ?? 0;
  const version = { ...mapped.procedure, version: previousVersion + 1 };
  return {
    reports: [{ row: row.row, key: code, outcome: stored ? 'changed' : 'new', problems: [], version: version.version, notes }],
    write: { code, rows: [row.row], versions: [version], previousVersion },
  };
}

function planHistory(code: string, rows: ProcedureRow[], stored: StoredProcedure | undefined, context: Context): GroupResult {
  const rowList = rows.map((r) => r.row).join(', ');
  /** Rejects every row of the group: with one problem for all, or the given rows' own problems. */
  const refuseAll = (problem: RowProblem, own: ReadonlyMap<number, readonly RowProblem[]> = new Map()) => ({
    reports: rows.map((r) => rejected(r.row, code, [...(own.get(r.row) ?? [problem])])),
  });
  const becauseOf = (culprits: number[]) =>
    problemOf(`Một phiên bản khác của ${code} bị từ chối (dòng ${culprits.join(', ')})`, `another version of ${code} was rejected (row ${culprits.join(', ')})`);
  const from = headerOf(PROCEDURE_COLUMNS, 'effectiveFrom');
  const dated = rows.map((r) => ({ row: r, from: parseLocalDate(r.cells.effectiveFrom ?? ''), to: parseLocalDate(r.cells.effectiveTo ?? '') }));
  if (dated.some((d) => d.from === undefined)) {
    return refuseAll(
      problemOf(
        `Mã ${code} có nhiều dòng (${rowList}): mỗi dòng là một phiên bản và phải có ngày hiệu lực`,
        `code ${code} is on several rows (${rowList}): each row is a version and needs its own start date`,
        from,
      ),
    );
  }
  dated.sort((a, b) => (a.from! < b.from! ? -1 : a.from! > b.from! ? 1 : 0));
  for (let i = 1; i < dated.length; i++) {
    const before = dated[i - 1]!;
    if (before.to === undefined || before.to >= dated[i]!.from!) {
      return refuseAll(
        problemOf(
          `Các phiên bản của ${code} (dòng ${rowList}) chồng lấn: phiên bản trước phải kết thúc trước ngày ${dated[i]!.from}`,
          `the versions of ${code} (rows ${rowList}) overlap: each must end before ${dated[i]!.from}`,
          from,
        ),
      );
    }
  }

  const storedVersions = stored?.versions ?? (stored ? [stored.current] : []);
  const mapped = dated.map((d) => {
    const sameDates = storedVersions.find((v) => v.effectiveFrom === d.from);
    return { row: d.row, result: mapProcedureRow(d.row.cells, { ...context, ...(sameDates ? { current: sameDates } : {}) }) };
  });
  const failed = mapped.filter((m) => !m.result.ok);
  if (failed.length > 0) {
    const own = new Map(mapped.flatMap((m) => (m.result.ok ? [] : [[m.row.row, [...m.result.problems]] as const])));
    return refuseAll(becauseOf(failed.map((f) => f.row.row)), own);
  }
  const procedures = mapped.map((m) => (m.result as Extract<typeof m.result, { ok: true }>).procedure);
  const notesOf = (i: number): readonly Bilingual[] => (mapped[i]!.result.ok ? (mapped[i]!.result as { notes: readonly Bilingual[] }).notes : []);

  if (!stored) {
    const versions = procedures.map((p, i) => ({ ...p, version: i + 1 }));
    return {
      reports: versions.map((v, i) => ({ row: mapped[i]!.row.row, key: code, outcome: 'new' as const, problems: [], version: v.version, notes: notesOf(i) })),
      write: { code, rows: mapped.map((m) => m.row.row), versions, previousVersion: 0 },
    };
  }
  // The procedure exists: its history is what is stored. Earlier rows must be stored versions as they are;
  // only the last row may make a new version.
  const reports: RowReport[] = [];
  for (let i = 0; i < procedures.length - 1; i++) {
    const match = storedVersions.find((v) => sameProcedure(procedures[i]!, v, true));
    if (!match) {
      const row = mapped[i]!.row.row;
      const edited = problemOf(
        `Phiên bản cũ của ${code} từ ${procedures[i]!.effectiveFrom} khác với phiên bản đã lưu: không sửa phiên bản cũ`,
        `the old version of ${code} from ${procedures[i]!.effectiveFrom} differs from the stored one: old versions are never edited`,
        from,
      );
      return refuseAll(becauseOf([row]), new Map([[row, [edited]]]));
    }
    reports.push({ row: mapped[i]!.row.row, key: code, outcome: 'unchanged', problems: [], version: match.version, notes: notesOf(i) });
  }
  const lastIndex = procedures.length - 1;
  const last = procedures[lastIndex]!;
  const lastRow = mapped[lastIndex]!.row.row;
  if (sameProcedure(last, stored.current, true)) {
    reports.push({ row: lastRow, key: code, outcome: 'unchanged', problems: [], version: stored.current.version, notes: notesOf(lastIndex) });
    return { reports };
  }
  const version = { ...last, version: stored.current.version + 1 };
  reports.push({ row: lastRow, key: code, outcome: 'changed', problems: [], version: version.version, notes: notesOf(lastIndex) });
  return { reports, write: { code, rows: [lastRow], versions: [version], previousVersion: stored.current.version } };
}
