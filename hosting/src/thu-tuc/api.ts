// The one call of the procedure page: GET /api/procedures/:code (docs/API.md). Public page: plain fetch,
// no Firebase SDK, no zod.
import type { Procedure } from '../../../functions/src/contract/index.js';
import type { AgencyPublic } from '../shared/agency-public.js';
import { callApi, type Bilingual } from '../shared/api.js';

export type { AgencyPublic };

export type Summary = { durationText: Bilingual; fieldName: Bilingual; competentLevels?: string[] };
/** The procedure, its summary and the desks that receive it. */
export type Detail = { procedure: Procedure; summary: Summary; receivingAgencies: AgencyPublic[] };

export const fetchProcedure = (code: string): Promise<Detail> => callApi<Detail>(`/procedures/${encodeURIComponent(code)}`);
