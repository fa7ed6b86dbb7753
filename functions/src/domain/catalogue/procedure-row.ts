// One row of a procedures file (the national catalogue's export, plus the province's optional columns)
// → one Procedure version, or every reason it cannot be one. Columns a file does not have keep the value
// of the version in force (so a national export without the internal process keeps the province's
// process), and so do English texts whose Vietnamese did not change.
import { AGENCY_ID_PATTERN } from '../agency/agency-id.js';
import type { Bilingual } from '../shared/bilingual.js';
import { toFieldErrors } from '../shared/field-errors.js';
import { findRuleSetOn } from '../rule-set/rule-set.js';
import { Procedure, type Fee, type ProcedureInput } from '../procedure/procedure.js';
import type { RequiredComponent } from '../procedure/component.js';
import type { ProcessStep } from '../procedure/step.js';
import { parseClockPolicy, parseField, parseLevels, parseOnlineLevel, parseReceptionExceptions, parseRuleSet } from './choices.js';
import { PROCEDURE_COLUMNS, headerOf, type ProcedureColumn } from './columns.js';
import { parseComponents, parseSteps } from './components.js';
import type { RowProblem } from './report.js';
import { cleanCell, fold, listLines, parseLocalDate } from './text.js';
import { ok, parseFees, parseLegalTime, refuse, type Parsed } from './wording.js';

export type ProcedureCells = Partial<Record<ProcedureColumn, string>>;

/** What the mapping needs to know about an agency: its id and names, to resolve "Cơ quan có thẩm quyền". */
export type AgencyRef = { readonly id: string; readonly name: Bilingual };

export type MappedProcedure =
  | {
      readonly ok: true;
      /** Version number still to be given (the plan assigns it). */
      readonly procedure: Procedure;
      /** The row gave its own dates: they are part of what it says. */
      readonly datesGiven: boolean;
      readonly notes: readonly Bilingual[];
    }
  | { readonly ok: false; readonly code?: string; readonly problems: readonly RowProblem[] };

const header = (key: ProcedureColumn) => headerOf(PROCEDURE_COLUMNS, key);

/** "1.001193", or the national code heading a longer one ("1.001193.000.00.00.H12"). */
export function readProcedureCode(cell: string | undefined): string | undefined {
  return /^(\d\.\d{6})(?:\.|$)/u.exec(cleanCell(cell))?.[1];
}

// "Ủy ban nhân dân cấp xã", "UBND cấp tỉnh", "Chủ tịch UBND cấp xã": a level, not one agency.
const GENERIC_AGENCY = /\bcap (?:xa|huyen|tinh)\b/u;

/** Agency names compared without "tỉnh <province>" at the end, as exports often leave it out. */
const withoutProvince = (folded: string) => folded.replace(/ tinh [^,;]+$/u, '');

/** Folded names of one agency list, computed once per import rather than once per row. */
const foldedNames = new WeakMap<readonly AgencyRef[], { id: string; name: string; short: string }[]>();
function namesOf(agencies: readonly AgencyRef[]): { id: string; name: string; short: string }[] {
  let names = foldedNames.get(agencies);
  if (!names) {
    names = agencies.map((a) => ({ id: a.id, name: fold(a.name.vi), short: withoutProvince(fold(a.name.vi)) }));
    foldedNames.set(agencies, names);
  }
  return names;
}

function resolveAgency(cell: string, agencies: readonly AgencyRef[]): Parsed<string | undefined> {
  const first = cleanCell(cell).split(/[\n;]/u).map((s) => s.trim()).find(Boolean);
  if (first === undefined || GENERIC_AGENCY.test(fold(first))) return { ok: true, value: undefined };
  if (AGENCY_ID_PATTERN.test(first)) {
    return agencies.some((a) => a.id === first)
      ? { ok: true, value: first }
      : { ok: false, reason: { vi: `Không có cơ quan mã ${first} (hãy nhập danh sách cơ quan trước)`, en: `no agency ${first} (import the agencies first)` } };
  }
  const wanted = fold(first);
  const names = namesOf(agencies);
  let matches = names.filter((a) => a.name === wanted);
  if (matches.length === 0) matches = names.filter((a) => a.short === withoutProvince(wanted));
  if (matches.length === 1) return { ok: true, value: matches[0]!.id };
  if (matches.length > 1) {
    return { ok: false, reason: { vi: `Nhiều cơ quan tên "${first}": hãy ghi mã định danh`, en: `several agencies are named "${first}": give the identifier` } };
  }
  return { ok: false, reason: { vi: `Không có cơ quan tên "${first}": hãy ghi mã định danh hoặc nhập cơ quan trước`, en: `no agency named "${first}": give the identifier or import the agency first` } };
}

