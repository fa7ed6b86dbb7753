// Lists inside one cell: the required documents ("Thành phần hồ sơ"), the internal process ("Quy trình
// nội bộ"), working hours and the published desk directory. One item per line.
import type { AgencyLevel } from '../agency/agency.js';
import { AGENCY_ID_PATTERN } from '../agency/agency-id.js';
import type { OfficerDirectoryEntry } from '../agency/agency.js';
import type { Bilingual } from '../shared/bilingual.js';
import type { RequiredComponent } from '../procedure/component.js';
import { STEP_ROLE_LABELS, type ProcessStep, type StepPerformer, type StepRole } from '../procedure/step.js';
import type { WorkingHours } from '../time/schemas.js';
import { cleanCell, fold, listLines, slug } from './text.js';
import { ok, parseLegalTime, refuse, type Parsed } from './wording.js';

const EXPLICIT_ID = /^\[([a-z][a-z0-9-]{0,63})\]\s*/u;

/** English lines matched one by one to the Vietnamese items; none given: the Vietnamese is used. */
function englishLines(english: string | undefined, count: number, what: Bilingual): Parsed<(string | undefined)[]> {
  const lines = english === undefined ? [] : listLines(english);
  if (lines.length === 0) return ok(Array.from({ length: count }, () => undefined));
  if (lines.length !== count) {
    return refuse(`${count} ${what.vi} nhưng ${lines.length} dòng tiếng Anh`, `${count} ${what.en} but ${lines.length} English lines`);
  }
  return ok(lines);
}

