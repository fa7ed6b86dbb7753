// The columns of the three import files and the headers they are recognised by. Headers are matched
// folded (case, marks, spacing and a trailing "*" or ":" ignored), so "Mã thủ tục", "MÃ THỦ TỤC" and
// "Ma thu tuc" are one column. Columns the mapping does not know (STT, Trình tự thực hiện, …) are ignored
// and listed in the report. docs/IMPORT.md documents the mapping; tests keep it in step with this file.
import type { Bilingual } from '../shared/bilingual.js';
import { cleanCell, fold } from './text.js';

export type ColumnSpec<K extends string = string> = {
  readonly key: K;
  /** The header written in our templates and seed files. */
  readonly header: string;
  /** Other headers meaning the same column (the national catalogue's exports vary). */
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly what: Bilingual;
};

const col = <K extends string>(key: K, header: string, aliases: string[], required: boolean, vi: string, en: string): ColumnSpec<K> => ({
  key,
  header,
  aliases,
  required,
  what: { vi, en },
});

export const PROCEDURE_COLUMNS = [
  col('code', 'Mã thủ tục', ['Mã TTHC', 'Mã thủ tục hành chính', 'Mã số TTHC', 'Mã số'], true, 'Mã thủ tục quốc gia, ví dụ 1.001193', 'national code, e.g. 1.001193'),
  col('name', 'Tên thủ tục', ['Tên thủ tục hành chính', 'Tên TTHC'], true, 'Tên thủ tục', 'procedure name'),
  col('nameEn', 'Tên thủ tục (tiếng Anh)', ['Tên tiếng Anh', 'Name (English)'], false, 'Tên tiếng Anh', 'English name'),
  col('field', 'Lĩnh vực', ['Lĩnh vực thực hiện'], true, 'Lĩnh vực', 'field'),
  col('levels', 'Cấp thực hiện', ['Cấp'], true, 'Cấp thực hiện (Cấp Tỉnh, Cấp Xã)', 'levels (province, commune)'),
  col('agency', 'Cơ quan có thẩm quyền', ['Cơ quan thực hiện', 'Cơ quan giải quyết', 'Mã cơ quan có thẩm quyền', 'Cơ quan có thẩm quyền quyết định'], false, 'Cơ quan có thẩm quyền (mã định danh hoặc tên)', 'competent agency (identifier or name)'),
  col('legalTime', 'Thời hạn giải quyết', ['Thời gian giải quyết', 'Thời hạn'], true, 'Thời hạn giải quyết, ví dụ "15 ngày làm việc"', 'legal time, e.g. "15 ngày làm việc"'),
  col('fees', 'Phí, lệ phí', ['Phí lệ phí', 'Lệ phí', 'Phí/lệ phí', 'Mức phí, lệ phí'], true, 'Phí, lệ phí, ví dụ "50.000 đồng/hồ sơ" hoặc "Không"', 'fees, e.g. "50.000 đồng/hồ sơ" or "Không"'),
  col('feesEn', 'Phí, lệ phí (tiếng Anh)', [], false, 'Mô tả phí bằng tiếng Anh, mỗi khoản một dòng', 'fee descriptions in English, one per line'),
  col('components', 'Thành phần hồ sơ', ['Thành phần, số lượng hồ sơ', 'Hồ sơ'], true, 'Thành phần hồ sơ, mỗi giấy tờ một dòng', 'required documents, one per line'),
  col('componentsEn', 'Thành phần hồ sơ (tiếng Anh)', [], false, 'Tên giấy tờ bằng tiếng Anh, mỗi giấy tờ một dòng', 'document names in English, one per line'),
  col('onlineLevel', 'Mức độ dịch vụ công trực tuyến', ['Mức độ DVC', 'Mức độ DVCTT', 'Mức độ', 'Dịch vụ công trực tuyến'], true, 'Toàn trình hoặc Một phần', 'full ("Toàn trình") or partial ("Một phần")'),
  col('legalBasis', 'Căn cứ pháp lý', ['Căn cứ pháp lý của TTHC'], false, 'Căn cứ pháp lý, mỗi văn bản một dòng', 'legal basis, one document per line'),
  col('effectiveFrom', 'Hiệu lực từ ngày', ['Ngày hiệu lực', 'Áp dụng từ ngày', 'Ngày có hiệu lực'], false, 'Áp dụng từ ngày (trống: ngày nhập)', 'in force from (blank: the import date)'),
  col('effectiveTo', 'Hiệu lực đến ngày', ['Áp dụng đến ngày', 'Ngày hết hiệu lực'], false, 'Áp dụng đến hết ngày', 'in force until (inclusive)'),
  col('ruleSet', 'Bộ quy định', ['Quy định áp dụng'], false, 'nd61-2018 hoặc nd118-2025 (trống: theo ngày hiệu lực)', 'nd61-2018 or nd118-2025 (blank: from the dates)'),
  col('steps', 'Quy trình nội bộ', ['Quy trình', 'Quy trình nội bộ giải quyết TTHC'], false, 'Các bước: Vai trò | Người thực hiện | Thời gian | Nội dung', 'steps: role | performer | time | description'),
  col('stepsEn', 'Quy trình nội bộ (tiếng Anh)', [], false, 'Nội dung từng bước bằng tiếng Anh', 'step descriptions in English'),
  col('supplementClock', 'Thời gian khi bổ sung hồ sơ', ['Cách tính thời gian khi bổ sung'], false, 'Tính lại từ đầu hoặc Tạm dừng', 'restart ("Tính lại từ đầu") or pause ("Tạm dừng")'),
  col('receptionExceptions', 'Ngoại lệ tiếp nhận', [], false, 'Lưu động, Kiểm tra thực địa, Chỉ trực tuyến', 'mobile, on-site, online only'),
  col('searchTerms', 'Tên gọi thông dụng', ['Từ khóa tìm kiếm', 'Từ khóa'], false, 'Tên gọi người dân hay dùng, cách nhau bằng dấu chấm phẩy hoặc xuống dòng', 'everyday names, separated by semicolons or new lines'),
  col('templates', 'Mẫu đơn, tờ khai', ['Mẫu đơn', 'Mẫu tờ khai'], false, 'Mỗi dòng: [mã giấy tờ] Mẫu số … | đường dẫn', 'one a line: [document id] form number | link'),
] as const;
export type ProcedureColumn = (typeof PROCEDURE_COLUMNS)[number]['key'];

