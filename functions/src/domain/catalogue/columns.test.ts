// Recognising the columns of an import file (docs/IMPORT.md; scripts/lib/import-docs.test.ts keeps that
// page in step with the mapping).
import { describe, expect, it } from 'vitest';
import { OFFICER_COLUMNS, PROCEDURE_COLUMNS, cellsOf, findHeaderRow, mapColumns } from './columns.js';

describe('column mapping', () => {
  it('matches headers without regard to case, marks, spacing or a trailing star, and ignores the rest', () => {
    const map = mapColumns(PROCEDURE_COLUMNS, ['STT', 'MÃ THỦ TỤC', 'Ten thu tuc', '  Lĩnh  vực *', 'Cấp thực hiện', 'Thời hạn giải quyết:', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Mức độ DVC', 'Trình tự thực hiện']);
    expect(map.missing).toEqual([]);
    expect(map.ignored).toEqual(['STT', 'Trình tự thực hiện']);
    expect(map.index.code).toBe(1);
    expect(cellsOf(map, ['1', ' 1.001193 ', 'Khai sinh'])).toMatchObject({ code: '1.001193', name: 'Khai sinh', field: '' });
  });

  it('prefers the column’s own header over an alias when an export has both', () => {
    const map = mapColumns(PROCEDURE_COLUMNS, ['Cơ quan thực hiện', 'Cơ quan có thẩm quyền']);
    expect(map.index.agency).toBe(1);
    expect(map.duplicates).toEqual(['Cơ quan thực hiện']);
  });

  it('finds the header row below a title, and says what is missing', () => {
    const rows = [['DANH MỤC THỦ TỤC HÀNH CHÍNH'], [], ['Email', 'Họ và tên', 'Vai trò', 'Mã cơ quan'], ['a@b.vn']];
    expect(findHeaderRow(OFFICER_COLUMNS, rows)).toBe(2);
    expect(findHeaderRow(OFFICER_COLUMNS, [['Email', 'Họ và tên']])).toBeUndefined();
    expect(mapColumns(OFFICER_COLUMNS, ['Email', 'Họ và tên']).missing.map((c) => c.header)).toEqual(['Vai trò', 'Mã cơ quan']);
  });
});