/** Unique ids: an explicit `[id]`, else the slug of the name; repeats get -2, -3 … */
function uniqueIds(wanted: string[]): string[] {
  const seen = new Map<string, number>();
  return wanted.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id.slice(0, 60)}-${n}`;
  });
}

// "Bản chính: 1", "01 bản chính", "bản sao có chứng thực: 02", "1 bản sao chứng thực", "Bản sao: 1", "bản chụp".
const COUNTS: [keyof Pick<RequiredComponent, 'originals' | 'certifiedCopies' | 'copies'>, RegExp][] = [
  ['certifiedCopies', /ban sao (?:co )?chung thuc\s*:?\s*(\d{1,2})|(\d{1,2})\s*ban sao (?:co )?chung thuc/u],
  ['originals', /ban chinh\s*:?\s*(\d{1,2})|(\d{1,2})\s*ban chinh/u],
  ['copies', /ban (?:sao|chup)(?! (?:co )?chung thuc)\s*:?\s*(\d{1,2})|(\d{1,2})\s*ban (?:sao|chup)(?! (?:co )?chung thuc)/u],
];
const OPTIONAL_MARK = /\s*\((?:không bắt buộc|khong bat buoc)\)\s*/iu;
/** The province marks a document whose file is sensitive personal data (Law 91/2025), e.g. an ID card image. */
const SENSITIVE_MARK = /\s*\((?:nhạy cảm|nhay cam)\)\s*/iu;

/** `text` without the given [start, end) spans. */
function cut(text: string, spans: [number, number][]): string {
  let out = text;
  for (const [start, end] of [...spans].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + ' ' + out.slice(end);
  return out;
}

/**
 * Required documents, one per line: `[id] Tên giấy tờ (Bản chính: 1, Bản sao chứng thực: 0, Bản sao: 1)`.
 * The id is optional (made from the name); counts may be written "01 bản chính" as well; without any
 * count the document is one original. "(nếu có)" or "(Không bắt buộc)" makes it optional; "(nhạy cảm)"
 * marks its files as sensitive personal data (restricted, every opening logged).
 */
export function parseComponents(cell: string, english?: string): Parsed<RequiredComponent[]> {
  const lines = listLines(cell);
  if (lines.length === 0) return refuse('Không có thành phần hồ sơ', 'no required documents');
  const en = englishLines(english, lines.length, { vi: 'thành phần hồ sơ', en: 'documents' });
  if (!en.ok) return en;
  const drafts = lines.map((line) => {
    const explicit = EXPLICIT_ID.exec(line);
    const text = explicit ? line.slice(explicit[0].length) : line;
    const folded = fold(text);
    const counts = { originals: 0, certifiedCopies: 0, copies: 0 };
    const spans: [number, number][] = [];
    let rest = folded;
    for (const [key, pattern] of COUNTS) {
      const m = pattern.exec(rest);
      if (!m) continue;
      counts[key] = Number(m[1] ?? m[2]);
      spans.push([m.index, m.index + m[0].length]);
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
    const mandatory = !(OPTIONAL_MARK.test(text) || /\(neu /u.test(folded));
    const sensitive = SENSITIVE_MARK.test(text);
    // Folding keeps one character per character of NFC Vietnamese, so the spans found in the folded
    // text cut the same words out of the name; then what held them ("( , )", a trailing " - ") goes too.
    const name = (folded.length === text.length ? cut(text, spans) : text)
      .replace(OPTIONAL_MARK, ' ')
      .replace(SENSITIVE_MARK, ' ')
      .replace(/\(\s*(?:[,;:–-]\s*)*\)/gu, ' ')
      .replace(/(?:\s*[,;:–-])+\s*$/u, '')
      .replace(/\s+/gu, ' ')
      .trim();
    if (spans.length === 0) counts.originals = 1;
    return { id: explicit?.[1] ?? slug(name), name, counts, mandatory, sensitive };
  });
  const ids = uniqueIds(drafts.map((d) => d.id));
  return ok(
    drafts.map((d, i) => ({
      id: ids[i]!,
      name: { vi: d.name, en: en.value[i] ?? d.name },
      ...d.counts,
      mandatory: d.mandatory,
      ...(d.sensitive ? { sensitive: true } : {}),
    })),
  );
}

const ROLE_BY_WORD = new Map<string, StepRole>(
  (Object.entries(STEP_ROLE_LABELS) as [StepRole, Bilingual][]).flatMap(([role, label]) => [
    [fold(label.vi), role] as const,
    [fold(label.en), role] as const,
    [fold(role), role] as const,
    [fold(label.vi.split(',')[0]!), role] as const,
  ]),
);
const RECEIVING = new Set(['mot cua', 'bo phan mot cua', 'noi tiep nhan', 'co quan tiep nhan', 'receiving']);
const COMPETENT: Record<string, AgencyLevel> = { 'cap tinh': 'province', 'cap xa': 'commune', 'cap huyen': 'district' };

function parsePerformer(cell: string): Parsed<StepPerformer> {
  const text = cleanCell(cell);
  const folded = fold(text);
  if (RECEIVING.has(folded)) return ok({ kind: 'receiving' });
  if (AGENCY_ID_PATTERN.test(text)) return ok({ kind: 'agency', agencyId: text });
  const level = COMPETENT[folded.replace(/^co quan co tham quyen /u, '')];
  if (level) return ok({ kind: 'competent', level });
  const external = /^(?:ngoài|ngoai|ngoài hệ thống|external)\s*:\s*(.+)$/iu.exec(text);
  if (external) {
    const [vi, en] = external[1]!.split(' / ');
    return ok({ kind: 'external', name: { vi: vi!.trim(), en: (en ?? vi!).trim() } });
  }
  return refuse(
    `Không rõ người thực hiện "${text}" (Một cửa, mã cơ quan, Cấp tỉnh/Cấp xã, hoặc "Ngoài: tên cơ quan")`,
    `unknown performer "${text}" (Một cửa, an agency id, Cấp tỉnh/Cấp xã, or "Ngoài: body name")`,
  );
}

/**
 * The internal process, one step per line: `[id] Vai trò | Người thực hiện | Thời gian | Nội dung`, e.g.
 * `Tiếp nhận | Một cửa | 0,5 ngày làm việc | Tiếp nhận, kiểm tra, số hóa hồ sơ`. The performer is the
 * receiving desk ("Một cửa"), an agency id, the competent agency of a level ("Cấp tỉnh") or a body outside
 * the platform ("Ngoài: Công an tỉnh / Provincial police"). English lines give the descriptions.
 */
export function parseSteps(cell: string, english?: string): Parsed<ProcessStep[]> {
  const lines = listLines(cell);
  if (lines.length === 0) return refuse('Quy trình không có bước nào', 'the process has no steps');
  const en = englishLines(english, lines.length, { vi: 'bước', en: 'steps' });
  if (!en.ok) return en;
  const drafts: Omit<ProcessStep, 'id'>[] = [];
  const wantedIds: string[] = [];
  for (const [i, line] of lines.entries()) {
    const explicit = EXPLICIT_ID.exec(line);
    const parts = (explicit ? line.slice(explicit[0].length) : line).split('|').map((p) => p.trim());
    const where = { vi: `bước ${i + 1}`, en: `step ${i + 1}` };
    if (parts.length !== 4 || parts.some((p) => p === '')) {
      return refuse(`${where.vi}: cần "Vai trò | Người thực hiện | Thời gian | Nội dung"`, `${where.en}: expected "role | performer | time | description"`);
    }
    const [roleText, performerText, timeText, description] = parts as [string, string, string, string];
    const role = ROLE_BY_WORD.get(fold(roleText));
    if (!role) return refuse(`${where.vi}: không rõ vai trò "${roleText}"`, `${where.en}: unknown role "${roleText}"`);
    const performer = parsePerformer(performerText);
    if (!performer.ok) return refuse(`${where.vi}: ${performer.reason.vi}`, `${where.en}: ${performer.reason.en}`);
    const budget = parseLegalTime(timeText);
    if (!budget.ok) return refuse(`${where.vi}: ${budget.reason.vi}`, `${where.en}: ${budget.reason.en}`);
    drafts.push({ role, performer: performer.value, description: { vi: description, en: en.value[i] ?? description }, budget: budget.value });
    wantedIds.push(explicit?.[1] ?? role);
  }
  const ids = uniqueIds(wantedIds);
  return ok(drafts.map((d, i) => ({ id: ids[i]!, ...d })));
}

/** "07:30–11:30, 13:00–17:00" or "7h30 - 11h30; 13h - 17h" → the opening periods in order. */
export function parseWorkingHours(cell: string): Parsed<WorkingHours> {
  const text = cleanCell(cell);
  const times = [...text.matchAll(/(\d{1,2})\s*(?:[:h]\s*(\d{2})?)/giu)].map((m) => `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`);
  if (times.length === 0 || times.length % 2 !== 0) {
    return refuse(`Không đọc được giờ làm việc "${text}" (ví dụ 07:30–11:30, 13:00–17:00)`, `cannot read working hours "${text}" (e.g. 07:30–11:30, 13:00–17:00)`);
  }
  const periods: WorkingHours['periods'] = [];
  for (let i = 0; i < times.length; i += 2) periods.push({ start: times[i]!, end: times[i + 1]! });
  const ordered = periods.every((p, i) => p.start < p.end && (i === 0 || periods[i - 1]!.end <= p.start));
  if (!ordered) return refuse(`Giờ làm việc "${text}" không theo thứ tự`, `working hours "${text}" are not in order`);
  return ok({ periods });
}

/** The published desk directory, one officer per line: `Họ và tên | Chức danh | Lĩnh vực | Điện thoại`. */
export function parseDirectory(cell: string): Parsed<OfficerDirectoryEntry[]> {
  const out: OfficerDirectoryEntry[] = [];
  for (const [i, line] of listLines(cell).entries()) {
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length !== 4 || parts.some((p) => p === '')) {
      return refuse(`dòng ${i + 1}: cần "Họ và tên | Chức danh | Lĩnh vực | Điện thoại"`, `line ${i + 1}: expected "name | title | field | phone"`);
    }
    const [fullName, title, field, phone] = parts as [string, string, string, string];
    out.push({ fullName, title, field, phone });
  }
  return ok(out);
}