export const AGENCY_COLUMNS = [
  col('id', 'Mã định danh', ['Mã định danh điện tử', 'Mã cơ quan', 'Mã đơn vị'], true, 'Mã định danh điện tử, ví dụ 000.00.13.H99', 'electronic identifier, e.g. 000.00.13.H99'),
  col('name', 'Tên cơ quan', ['Tên đơn vị'], true, 'Tên cơ quan', 'agency name'),
  col('nameEn', 'Tên cơ quan (tiếng Anh)', ['Tên tiếng Anh'], false, 'Tên tiếng Anh', 'English name'),
  col('level', 'Cấp', ['Cấp hành chính'], true, 'Cấp tỉnh, Cấp xã (Cấp huyện: chỉ lịch sử)', 'province, commune (district: history only)'),
  col('parentId', 'Cơ quan cấp trên', ['Mã cơ quan cấp trên', 'Mã đơn vị cha'], false, 'Mã định danh cơ quan cấp trên', 'parent agency identifier'),
  col('effectiveFrom', 'Hoạt động từ ngày', ['Ngày thành lập'], false, 'Hoạt động từ ngày (trống: ngày nhập)', 'in operation from (blank: the import date)'),
  col('effectiveTo', 'Hoạt động đến ngày', ['Ngày giải thể'], false, 'Hoạt động đến hết ngày', 'in operation until'),
  col('successorId', 'Cơ quan kế thừa', ['Mã cơ quan kế thừa'], false, 'Mã cơ quan kế thừa (cơ quan đã giải thể, sáp nhập)', 'successor identifier (ended agencies)'),
  col('hasOneStopDesk', 'Có Bộ phận Một cửa', ['Bộ phận Một cửa', 'Một cửa'], false, 'Có hoặc Không', 'yes ("Có") or no ("Không")'),
  col('address', 'Địa chỉ', ['Địa chỉ trụ sở'], false, 'Địa chỉ trụ sở', 'address'),
  col('phone', 'Điện thoại', ['Số điện thoại'], false, 'Điện thoại', 'phone'),
  col('workingHours', 'Giờ làm việc', [], false, 'Ví dụ 07:30–11:30, 13:00–17:00 (trống: 07:00–11:30, 13:30–17:00)', 'e.g. 07:30–11:30, 13:00–17:00'),
  col('officers', 'Công chức tại Bộ phận Một cửa', ['Danh sách công chức', 'Danh sách công khai'], false, 'Mỗi người một dòng: Họ và tên | Chức danh | Lĩnh vực | Điện thoại', 'one per line: name | title | field | phone'),
] as const;
export type AgencyColumn = (typeof AGENCY_COLUMNS)[number]['key'];

