// Cells that name one of a few values: level of government, field, online level, role, yes/no. Matched
// folded (case and marks ignored), in Vietnamese as the catalogue writes them, or by the code's own key.
import type { AgencyLevel } from '../agency/agency.js';
import { AGENCY_LEVELS } from '../agency/level-labels.js';
import type { Role } from '../lifecycle/actor.js';
import { PROCEDURE_FIELDS, type ProcedureField } from '../procedure/field.js';
import type { OnlineLevel, ReceptionException, SupplementClockPolicy } from '../procedure/procedure.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { cleanCell, fold, listItems } from './text.js';
import { ok, refuse, type Parsed } from './wording.js';

const LEVEL_WORDS: Record<string, AgencyLevel | 'national'> = {
  'cap tinh': 'province',
  tinh: 'province',
  'cap xa': 'commune',
  xa: 'commune',
  'cap xa, phuong': 'commune',
  'xa, phuong, dac khu': 'commune',
  phuong: 'commune',
  'dac khu': 'commune',
  'cap huyen': 'district',
  huyen: 'district',
  'cap bo': 'national',
  'cap trung uong': 'national',
  'trung uong': 'national',
  bo: 'national',
};

/**
 * "Cấp Tỉnh, Cấp Xã" → ['province', 'commune']. Ministry-level entries ("Cấp Bộ") are not handled by a
 * province and are left out; a cell with nothing else is refused.
 */
export function parseLevels(cell: string): Parsed<AgencyLevel[]> {
  const levels = new Set<AgencyLevel>();
  for (const item of listItems(cell)) {
    const key = fold(item);
    const level = (AGENCY_LEVELS as readonly string[]).includes(item) ? (item as AgencyLevel) : LEVEL_WORDS[key];
    if (level === undefined) return refuse(`Không rõ cấp thực hiện "${item}"`, `unknown level "${item}"`);
    if (level !== 'national') levels.add(level);
  }
  if (levels.size === 0) {
    return refuse('Không có cấp thực hiện thuộc tỉnh (cấp tỉnh, cấp xã)', 'no level the province handles (province, commune)');
  }
  return ok(AGENCY_LEVELS.filter((l) => levels.has(l)));
}

// Field names as the national catalogue writes some of them, beside PROCEDURE_FIELDS' own labels.
const FIELD_ALIASES: Record<string, ProcedureField> = {
  'dat dai': 'land',
  'moi truong': 'environment',
  'hoat dong xay dung': 'construction',
  'quy hoach xay dung, kien truc': 'construction',
  'thanh lap va hoat dong doanh nghiep': 'enterpriseRegistration',
  'dang ky doanh nghiep': 'enterpriseRegistration',
  'thanh lap va hoat dong cua ho kinh doanh': 'householdBusiness',
  'ho kinh doanh': 'householdBusiness',
  'chung thuc': 'certification',
  'ly lich tu phap': 'judicialRecord',
  'ho tich': 'civilStatus',
  'dang ky, quan ly cu tru': 'residence',
  'bao hiem y te': 'healthInsurance',
  'duong bo': 'transport',
  'giao thong van tai': 'transport',
  'giao duc va dao tao': 'education',
  'viec lam': 'labour',
  'lao dong': 'labour',
};
const FIELD_BY_LABEL = new Map<string, ProcedureField>([
  ...Object.entries(FIELD_ALIASES),
  ...(Object.entries(PROCEDURE_FIELDS) as [ProcedureField, { vi: string; en: string }][]).flatMap(([key, label]) => [
    [fold(label.vi), key] as const,
    [fold(label.en), key] as const,
    [fold(key), key] as const,
  ]),
]);

/** The catalogue's field ("Lĩnh vực"): one of PROCEDURE_FIELDS, by its label or a known alias. */
export function parseField(cell: string): Parsed<ProcedureField> {
  const text = cleanCell(cell);
  const field = FIELD_BY_LABEL.get(fold(text));
  if (field !== undefined) return ok(field);
  const known = Object.values(PROCEDURE_FIELDS).map((l) => l.vi).join(', ');
  return refuse(`Lĩnh vực "${text}" chưa có trong danh mục (${known})`, `field "${text}" is not in the list (${known})`);
}

/**
 * The online service level: "Toàn trình" (formerly level 4) → full; "Một phần" (formerly level 3) →
 * partial. A procedure with no online service is refused: the catalogue here only knows these two.
 */