/** Keeps English texts of the version in force whose Vietnamese is unchanged, and its component ids. */
function carryComponents(parsed: RequiredComponent[], current: readonly RequiredComponent[] | undefined, explicitEnglish: boolean, explicitIds: boolean[]): RequiredComponent[] {
  if (!current) return parsed;
  return parsed.map((c, i) => {
    const before = current.find((b) => b.name.vi === c.name.vi);
    if (!before) return c;
    // The blank form (set by the "Mẫu đơn, tờ khai" column or the console) stays unless that column replaces it.
    return { ...c, id: explicitIds[i] ? c.id : before.id, name: explicitEnglish ? c.name : before.name, ...(before.note ? { note: before.note } : {}), ...(before.template ? { template: before.template } : {}) };
  });
}

function carryFees(parsed: Fee[], current: readonly Fee[] | undefined, explicitEnglish: boolean): Fee[] {
  if (!current || explicitEnglish) return parsed;
  return parsed.map((f) => ({ ...f, description: current.find((b) => b.description.vi === f.description.vi)?.description ?? f.description }));
}

function carrySteps(parsed: ProcessStep[], current: readonly ProcessStep[] | undefined, explicitEnglish: boolean): ProcessStep[] {
  if (!current || explicitEnglish) return parsed;
  return parsed.map((s) => {
    const before = current.find((b) => b.description.vi === s.description.vi);
    return before ? { ...s, description: before.description } : s;
  });
}

/** The process of a procedure imported without one: the competent agency (or the desk) handles it. */
export function defaultSteps(procedure: Pick<Procedure, 'legalDuration' | 'competentAgencyId'>): ProcessStep[] {
  return [
    {
      id: 'handling',
      role: 'handling',
      performer: procedure.competentAgencyId ? { kind: 'agency', agencyId: procedure.competentAgencyId } : { kind: 'receiving' },
      description: { vi: 'Giải quyết hồ sơ theo quy định', en: 'The dossier is handled as prescribed' },
      budget: procedure.legalDuration,
    },
  ];
}

/**
 * Maps one row. `current` is the stored version this row would follow (the version in force, or for a
 * history row the stored version with the same dates); `today` dates a row that gives no dates.
 */
