// Catalogue labels as plain data (no zod), for the public web pages that must not ship the schema library.
import type { Bilingual } from '../shared/bilingual.js';

export const ONLINE_LEVELS = ['full', 'partial'] as const;

export const ONLINE_LEVEL_LABELS = {
  full: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Trực tuyến một phần', en: 'Partly online' },
} as const satisfies Record<(typeof ONLINE_LEVELS)[number], Bilingual>;

/** Fields (lĩnh vực) of the catalogue: the data of ProcedureField (field.ts), plain for the web pages. */
export const PROCEDURE_FIELDS = {
  land: { vi: 'Đất đai', en: 'Land' },
  environment: { vi: 'Môi trường', en: 'Environment' },
  construction: { vi: 'Xây dựng', en: 'Construction' },
  enterpriseRegistration: { vi: 'Thành lập và hoạt động doanh nghiệp', en: 'Enterprise registration' },
  householdBusiness: { vi: 'Thành lập và hoạt động hộ kinh doanh', en: 'Household business registration' },
  civilStatus: { vi: 'Hộ tịch', en: 'Civil status' },
  judicialRecord: { vi: 'Lý lịch tư pháp', en: 'Judicial records' },
  certification: { vi: 'Chứng thực', en: 'Certification' },
  residence: { vi: 'Cư trú', en: 'Residence' },
  healthInsurance: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
  transport: { vi: 'Giao thông vận tải', en: 'Transport' },
  education: { vi: 'Giáo dục và đào tạo', en: 'Education and training' },
  labour: { vi: 'Lao động, việc làm', en: 'Labour and employment' },
} as const satisfies Record<string, Bilingual>;

/** Roles of a process step (step.ts) and their labels. */
export const STEP_ROLES = ['reception', 'handling', 'appraisal', 'opinion', 'approval', 'return'] as const;
export const STEP_ROLE_LABELS = {
  reception: { vi: 'Tiếp nhận', en: 'Reception' },
  handling: { vi: 'Thụ lý', en: 'Handling' },
  appraisal: { vi: 'Thẩm định', en: 'Appraisal' },
  opinion: { vi: 'Lấy ý kiến', en: 'Opinion' },
  approval: { vi: 'Phê duyệt, ký kết quả', en: 'Approval and signature' },
  return: { vi: 'Trả kết quả', en: 'Return of result' },
} as const satisfies Record<(typeof STEP_ROLES)[number], Bilingual>;
