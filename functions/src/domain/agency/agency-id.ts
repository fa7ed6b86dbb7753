// Electronic identifier of an agency (mã định danh điện tử), Circular 10/2016/TT-BTTTT and Decision
// 20/2020/QĐ-TTg: four groups read right to left, `A1A2A3.B1B2.C1C2.D1D2D3`:
//   D1D2D3  level-1 unit: one capital letter and two digits (H56 = a province, G.. = a ministry, …)
//   C1C2    level-2 unit under it, B1B2 level 3, A1A2A3 level 4; zeros where the level does not apply.
// Example: `000.00.00.H56`. The same identifier heads every dossier code the agency issues.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';

export const AGENCY_ID_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export const AgencyId = z
  .string()
  .regex(
    AGENCY_ID_PATTERN,
    bi('Mã định danh cơ quan phải có dạng 000.00.00.H56', 'agency identifier must look like 000.00.00.H56'),
  )
  .describe('Mã định danh điện tử của cơ quan / agency electronic identifier');
export type AgencyId = z.infer<typeof AgencyId>;

export function isAgencyId(value: string): boolean {
  return AGENCY_ID_PATTERN.test(value);
}
