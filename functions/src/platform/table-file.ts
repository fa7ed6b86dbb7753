// Reads a spreadsheet file into rows of text cells, as a person sees them in Excel or LibreOffice:
// CSV (UTF-8 with or without a BOM, or UTF-16 as Excel's "Unicode text"; comma, semicolon or tab,
// detected from the header line) through csv-parse, and XLSX (the first sheet) through read-excel-file.
// Row numbers are the spreadsheet's (1 = first line), so an import report points at the row to fix.
// docs/adr/0007-import-files.md says why these libraries.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { cellsOf, findHeaderRow, mapColumns, type ColumnSpec } from '../domain/catalogue/index.js';

export type TableRow = { readonly row: number; readonly cells: readonly string[] };
export type TableFile = { readonly format: 'csv' | 'xlsx'; readonly delimiter?: string; readonly rows: readonly TableRow[] };

/** A file the reader cannot read, with the reason in both languages. */
export class TableFileError extends Error {
  constructor(readonly reason: { vi: string; en: string }) {
    super(reason.en);
  }
}

/** Bounds that keep a mistaken upload (a photo, a whole database dump) from exhausting memory. */
export const TABLE_LIMITS = { bytes: 64 * 1024 * 1024, rows: 50_000 } as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TableFileError({
      vi: 'Tệp CSV không phải UTF-8: hãy lưu lại bằng "CSV UTF-8 (phân cách bằng dấu phẩy)" hoặc dùng tệp .xlsx',
      en: 'the CSV file is not UTF-8: save it again as "CSV UTF-8 (comma delimited)" or use the .xlsx file',
    });
  }
}

/** The delimiter that splits the first non-empty line (outside quotes) the most. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/u).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function bounded(rows: TableRow[]): TableRow[] {
  if (rows.length > TABLE_LIMITS.rows) {
    throw new TableFileError({ vi: `Tệp có hơn ${TABLE_LIMITS.rows} dòng`, en: `the file has more than ${TABLE_LIMITS.rows} rows` });
  }
  return rows;
}

export async function readTable(bytes: Uint8Array): Promise<TableFile> {
  if (bytes.length > TABLE_LIMITS.bytes) {
    throw new TableFileError({ vi: `Tệp lớn hơn ${TABLE_LIMITS.bytes / 1024 / 1024} MB`, en: `the file is larger than ${TABLE_LIMITS.bytes / 1024 / 1024} MB` });
  }
  if (ZIP.every((b, i) => bytes[i] === b)) {
    let sheet: unknown[][];
    try {
      sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false });
    } catch (err) {
      throw new TableFileError({
        vi: `Không đọc được tệp Excel (.xlsx): ${err instanceof Error ? err.message : String(err)}`,
        en: `cannot read the Excel (.xlsx) file: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
    return { format: 'xlsx', rows: bounded(sheet.map((cells, i) => ({ row: i + 1, cells: cells.map(cellText) }))) };
  }
  const text = decodeText(bytes).replace(/^\uFEFF/u, '');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (err) {
    const where = (err as { lines?: number }).lines;
    throw new TableFileError({
      vi: `Không đọc được tệp CSV${where ? ` (dòng ${where})` : ''}: ${err instanceof Error ? err.message : String(err)}`,
      en: `cannot read the CSV file${where ? ` (line ${where})` : ''}: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  return { format: 'csv', delimiter, rows: bounded(records.map((cells, i) => ({ row: i + 1, cells }))) };
}

/** A file's rows as cells by column, with what the header row said about the columns. */
export type ImportRows<K extends string> = {
  readonly format: TableFile['format'];
  readonly headerRow: number;
  readonly rows: readonly { row: number; cells: Partial<Record<K, string>> }[];
  readonly columns: { readonly used: readonly string[]; readonly ignored: readonly string[]; readonly duplicates: readonly string[] };
};

/**
 * Reads a file for an import: finds the header row (within the first ten), maps the columns, and returns
 * every non-blank row after it. A file without the required columns is refused as a whole, naming them.
 */
export async function readImportRows<K extends string>(bytes: Uint8Array, specs: readonly ColumnSpec<K>[]): Promise<ImportRows<K>> {
  const table = await readTable(bytes);
  const headerIndex = findHeaderRow(specs, table.rows.map((r) => r.cells));
  if (headerIndex === undefined) {
    const probe = mapColumns(specs, table.rows.find((r) => r.cells.some((c) => c.trim() !== ''))?.cells ?? []);
    const missing = probe.missing.map((s) => `"${s.header}"`).join(', ');
    throw new TableFileError({
      vi: `Không tìm thấy dòng tiêu đề có đủ các cột bắt buộc (thiếu ${missing}) trong 10 dòng đầu`,
      en: `no header row with every required column (missing ${missing}) in the first ten rows`,
    });
  }
  const header = table.rows[headerIndex]!;
  const map = mapColumns(specs, header.cells);
  const rows = table.rows
    .slice(headerIndex + 1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.row, cells: cellsOf(map, r.cells) }));
  const used = specs.filter((s) => map.index[s.key] !== undefined).map((s) => s.header);
  return { format: table.format, headerRow: header.row, rows, columns: { used, ignored: map.ignored, duplicates: map.duplicates } };
}
