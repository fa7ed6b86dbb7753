// An agencies file → what importing it would do. Agencies are records, not versions: a changed row
// updates the agency. Ending an agency or naming its successor is a merger, which moves open dossiers
// and is done in the administration console; the import refuses it for an agency that already exists
// (it may load ended agencies that are new, for history).
import { Agency, type Agency as AgencyType } from '../agency/agency.js';
import { AGENCY_ID_PATTERN } from '../agency/agency-id.js';
import type { Bilingual } from '../shared/bilingual.js';
import { toFieldErrors } from '../shared/field-errors.js';
import { DEFAULT_WORKING_HOURS } from '../time/schemas.js';
import { parseLevels, parseYesNo } from './choices.js';
import { AGENCY_COLUMNS, headerOf, type AgencyColumn } from './columns.js';
import { parseDirectory, parseWorkingHours } from './components.js';
import { canonical, countOutcomes, type OutcomeCounts, type RowProblem, type RowReport } from './report.js';
import { cleanCell, parseLocalDate } from './text.js';
import type { Parsed } from './wording.js';

export type AgencyRow = { readonly row: number; readonly cells: Partial<Record<AgencyColumn, string>> };
export type AgencyWrite = { readonly id: string; readonly row: number; readonly agency: AgencyType; readonly created: boolean };
export type AgencyPlan = { readonly rows: readonly RowReport[]; readonly writes: readonly AgencyWrite[]; readonly counts: OutcomeCounts };

const header = (key: AgencyColumn) => headerOf(AGENCY_COLUMNS, key);

type Mapped = { ok: true; agency: AgencyType; notes: Bilingual[] } | { ok: false; problems: RowProblem[] };

function mapAgencyRow(cells: AgencyRow['cells'], current: AgencyType | undefined, today: string): Mapped {
  const problems: RowProblem[] = [];
  const notes: Bilingual[] = [];
  const problem = (key: AgencyColumn, message: Bilingual) => problems.push({ column: header(key), message });
  const take = <T>(key: AgencyColumn, result: Parsed<T>): T | undefined => {
    if (result.ok) return result.value;
    problem(key, result.reason);
    return undefined;
  };
  const present = (key: AgencyColumn) => cells[key] !== undefined && cells[key] !== '';
  const date = (key: 'effectiveFrom' | 'effectiveTo') => {
    if (!present(key)) return undefined;
    const value = parseLocalDate(cells[key]!);
    if (!value) problem(key, { vi: `Ngày "${cells[key]}" không hợp lệ (dd/mm/yyyy)`, en: `invalid date "${cells[key]}" (dd/mm/yyyy)` });
    return value;
  };
  const optionalId = (key: 'parentId' | 'successorId') => {
    if (!present(key)) return key === 'parentId' && cells[key] === undefined ? current?.parentId : undefined;
    if (!AGENCY_ID_PATTERN.test(cells[key]!)) problem(key, { vi: `"${cells[key]}" không phải mã định danh (000.00.00.H99)`, en: `"${cells[key]}" is not an identifier (000.00.00.H99)` });
    return cells[key];
  };

  const nameVi = cells.name ?? '';
  const nameEn = present('nameEn') ? cells.nameEn! : current?.name.vi === nameVi ? current.name.en : undefined;
  if (nameEn === undefined) notes.push({ vi: 'Chưa có tên tiếng Anh: dùng tên tiếng Việt', en: 'no English name: the Vietnamese one is used' });
  let level: AgencyType['level'] | undefined;
  if (cells.level !== undefined) {
    const levels = take('level', parseLevels(cells.level));
    if (levels && levels.length !== 1) problem('level', { vi: 'Ghi đúng một cấp', en: 'give exactly one level' });
    level = levels?.[0];
  } else level = current?.level;
  const hasOneStopDesk = present('hasOneStopDesk') ? take('hasOneStopDesk', parseYesNo(cells.hasOneStopDesk!)) : (current?.hasOneStopDesk ?? false);
  const workingHours = present('workingHours') ? take('workingHours', parseWorkingHours(cells.workingHours!)) : (current?.workingHours ?? DEFAULT_WORKING_HOURS);
  const officers = cells.officers !== undefined ? take('officers', parseDirectory(cells.officers)) : (current?.officers ?? []);
  const address = cells.address !== undefined ? cells.address || undefined : current?.address;
  const phone = cells.phone !== undefined ? cells.phone || undefined : current?.phone;
  const effectiveFrom = date('effectiveFrom') ?? current?.effectiveFrom ?? today;
  const effectiveTo = date('effectiveTo');
  const parentId = optionalId('parentId');
  const successorId = optionalId('successorId');
  if (problems.length > 0) return { ok: false, problems };

  const parsed = Agency.safeParse({
    id: cleanCell(cells.id),
    name: { vi: nameVi, en: nameEn ?? nameVi },
    level,
    ...(parentId ? { parentId } : {}),
    effectiveFrom,
    ...(effectiveTo ? { effectiveTo } : {}),
    ...(successorId ? { successorId } : {}),
    hasOneStopDesk,
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    workingHours,
    officers,
  });
  if (!parsed.success) {
    return { ok: false, problems: toFieldErrors(parsed.error).map((e) => ({ column: columnOf(e.path), message: e.message })) };
  }
  return { ok: true, agency: parsed.data, notes };
}

