// Fields (lĩnh vực) group procedures for the catalogue, statistics and officer responsibilities.
import { z } from 'zod';
import type { Bilingual } from '../shared/bilingual.js';

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

export const ProcedureField = z
  .enum(
    Object.keys(PROCEDURE_FIELDS) as [keyof typeof PROCEDURE_FIELDS, ...(keyof typeof PROCEDURE_FIELDS)[]],
  )
  .describe('Lĩnh vực / field');
export type ProcedureField = z.infer<typeof ProcedureField>;
