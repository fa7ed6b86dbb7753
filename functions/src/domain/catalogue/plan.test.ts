// Deciding what an import does, before anything is written.
import { describe, expect, it } from 'vitest';
import type { Agency } from '../agency/agency.js';
import { DEFAULT_WORKING_HOURS } from '../time/schemas.js';
import { planAgencyImport } from './agency-plan.js';
import { planOfficerImport } from './officer-plan.js';
import { planProcedureImport, sameProcedure, type ProcedureRow, type StoredProcedure } from './procedure-plan.js';
import type { ProcedureCells } from './procedure-row.js';

const AGENCIES = [
  { id: '000.00.13.H99', name: { vi: 'Sở Tư pháp tỉnh Bình An', en: 'Department of Justice' } },
  { id: '000.00.14.H99', name: { vi: 'Văn phòng Đăng ký đất đai tỉnh Bình An', en: 'Land Registration Office' } },
];
const TODAY = '2026-12-03';

const cells = (patch: Partial<ProcedureCells> = {}): ProcedureCells => ({
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  levels: 'Cấp Xã',
  agency: 'Ủy ban nhân dân cấp xã',
  legalTime: '03 ngày làm việc',
  fees: 'Không',
  components: 'Tờ khai đăng ký khai sinh (Bản chính: 1)\nGiấy chứng sinh (Bản chính: 1)',
  onlineLevel: 'Toàn trình',
  legalBasis: 'Luật Hộ tịch năm 2014',
  ...patch,
});
const rows = (...list: ProcedureCells[]): ProcedureRow[] => list.map((c, i) => ({ row: i + 2, cells: c }));
const plan = (list: ProcedureRow[], stored: Map<string, StoredProcedure> = new Map()) => planProcedureImport({ rows: list, stored, agencies: AGENCIES, today: TODAY });
const firstVersion = (c: ProcedureCells) => plan(rows(c)).writes[0]!.versions[0]!;