const COLUMN_OF_FIELD: Record<string, AgencyColumn> = {
  id: 'id', name: 'name', level: 'level', parentId: 'parentId', effectiveFrom: 'effectiveFrom', effectiveTo: 'effectiveTo',
  successorId: 'successorId', hasOneStopDesk: 'hasOneStopDesk', address: 'address', phone: 'phone', workingHours: 'workingHours', officers: 'officers',
};
function columnOf(path: string): string {
  const key = COLUMN_OF_FIELD[path.split('.')[0] ?? ''];
  return key ? (path.includes('.') ? `${header(key)} (${path})` : header(key)) : path;
}

export function planAgencyImport(input: { rows: readonly AgencyRow[]; stored: ReadonlyMap<string, AgencyType>; today: string }): AgencyPlan {
  const reports = new Map<number, RowReport>();
  const reject = (row: number, key: string | undefined, problems: RowProblem[]) => reports.set(row, { row, ...(key ? { key } : {}), outcome: 'rejected', problems, notes: [] });
  const byId = new Map<string, AgencyRow[]>();
  for (const row of input.rows) {
    const id = cleanCell(row.cells.id);
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  const accepted = new Map<string, { row: number; agency: AgencyType; notes: Bilingual[] }>();
  for (const [id, rows] of byId) {
    if (rows.length > 1) {
      const list = rows.map((r) => r.row).join(', ');
      for (const r of rows) reject(r.row, id, [{ column: header('id'), message: { vi: `Mã ${id} xuất hiện ở nhiều dòng (${list})`, en: `identifier ${id} is on several rows (${list})` } }]);
      continue;
    }
    const row = rows[0]!;
    const current = input.stored.get(id);
    const mapped = mapAgencyRow(row.cells, current, input.today);
    if (!mapped.ok) {
      reject(row.row, id || undefined, mapped.problems);
      continue;
    }
    if (current && ((current.effectiveTo ?? '') !== (mapped.agency.effectiveTo ?? '') || (current.successorId ?? '') !== (mapped.agency.successorId ?? ''))) {
      reject(row.row, id, [
        {
          column: header('effectiveTo'),
          message: {
            vi: 'Kết thúc hoạt động hoặc đổi cơ quan kế thừa của một cơ quan đã có là sáp nhập: hãy làm trong trang Quản trị (hồ sơ đang xử lý được chuyển theo)',
            en: 'ending an existing agency or changing its successor is a merger: do it in the administration console (open dossiers move with it)',
          },
        },
      ]);
      continue;
    }
    accepted.set(id, { row: row.row, agency: mapped.agency, notes: mapped.notes });
  }
  // References must lead to an agency that exists or is being imported; dropping one row may break
  // another's reference, so check until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, a] of accepted) {
      for (const key of ['parentId', 'successorId'] as const) {
        const ref = a.agency[key];
        if (ref !== undefined && !accepted.has(ref) && !input.stored.has(ref)) {
          reject(a.row, id, [{ column: header(key), message: { vi: `Không có cơ quan mã ${ref}`, en: `no agency ${ref}` } }]);
          accepted.delete(id);
          changed = true;
          break;
        }
      }
    }
  }
  const writes: AgencyWrite[] = [];
  for (const [id, a] of accepted) {
    const current = input.stored.get(id);
    const same = current !== undefined && canonical(current) === canonical(a.agency);
    reports.set(a.row, { row: a.row, key: id, outcome: same ? 'unchanged' : current ? 'changed' : 'new', problems: [], notes: a.notes });
    if (!same) writes.push({ id, row: a.row, agency: a.agency, created: !current });
  }
  const rows = [...reports.values()].sort((a, b) => a.row - b.row);
  return { rows, writes: writes.sort((a, b) => a.row - b.row), counts: countOutcomes(rows) };
}
