// The one call of the procedure page: GET /api/procedures/:code (docs/API.md). Public page: plain fetch,
// no Firebase SDK, no zod.
import type { AgencyPublic, ProcedureDetail } from '../../../functions/src/contract/index.js';
import { api } from '../shared/api.js';

export type { AgencyPublic };
/** The procedure, its summary and the desks that receive it. */
export type Detail = ProcedureDetail;

export const fetchProcedure = (code: string): Promise<Detail> => api('getProcedure', { params: { code } });