export const OFFICER_COLUMNS = [
  col('email', 'Email', ['Thư điện tử', 'Địa chỉ email', 'E-mail'], true, 'Email công vụ (nhận thư mời)', 'work email (receives the invitation)'),
  col('displayName', 'Họ và tên', ['Họ tên', 'Tên cán bộ'], true, 'Họ và tên', 'full name'),
  col('role', 'Vai trò', ['Quyền', 'Nhóm quyền'], true, 'Tiếp nhận, Thụ lý, Lãnh đạo, Quản trị, Giám sát, Thiết bị đánh giá', 'receptionist, handler, lead, admin, monitor, kiosk'),
  col('agencyId', 'Mã cơ quan', ['Mã định danh cơ quan', 'Cơ quan'], true, 'Mã định danh cơ quan', 'agency identifier'),
] as const;
export type OfficerColumn = (typeof OFFICER_COLUMNS)[number]['key'];

const headerKey = (header: string) => fold(cleanCell(header)).replace(/[\s*:]+$/u, '');

export type ColumnMap<K extends string> = {
  /** Column key → index in the row. */
  readonly index: Partial<Record<K, number>>;
  readonly missing: readonly ColumnSpec<K>[];
  /** Headers no column answers to (ignored). */
  readonly ignored: readonly string[];
  /** Headers that name a column already found (the column's own header wins, else the first). */
  readonly duplicates: readonly string[];
};

export function mapColumns<K extends string>(specs: readonly ColumnSpec<K>[], headers: readonly string[]): ColumnMap<K> {
  const byHeader = new Map<string, K>();
  const canonical = new Set(specs.map((s) => headerKey(s.header)));
  for (const spec of specs) for (const h of [spec.header, ...spec.aliases]) byHeader.set(headerKey(h), spec.key);
  const index: Partial<Record<K, number>> = {};
  const ignored: string[] = [];
  const duplicates: string[] = [];
  headers.forEach((header, i) => {
    if (cleanCell(header) === '') return;
    const key = byHeader.get(headerKey(header));
    if (key === undefined) ignored.push(cleanCell(header));
    else if (index[key] === undefined) index[key] = i;
    else if (canonical.has(headerKey(header)) && !canonical.has(headerKey(headers[index[key]]!))) {
      duplicates.push(cleanCell(headers[index[key]]!));
      index[key] = i;
    } else duplicates.push(cleanCell(header));
  });
  return { index, missing: specs.filter((s) => s.required && index[s.key] === undefined), ignored, duplicates };
}

/**
 * The header row: the first of the first ten rows in which every required column is found. Exports
 * often start with a title and a blank line.
 */
export function findHeaderRow<K extends string>(specs: readonly ColumnSpec<K>[], rows: readonly (readonly string[])[]): number | undefined {
  for (let i = 0; i < Math.min(rows.length, 10); i++) if (mapColumns(specs, rows[i]!).missing.length === 0) return i;
  return undefined;
}

/** A row's cells by column key: absent columns stay undefined, present empty cells are ''. */
export function cellsOf<K extends string>(map: ColumnMap<K>, row: readonly string[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, i] of Object.entries(map.index) as [K, number][]) out[key] = cleanCell(row[i]);
  return out;
}

export function headerOf<K extends string>(specs: readonly ColumnSpec<K>[], key: K): string {
  return specs.find((s) => s.key === key)?.header ?? key;
}