describe('planProcedureImport', () => {
  it('makes a new procedure version 1, from the import day, with one handling step and a note about English', () => {
    const result = plan(rows(cells()));
    expect(result.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 0 });
    const [write] = result.writes;
    expect(write).toMatchObject({ code: '1.001193', previousVersion: 0, rows: [2] });
    expect(write!.versions[0]).toMatchObject({ version: 1, effectiveFrom: TODAY, ruleSet: 'nd118-2025', name: { vi: 'Đăng ký khai sinh', en: 'Đăng ký khai sinh' }, steps: [{ id: 'handling', performer: { kind: 'receiving' }, budget: { value: 3, unit: 'workingDays' } }] });
    expect(result.rows[0]!.notes.map((n) => n.en)).toEqual(['no English name: the Vietnamese one is used', 'no internal process: one handling step with the whole legal time']);
  });

  it('resolves the competent agency by name without the province, and gives it the default step', () => {
    const v = firstVersion(cells({ levels: 'Cấp Tỉnh', agency: 'Sở Tư pháp', code: '2.000488' }));
    expect(v.competentAgencyId).toBe('000.00.13.H99');
    expect(v.steps[0]!.performer).toEqual({ kind: 'agency', agencyId: '000.00.13.H99' });
  });

  it('finds the same row unchanged, with or without the dates it was given', () => {
    const current = firstVersion(cells());
    const stored = new Map([['1.001193', { current }]]);
    expect(plan(rows(cells()), stored).rows[0]).toMatchObject({ outcome: 'unchanged', version: 1 });
    expect(plan(rows(cells({ effectiveFrom: '03/12/2026' })), stored).rows[0]!.outcome).toBe('unchanged');
    // The stored version started on the import day; a row dated otherwise says something new.
    expect(plan(rows(cells({ effectiveFrom: '01/01/2027' })), stored).rows[0]).toMatchObject({ outcome: 'changed', version: 2 });
  });

  it('makes a changed row the next version and keeps what the file does not say (process, English, ids)', () => {
    const current = {
      ...firstVersion(cells({ nameEn: 'Birth registration', componentsEn: 'Declaration\nBirth certificate', steps: 'Tiếp nhận | Một cửa | 1 ngày làm việc | Tiếp nhận\nThụ lý | Một cửa | 2 ngày làm việc | Thụ lý' })),
      version: 4,
    };
    current.components = current.components.map((c, i) => ({ ...c, id: ['declaration', 'birth-certificate'][i]! }));
    const stored = new Map([['1.001193', { current }]]);
    const result = plan(rows(cells({ legalTime: '05 ngày làm việc', steps: undefined })), stored);
    expect(result.rows[0]).toMatchObject({ outcome: 'changed', version: 5 });
    const next = result.writes[0]!.versions[0]!;
    expect(next.name.en).toBe('Birth registration');
    expect(next.components.map((c) => [c.id, c.name.en])).toEqual([['declaration', 'Declaration'], ['birth-certificate', 'Birth certificate']]);
    expect(next.steps).toEqual(current.steps);
    expect(result.writes[0]!.previousVersion).toBe(4);
    expect(sameProcedure(next, current, false)).toBe(false);
  });

  it('rejects a row with every problem it has, by column', () => {
    const result = plan(rows(cells({ legalTime: 'Theo quy định', fees: '1% giá trị', field: 'Chiêm tinh', agency: 'Sở Không Có', levels: 'Cấp Tỉnh' })));
    expect(result.rows[0]!.outcome).toBe('rejected');
    expect(result.rows[0]!.problems.map((p) => p.column)).toEqual(['Lĩnh vực', 'Cơ quan có thẩm quyền', 'Thời hạn giải quyết', 'Phí, lệ phí']);
    expect(result.writes).toEqual([]);
  });

  it('reports a schema problem under its column', () => {
    const result = plan(rows(cells({ legalTime: '01 ngày làm việc', steps: 'Thụ lý | Một cửa | 2 ngày làm việc | Thụ lý' })));
    expect(result.rows[0]!.problems).toEqual([{ column: 'Quy trình nội bộ', message: { vi: 'Tổng thời gian các bước (2) vượt thời hạn giải quyết (1)', en: 'step budgets (2) exceed the legal time (1)' } }]);
  });

  it('loads a procedure with its history, one row a version, and then accepts the same rows unchanged', () => {
    const history = rows(
      cells({ code: '1.009994', levels: 'Cấp Huyện', agency: 'Ủy ban nhân dân cấp huyện', effectiveFrom: '01/01/2021', effectiveTo: '30/06/2025' }),
      cells({ code: '1.009994', effectiveFrom: '01/07/2025' }),
    );
    const first = plan(history);
    expect(first.rows.map((r) => [r.outcome, r.version])).toEqual([['new', 1], ['new', 2]]);
    const [v1, v2] = first.writes[0]!.versions;
    expect([v1!.ruleSet, v1!.competentLevels, v2!.ruleSet]).toEqual(['nd61-2018', ['district'], 'nd118-2025']);
    const stored = new Map([['1.009994', { current: v2!, versions: [v1!, v2!] }]]);
    expect(plan(history, stored).rows.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    // An old version is never edited, even by its own history row.
    const edited = rows(history[0]!.cells, history[1]!.cells);
    edited[0] = { row: 2, cells: { ...edited[0]!.cells, legalTime: '20 ngày làm việc' } };
    expect(plan(edited, stored).rows.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
    expect(plan(edited, stored).rows[0]!.problems[0]!.message.en).toMatch(/old versions are never edited/);
  });

  it('rejects overlapping or undated rows of one code, every one of them', () => {
    const undated = plan(rows(cells(), cells()));
    expect(undated.rows.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
    expect(undated.rows[0]!.problems[0]!.message.en).toMatch(/is on several rows \(2, 3\)/);
    const overlapping = plan(rows(cells({ effectiveFrom: '01/07/2025' }), cells({ effectiveFrom: '01/01/2026' })));
    expect(overlapping.rows[0]!.problems[0]!.message.en).toMatch(/overlap/);
  });
});

const agency = (patch: Partial<Agency> = {}): Agency => ({
  id: '000.21.02.H99',
  name: { vi: 'Ủy ban nhân dân xã An Phú', en: 'An Phú Commune' },
  level: 'commune',
  parentId: '000.00.00.H99',
  effectiveFrom: '2025-07-01',
  hasOneStopDesk: true,
  workingHours: DEFAULT_WORKING_HOURS,
  officers: [],
  ...patch,
});

describe('planAgencyImport', () => {
  const stored = new Map([
    ['000.00.00.H99', agency({ id: '000.00.00.H99', level: 'province', name: { vi: 'UBND tỉnh', en: 'Province' }, parentId: undefined })],
    ['000.21.02.H99', agency()],
  ]);
  const row = (c: Record<string, string>, n = 2) => ({ row: n, cells: c });

  it('finds an agency unchanged when the file says what is stored, and keeps what it does not say', () => {
    const result = planAgencyImport({ rows: [row({ id: '000.21.02.H99', name: 'Ủy ban nhân dân xã An Phú', level: 'Cấp Xã' })], stored, today: TODAY });
    expect(result.rows[0]).toMatchObject({ outcome: 'unchanged' });
  });

  it('updates a changed agency and refuses to end one (a merger belongs to the console)', () => {
    const changed = planAgencyImport({ rows: [row({ id: '000.21.02.H99', name: 'Ủy ban nhân dân xã An Phú', level: 'Cấp Xã', phone: '0298 3821 020' })], stored, today: TODAY });
    expect(changed.rows[0]!.outcome).toBe('changed');
    expect(changed.writes[0]!.agency.phone).toBe('+842983821020');
    const ended = planAgencyImport({ rows: [row({ id: '000.21.02.H99', name: 'Ủy ban nhân dân xã An Phú', level: 'Cấp Xã', effectiveTo: '31/12/2026', successorId: '000.00.00.H99' })], stored, today: TODAY });
    expect(ended.rows[0]!.problems[0]!.message.en).toMatch(/is a merger/);
  });

  it('drops rows whose parent is neither stored nor imported, and then the rows that hung on them', () => {
    const result = planAgencyImport({
      rows: [
        row({ id: '000.21.90.H99', name: 'A', level: 'Cấp Xã', parentId: '000.99.99.H99' }, 2),
        row({ id: '000.21.91.H99', name: 'B', level: 'Cấp Xã', parentId: '000.21.90.H99' }, 3),
        row({ id: '000.21.92.H99', name: 'C', level: 'Cấp Xã', parentId: '000.00.00.H99' }, 4),
      ],
      stored,
      today: TODAY,
    });
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([[2, 'rejected'], [3, 'rejected'], [4, 'new']]);
  });
});

describe('planOfficerImport', () => {
  const base = { email: 'a@motcua.vn', displayName: 'Nguyễn Văn A', role: 'Thụ lý', agencyId: '000.00.13.H99' };
  const run = (list: Record<string, string>[], accounts = new Map()) =>
    planOfficerImport({ rows: list.map((c, i) => ({ row: i + 2, cells: c })), accounts, agencyIds: new Set(['000.00.13.H99']) });

  it('invites new addresses, lower-cased, and leaves an officer with the same role, agency and name alone', () => {
    expect(run([{ ...base, email: 'A@MotCua.vn' }]).invites).toEqual([{ row: 2, email: 'a@motcua.vn', displayName: 'Nguyễn Văn A', role: 'handler', agencyId: '000.00.13.H99' }]);
    const existing = new Map([['a@motcua.vn', { role: 'handler', agencyId: '000.00.13.H99', displayName: 'Nguyễn Văn A' }]]);
    expect(run([base], existing).rows[0]!.outcome).toBe('unchanged');
    expect(run([{ ...base, role: 'Lãnh đạo' }], existing).rows[0]!.outcome).toBe('changed');
  });

  it('never gives a role to an account that is not an officer’s', () => {
    const citizen = new Map([['a@motcua.vn', { displayName: 'Người dân' }]]);
    const result = run([base], citizen);
    expect(result.rows[0]).toMatchObject({ outcome: 'rejected' });
    expect(result.invites).toEqual([]);
  });

  it('rejects repeated addresses, bad roles and unknown agencies', () => {
    const result = run([base, base, { ...base, email: 'b@motcua.vn', role: 'Công dân' }, { ...base, email: 'c@motcua.vn', agencyId: '000.00.99.H99' }]);
    expect(result.rows.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
  });
});