export function parseOnlineLevel(cell: string): Parsed<OnlineLevel> {
  const text = fold(cleanCell(cell));
  if (/toan trinh|muc (?:do )?4|^full$/u.test(text)) return ok('full');
  if (/mot phan|muc (?:do )?3|^partial$/u.test(text)) return ok('partial');
  return refuse(
    `Mức độ dịch vụ công trực tuyến "${cleanCell(cell)}" chưa được hỗ trợ (chỉ "Toàn trình" hoặc "Một phần")`,
    `online level "${cleanCell(cell)}" is not supported (only "Toàn trình" — full — or "Một phần" — partial)`,
  );
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dung']);
const NO = new Set(['khong', 'no', 'false', '0', '']);

export function parseYesNo(cell: string): Parsed<boolean> {
  const text = fold(cleanCell(cell));
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return refuse(`"${cleanCell(cell)}": ghi "Có" hoặc "Không"`, `"${cleanCell(cell)}": write "Có" (yes) or "Không" (no)`);
}

export function parseRuleSet(cell: string): Parsed<RuleSet> {
  const text = fold(cleanCell(cell));
  if (text === 'nd61-2018' || text.includes('61/2018')) return ok('nd61-2018');
  if (text === 'nd118-2025' || text.includes('118/2025')) return ok('nd118-2025');
  return refuse(`Không rõ bộ quy định "${cleanCell(cell)}" (nd61-2018, nd118-2025)`, `unknown rule set "${cleanCell(cell)}" (nd61-2018, nd118-2025)`);
}

export function parseClockPolicy(cell: string): Parsed<SupplementClockPolicy> {
  const text = fold(cleanCell(cell));
  if (text === 'restart' || text.includes('tinh lai')) return ok('restart');
  if (text === 'pause' || text.includes('tam dung') || text.includes('khong tinh')) return ok('pause');
  return refuse(`"${cleanCell(cell)}": ghi "Tính lại từ đầu" hoặc "Tạm dừng"`, `"${cleanCell(cell)}": write "Tính lại từ đầu" (restart) or "Tạm dừng" (pause)`);
}

const EXCEPTIONS: Record<string, ReceptionException> = {
  'luu dong': 'mobile',
  mobile: 'mobile',
  'kiem tra thuc dia': 'onSite',
  'tham dinh thuc dia': 'onSite',
  onsite: 'onSite',
  'chi truc tuyen': 'onlineOnly',
  onlineonly: 'onlineOnly',
};

/** Decree 118 Art. 14.3 exceptions to reception anywhere in the province. */
export function parseReceptionExceptions(cell: string): Parsed<ReceptionException[]> {
  const out: ReceptionException[] = [];
  for (const item of listItems(cell)) {
    const exception = EXCEPTIONS[fold(item)];
    if (exception === undefined) {
      return refuse(`Không rõ ngoại lệ tiếp nhận "${item}" (Lưu động, Kiểm tra thực địa, Chỉ trực tuyến)`, `unknown reception exception "${item}"`);
    }
    if (!out.includes(exception)) out.push(exception);
  }
  return ok(out);
}

export const STAFF_ROLES = ['receptionist', 'handler', 'lead', 'admin', 'monitor', 'kiosk'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

const STAFF_ROLE_WORDS: Record<string, StaffRole> = {
  'tiep nhan': 'receptionist',
  'can bo tiep nhan': 'receptionist',
  'cong chuc tiep nhan': 'receptionist',
  'cong chuc bo phan mot cua': 'receptionist',
  'thu ly': 'handler',
  'chuyen vien thu ly': 'handler',
  'lanh dao': 'lead',
  'lanh dao co quan': 'lead',
  'quan tri': 'admin',
  'quan tri he thong': 'admin',
  'giam sat': 'monitor',
  'giam sat, theo doi': 'monitor',
  kiosk: 'kiosk',
  'thiet bi danh gia': 'kiosk',
  'thiet bi danh gia tai bo phan mot cua': 'kiosk',
};

/** An officer's role in an officers file: its Vietnamese name ("Tiếp nhận", "Thụ lý", …) or its key. */
export function parseStaffRole(cell: string): Parsed<StaffRole> {
  const text = cleanCell(cell);
  const role = (STAFF_ROLES as readonly string[]).includes(text) ? (text as StaffRole) : STAFF_ROLE_WORDS[fold(text)];
  if (role === undefined) {
    return refuse(
      `Không rõ vai trò "${text}" (Tiếp nhận, Thụ lý, Lãnh đạo, Quản trị, Giám sát, Thiết bị đánh giá)`,
      `unknown role "${text}" (receptionist, handler, lead, admin, monitor, kiosk)`,
    );
  }
  return ok(role);
}
