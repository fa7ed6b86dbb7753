// Fields (lĩnh vực) group procedures for the catalogue, statistics and officer responsibilities.
import { z } from 'zod';
import { PROCEDURE_FIELDS } from './labels.js';

export { PROCEDURE_FIELDS };

export const ProcedureField = z
  .enum(
    Object.keys(PROCEDURE_FIELDS) as [keyof typeof PROCEDURE_FIELDS, ...(keyof typeof PROCEDURE_FIELDS)[]],
  )
  .describe('Lĩnh vực / field');
export type ProcedureField = z.infer<typeof ProcedureField>;