export function mapProcedureRow(cells: ProcedureCells, context: { current?: Procedure; agencies: readonly AgencyRef[]; today: string }): MappedProcedure {
  const { current, agencies, today } = context;
  const problems: RowProblem[] = [];
  const notes: Bilingual[] = [];
  const problem = (key: ProcedureColumn, message: Bilingual) => problems.push({ column: header(key), message });
  const take = <T>(key: ProcedureColumn, result: Parsed<T>): T | undefined => {
    if (result.ok) return result.value;
    problem(key, result.reason);
    return undefined;
  };
  const present = (key: ProcedureColumn) => cells[key] !== undefined && cells[key] !== '';

  const code = readProcedureCode(cells.code);
  if (!code) problem('code', { vi: `Mã thủ tục "${cells.code ?? ''}" phải có dạng 1.001193`, en: `procedure code "${cells.code ?? ''}" must look like 1.001193` });
  const nameVi = cells.name ?? '';
  if (nameVi === '') problem('name', { vi: 'Thiếu tên thủ tục', en: 'the name is missing' });
  const nameEn = present('nameEn') ? cells.nameEn! : current?.name.vi === nameVi ? current.name.en : undefined;
  if (nameEn === undefined && nameVi !== '') notes.push({ vi: 'Chưa có tên tiếng Anh: dùng tên tiếng Việt', en: 'no English name: the Vietnamese one is used' });

  const field = cells.field === undefined ? current?.field : take('field', parseField(cells.field));
  const competentLevels = cells.levels === undefined ? current?.competentLevels : take('levels', parseLevels(cells.levels));
  const competentAgencyId = cells.agency === undefined ? current?.competentAgencyId : take('agency', resolveAgency(cells.agency, agencies));
  const legalDuration = cells.legalTime === undefined ? current?.legalDuration : take('legalTime', parseLegalTime(cells.legalTime));
  const onlineLevel = cells.onlineLevel === undefined ? current?.onlineLevel : take('onlineLevel', parseOnlineLevel(cells.onlineLevel));

  let fees: Fee[] | undefined = current?.fees;
  if (cells.fees !== undefined) {
    const parsed = take('fees', parseFees(cells.fees, present('feesEn') ? cells.feesEn : undefined));
    fees = parsed && carryFees(parsed, current?.fees, present('feesEn'));
  }
  let components: RequiredComponent[] | undefined = current?.components;
  if (cells.components !== undefined) {
    const parsed = take('components', parseComponents(cells.components, present('componentsEn') ? cells.componentsEn : undefined));
    const explicitIds = listLines(cells.components).map((l) => /^\[[a-z][a-z0-9-]*\]/u.test(l));
    components = parsed && carryComponents(parsed, current?.components, present('componentsEn'), explicitIds);
  }

  if (components && present('templates')) components = take('templates', attachTemplates(cells.templates!, components));
  // Blank: the version in force keeps its own everyday names.
  const searchTerms = present('searchTerms') ? parseSearchTerms(cells.searchTerms!) : (current?.searchTerms ?? []);

  const from = present('effectiveFrom') ? parseLocalDate(cells.effectiveFrom!) : undefined;
  if (present('effectiveFrom') && !from) problem('effectiveFrom', { vi: `Ngày "${cells.effectiveFrom}" không hợp lệ (dd/mm/yyyy)`, en: `invalid date "${cells.effectiveFrom}" (dd/mm/yyyy)` });
  const to = present('effectiveTo') ? parseLocalDate(cells.effectiveTo!) : undefined;
  if (present('effectiveTo') && !to) problem('effectiveTo', { vi: `Ngày "${cells.effectiveTo}" không hợp lệ (dd/mm/yyyy)`, en: `invalid date "${cells.effectiveTo}" (dd/mm/yyyy)` });
  const datesGiven = from !== undefined;
  const effectiveFrom = from ?? today;
  const ruleSet = present('ruleSet') ? take('ruleSet', parseRuleSet(cells.ruleSet!)) : findRuleSetOn(effectiveFrom);
  if (!present('ruleSet') && ruleSet === undefined) problem('effectiveFrom', { vi: `Không có bộ quy định nào áp dụng ngày ${effectiveFrom}`, en: `no rule set applies on ${effectiveFrom}` });

  let steps: ProcessStep[] | undefined;
  if (present('steps')) {
    const parsed = take('steps', parseSteps(cells.steps!, present('stepsEn') ? cells.stepsEn : undefined));
    steps = parsed && carrySteps(parsed, current?.steps, present('stepsEn'));
    for (const s of steps ?? []) {
      if (s.performer.kind === 'agency' && !agencies.some((a) => s.performer.kind === 'agency' && a.id === s.performer.agencyId)) {
        problem('steps', { vi: `Bước "${s.id}": không có cơ quan mã ${s.performer.agencyId}`, en: `step "${s.id}": no agency ${s.performer.agencyId}` });
      }
    }
  } else if (current) {
    steps = current.steps;
  } else if (legalDuration) {
    steps = defaultSteps({ legalDuration, competentAgencyId });
    notes.push({ vi: 'Chưa có quy trình nội bộ: một bước giải quyết với toàn bộ thời hạn', en: 'no internal process: one handling step with the whole legal time' });
  }

  const legalBasis = present('legalBasis') ? listLines(cells.legalBasis!) : current?.legalBasis;
  if (!legalBasis || legalBasis.length === 0) problem('legalBasis', { vi: 'Thiếu căn cứ pháp lý', en: 'the legal basis is missing' });
  const supplementClockPolicy = present('supplementClock') ? take('supplementClock', parseClockPolicy(cells.supplementClock!)) : (current?.supplementClockPolicy ?? 'restart');
  const receptionExceptions = present('receptionExceptions') ? take('receptionExceptions', parseReceptionExceptions(cells.receptionExceptions!)) : (current?.receptionExceptions ?? []);

  if (problems.length > 0) return { ok: false, ...(code ? { code } : {}), problems };

  const input: ProcedureInput = {
    code: code!,
    version: current?.version ?? 1,
    name: { vi: nameVi, en: nameEn ?? nameVi },
    field: field!,
    competentLevels: competentLevels!,
    ruleSet: ruleSet!,
    effectiveFrom,
    ...(to ? { effectiveTo: to } : {}),
    legalDuration: legalDuration!,
    fees: fees!,
    components: components!,
    onlineLevel: onlineLevel!,
    steps: steps!,
    supplementClockPolicy,
    ...(competentAgencyId ? { competentAgencyId } : {}),
    receptionExceptions,
    ...(current?.supplementRequestWindow ? { supplementRequestWindow: current.supplementRequestWindow } : {}),
    ...(current?.supplementExpiry ? { supplementExpiry: current.supplementExpiry } : {}),
    ...(current?.stopPolicy ? { stopPolicy: current.stopPolicy } : {}),
    legalBasis: legalBasis!,
    searchTerms,
  };
  const parsed = Procedure.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: code!, problems: toFieldErrors(parsed.error).map((e) => ({ column: columnOfPath(e.path), message: e.message })) };
  }
  return { ok: true, procedure: parsed.data, datesGiven, notes };
}

