// The demo province's files go through the import exactly as a province's would: every row must be
// accepted, every column recognised, and the wording the catalogue uses read to the values the demo
// relies on (the demo dossier's 4 working hours, the judicial record's calendar days).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENCY_COLUMNS, OFFICER_COLUMNS, PROCEDURE_COLUMNS, type ColumnSpec } from '../functions/src/domain/catalogue/index.js';
import { readImportRows } from '../functions/src/platform/table-file.js';
import { SEED_FILES } from './catalogue.js';
import { demoAgencies } from './data/agencies.js';
import { demoAccounts, demoOfficers } from './data/officers.js';
import { demoProcedures } from './data/procedures.js';

describe.each([
  ['agencies', SEED_FILES.agencies, AGENCY_COLUMNS],
  ['procedures', SEED_FILES.procedures, PROCEDURE_COLUMNS],
  ['officers', SEED_FILES.officers, OFFICER_COLUMNS],
] as [string, string, readonly ColumnSpec[]][])('seed/%s.csv', (_name, path, columns) => {
  it('has every column of the mapping it uses, and ignores only the row number', async () => {
    const file = await readImportRows(readFileSync(path), columns);
    expect(file.columns.ignored.filter((h) => h !== 'STT')).toEqual([]);
    expect(file.columns.duplicates).toEqual([]);
    expect(file.headerRow).toBe(1);
  });
});

describe('the demo read through the import', () => {
  it('has every agency, procedure version and officer of the files (a rejected row throws)', () => {
    expect(demoAgencies).toHaveLength(11);
    expect(demoProcedures).toHaveLength(15);
    expect(demoOfficers).toHaveLength(8);
    expect(demoAccounts.filter((a) => a.role === 'citizen')).toHaveLength(1);
  });

  it('reads the legal times the demo depends on from their Vietnamese wording', () => {
    const byCode = (code: string) => demoProcedures.filter((p) => p.code === code).at(-1)!;
    expect(byCode('2.000884').legalDuration).toEqual({ value: 4, unit: 'workingHours' }); // the demo dossier: due soon at the next sweep
    expect(byCode('2.000488').legalDuration).toEqual({ value: 10, unit: 'calendarDays' }); // "Không quá 10 ngày"
    expect(byCode('1.001193').legalDuration).toEqual({ value: 1, unit: 'workingDays' }); // "Ngay trong ngày … sau 15 giờ …"
    expect(byCode('1.012790').legalDuration).toEqual({ value: 20, unit: 'workingDays' });
  });

  it('reads fees, counts and the competent agency by name as well as by identifier', () => {
    const record = demoProcedures.find((p) => p.code === '2.000488')!;
    expect(record.fees.map((f) => f.amountVnd)).toEqual([200_000, 5_000]);
    expect(record.competentAgencyId).toBe('000.00.13.H99'); // written "Sở Tư pháp" in the file
    expect(demoProcedures.find((p) => p.code === '1.001193')!.fees).toEqual([]); // "Không"
    const renewal = demoProcedures.find((p) => p.code === '1.012790')!;
    expect(renewal.components.find((c) => c.id === 'land-right-papers')).toMatchObject({ certifiedCopies: 1, mandatory: false });
  });

  it('gives a procedure with history one row per version, the old one under Decree 61', () => {
    const permits = demoProcedures.filter((p) => p.code === '1.009994');
    expect(permits.map((p) => [p.version, p.ruleSet, p.effectiveFrom, p.effectiveTo])).toEqual([
      [1, 'nd61-2018', '2021-01-01', '2025-06-30'],
      [2, 'nd118-2025', '2025-07-01', undefined],
    ]);
  });

  it('normalises agency phone numbers written the national way', () => {
    expect(demoAgencies.find((a) => a.id === '000.00.00.H99')!.phone).toBe('+842983800001');
  });
});
