// One spreadsheet, however it was saved, reads as the same rows with the spreadsheet's row numbers.
import { describe, expect, it } from 'vitest';
import { nationalExport, toCsv, toXlsx } from '../../../test/fixtures/national-export.js';
import { PROCEDURE_COLUMNS } from '../domain/catalogue/index.js';
import { detectDelimiter, readImportRows, readTable, TableFileError } from './table-file.js';

const rows = nationalExport(4, { seed: 5 });
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('readTable', () => {
  it('reads CSV with or without a BOM, comma or semicolon, UTF-16 text and XLSX to the same rows', async () => {
    const expected = rows.map((cells, i) => ({ row: i + 1, cells }));
    const tsv = rows.map((r) => r.map((c) => (c.includes('\n') ? `"${c}"` : c)).join('\t')).join('\r\n');
    for (const bytes of [toCsv(rows), toCsv(rows, { bom: false }), toCsv(rows, { delimiter: ';' }), utf16(tsv), await toXlsx(rows)]) {
      expect((await readTable(bytes)).rows).toEqual(expected);
    }
    expect((await readTable(toCsv(rows, { delimiter: ';' }))).delimiter).toBe(';');
    expect((await readTable(await toXlsx(rows))).format).toBe('xlsx');
  });

  it('numbers rows as a spreadsheet does: a multi-line cell is one row', async () => {
    const table = await readTable(Buffer.from('a,b\n"line 1\nline 2",x\n\nlast,y\n'));
    expect(table.rows.map((r) => [r.row, r.cells[0]])).toEqual([[1, 'a'], [2, 'line 1\nline 2'], [3, ''], [4, 'last']]);
  });

  it('refuses a file that is not UTF-8, and a CSV it cannot parse, in both languages', async () => {
    await expect(readTable(Buffer.from([0x4d, 0xe3, 0x0a]))).rejects.toMatchObject({ reason: { vi: expect.stringContaining('không phải UTF-8'), en: expect.stringContaining('not UTF-8') } });
    await expect(readTable(Buffer.from('a,b\n"open quote,x\n'))).rejects.toBeInstanceOf(TableFileError);
  });

  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('"Phí, lệ phí";"Mã thủ tục";Tên\n')).toBe(';');
    expect(detectDelimiter('Mã thủ tục,Tên,"a;b"\n')).toBe(',');
  });
});

describe('readImportRows', () => {
  it('finds the header under a title, skips blank rows and keeps row numbers', async () => {
    const withTitle = [['DANH MỤC THỦ TỤC HÀNH CHÍNH TỈNH BÌNH AN'], [''], ...rows, [''], rows[1]!];
    const file = await readImportRows(toCsv(withTitle), PROCEDURE_COLUMNS);
    expect(file.headerRow).toBe(3);
    expect(file.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 9]);
    expect(file.rows[0]!.cells.code).toBe(rows[1]![1]);
    expect(file.columns.ignored).toEqual(['STT', 'Trình tự thực hiện', 'Đối tượng thực hiện']);
  });

  it('refuses a file without the required columns, naming them', async () => {
    await expect(readImportRows(toCsv([['Mã thủ tục', 'Tên thủ tục'], ['1.001193', 'Khai sinh']]), PROCEDURE_COLUMNS)).rejects.toMatchObject({
      reason: { en: expect.stringContaining('"Lĩnh vực", "Cấp thực hiện", "Thời hạn giải quyết"') },
    });
  });
});