const COLUMN_OF_FIELD: Record<string, ProcedureColumn> = {
  code: 'code',
  name: 'name',
  field: 'field',
  competentLevels: 'levels',
  competentAgencyId: 'agency',
  ruleSet: 'ruleSet',
  effectiveFrom: 'effectiveFrom',
  effectiveTo: 'effectiveTo',
  legalDuration: 'legalTime',
  fees: 'fees',
  components: 'components',
  onlineLevel: 'onlineLevel',
  steps: 'steps',
  supplementClockPolicy: 'supplementClock',
  receptionExceptions: 'receptionExceptions',
  legalBasis: 'legalBasis',
  searchTerms: 'searchTerms',
};

/** "sổ đỏ; sổ hồng\ncấp lại sổ" → the names, each once (compared without marks or case). */
export function parseSearchTerms(cell: string): string[] {
  const seen = new Set<string>();
  return cell
    .split(/[;\n]/u)
    .map((t) => t.replace(/\s+/gu, ' ').trim())
    .filter((t) => {
      const key = fold(t);
      if (t === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** `[id] Mẫu số 11/ĐK | https://…` a line: the blank form of the document with that id. */
export function attachTemplates(cell: string, components: RequiredComponent[]): Parsed<RequiredComponent[]> {
  const byId = new Map<string, { name: string; url: string }>();
  for (const line of listLines(cell)) {
    const m = /^\[([a-z][a-z0-9-]{0,63})\]\s*(.+?)\s*\|\s*(\S+)\s*$/u.exec(line);
    if (!m) return refuse(`Dòng mẫu đơn "${line}" phải có dạng [mã giấy tờ] Mẫu số … | đường dẫn`, `template line "${line}" must read [document id] form number | link`);
    if (!components.some((c) => c.id === m[1])) return refuse(`Không có giấy tờ mã ${m[1]} cho mẫu đơn`, `no document with id ${m[1]} for the template`);
    byId.set(m[1]!, { name: m[2]!, url: m[3]! });
  }
  return ok(components.map((c) => (byId.has(c.id) ? { ...c, template: byId.get(c.id)! } : c)));
}

/** The column a schema path is about ("components.1.originals" → "Thành phần hồ sơ (components.1.originals)"). */
function columnOfPath(path: string): string {
  const key = COLUMN_OF_FIELD[path.split('.')[0] ?? ''];
  return key ? (path.includes('.') ? `${header(key)} (${path})` : header(key)) : path;
}
