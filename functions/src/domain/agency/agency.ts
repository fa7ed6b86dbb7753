// Agencies (cơ quan): who receives and handles dossiers. The hierarchy is data with effective dates, because
// mergers and the 2025 abolition of districts change it while old dossiers still refer to old agencies.
import { z } from 'zod';
import { PersonName } from '../applicant/person-name.js';
import { VietnamesePhone } from '../applicant/phone.js';
import { Bilingual, bi } from '../shared/bilingual.js';
import { DISTRICT_LEVEL_LAST_DAY } from '../rule-set/rule-set.js';
import { LocalDate, WorkingHours } from '../time/schemas.js';
import { AgencyId } from './agency-id.js';
import { AGENCY_KIND_LEVELS, AGENCY_KINDS, AGENCY_LEVELS, DESK_KINDS } from './level-labels.js';

export const AgencyLevel = z
  .enum(AGENCY_LEVELS)
  .describe('Cấp chính quyền / level of government (district only for history before 01/07/2025)');
export type AgencyLevel = z.infer<typeof AgencyLevel>;

export { AGENCY_KIND_LABELS, AGENCY_KIND_LEVELS, AGENCY_KINDS, AGENCY_LEVEL_LABELS, DESK_KINDS } from './level-labels.js';

export const AgencyKind = z.enum(AGENCY_KINDS).describe('Loại cơ quan / kind of agency');
export type AgencyKind = z.infer<typeof AgencyKind>;

/** An officer's entry in the directory published at the desk (Decree 61/2018 Art. 9): nothing more. */
export const OfficerDirectoryEntry = z.strictObject({
  fullName: PersonName,
  title: z.string().trim().normalize('NFC').min(1).max(100).describe('Chức danh / title'),
  field: z.string().trim().normalize('NFC').min(1).max(100).describe('Lĩnh vực phụ trách / field handled'),
  phone: VietnamesePhone.describe('Điện thoại công vụ / work phone'),
});
export type OfficerDirectoryEntry = z.infer<typeof OfficerDirectoryEntry>;

export const Agency = z
  .strictObject({
    id: AgencyId,
    name: Bilingual.describe('Tên cơ quan / agency name'),
    level: AgencyLevel,
    /** Absent on agencies entered before kinds existed; the admin console asks for it on the next save. */
    kind: AgencyKind.optional(),
    parentId: AgencyId.optional().describe('Cơ quan cấp trên / parent agency'),
    effectiveFrom: LocalDate.describe('Hoạt động từ ngày / in operation from'),
    effectiveTo: LocalDate.optional().describe('Hoạt động đến hết ngày / in operation until (inclusive)'),
    successorId: AgencyId.optional().describe('Cơ quan kế thừa sau sáp nhập / successor after a merger'),
    hasOneStopDesk: z.boolean().describe('Có Bộ phận Một cửa / hosts a one-stop desk'),
    address: z.string().trim().min(1).max(255).optional().describe('Địa chỉ trụ sở / address'),
    phone: VietnamesePhone.optional().describe('Điện thoại / phone'),
    email: z.email(bi('Email không hợp lệ', 'invalid email')).max(254).optional().describe('Thư điện tử công vụ / official email'),
    workingHours: WorkingHours.describe('Giờ làm việc / working hours'),
    officers: z
      .array(OfficerDirectoryEntry)
      .describe('Danh sách công chức tại Bộ phận Một cửa / published officer directory'),
  })
  .refine((a) => a.effectiveTo === undefined || a.effectiveTo >= a.effectiveFrom, {
    path: ['effectiveTo'],
    error: bi('Ngày kết thúc phải sau ngày bắt đầu', 'effectiveTo must not precede effectiveFrom'),
  })
  .refine((a) => a.successorId === undefined || a.effectiveTo !== undefined, {
    path: ['successorId'],
    error: bi(
      'Chỉ cơ quan đã ngừng hoạt động mới có cơ quan kế thừa',
      'only an agency with an end date has a successor',
    ),
  })
  .refine((a) => a.successorId !== a.id && a.parentId !== a.id, {
    path: ['id'],
    error: bi(
      'Cơ quan không thể là cấp trên hoặc kế thừa của chính nó',
      'an agency cannot be its own parent or successor',
    ),
  })
  .refine((a) => a.kind === undefined || a.level === 'district' || (AGENCY_KIND_LEVELS[a.kind] as readonly string[]).includes(a.level), {
    path: ['kind'],
    error: bi('Loại cơ quan không có ở cấp này', 'this kind of agency does not exist at that level'),
  })
  .refine((a) => a.kind === undefined || !DESK_KINDS.includes(a.kind) || a.hasOneStopDesk, {
    path: ['hasOneStopDesk'],
    error: bi('Trung tâm, điểm tiếp nhận luôn có Bộ phận Một cửa', 'a centre or reception point always hosts a one-stop desk'),
  })
  .refine(
    (a) =>
      a.level !== 'district' || (a.effectiveTo !== undefined && a.effectiveTo <= DISTRICT_LEVEL_LAST_DAY),
    {
      path: ['effectiveTo'],
      error: bi('Cấp huyện chỉ tồn tại đến 30/06/2025', 'district-level agencies ended on 30/06/2025'),
    },
  );
export type Agency = z.infer<typeof Agency>;

/** Whether the agency exists on a local date (both ends inclusive). */
export function isAgencyActiveOn(agency: Agency, date: LocalDate): boolean {
  return date >= agency.effectiveFrom && (agency.effectiveTo === undefined || date <= agency.effectiveTo);
}

/**
 * Follows successor links from an agency to the one that exists on `date` (e.g. where an old district
 * dossier's history now belongs). Undefined if the chain breaks or loops.
 */
export function findAgencyInForce(
  agencies: ReadonlyMap<string, Agency>,
  id: AgencyId,
  date: LocalDate,
): Agency | undefined {
  const seen = new Set<string>();
  let current = agencies.get(id);
  while (current && !seen.has(current.id)) {
    if (isAgencyActiveOn(current, date)) return current;
    seen.add(current.id);
    current = current.successorId === undefined ? undefined : agencies.get(current.successorId);
  }
  return undefined;
}
