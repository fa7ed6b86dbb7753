// The internal process of a procedure: ordered steps, each done by one agency within a time budget. Steps
// carried by different agencies are the inter-agency route (một cửa liên thông); each budget becomes that
// agency's sub-deadline on the control slip (form 05).
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { AgencyLevel } from '../agency/agency.js';
import { Bilingual, bi } from '../shared/bilingual.js';
import { Duration } from '../time/schemas.js';
import { STEP_ROLE_LABELS, STEP_ROLES } from './labels.js';

export const StepRole = z.enum(STEP_ROLES).describe('Vai trò của bước / role of the step');
export type StepRole = z.infer<typeof StepRole>;

export { STEP_ROLE_LABELS };

/** Who performs a step: the receiving agency, a named agency, the competent agency of a level, or an outside body. */
export const StepPerformer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('receiving') }),
  z.strictObject({ kind: z.literal('agency'), agencyId: AgencyId }),
  z.strictObject({ kind: z.literal('competent'), level: AgencyLevel }),
  z.strictObject({
    kind: z.literal('external'),
    name: Bilingual.describe('Cơ quan ngoài hệ thống / body outside the platform'),
  }),
]);
export type StepPerformer = z.infer<typeof StepPerformer>;

export const ProcessStep = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,63}$/,
      bi('Mã bước: chữ thường, số, dấu gạch ngang', 'step id: lower-case letters, digits, hyphens'),
    ),
  role: StepRole,
  performer: StepPerformer,
  description: Bilingual.describe('Nội dung công việc / task'),
  budget: Duration.describe('Thời gian cho bước này / time budget of the step'),
});
export type ProcessStep = z.infer<typeof ProcessStep>;
