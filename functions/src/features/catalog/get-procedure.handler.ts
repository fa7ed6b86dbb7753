// GET /api/procedures/:code — one procedure of the catalogue as currently in force, with its summary and
// the agencies where it can be handed in. Public and CDN-cacheable like the list.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { ProcedureCode, type Procedure } from '../../domain/procedure/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { readPublicAgencies } from '../../store/agencies.js';
import { PUBLIC_CACHE } from '../../platform/cache.js';
import { receivingAgenciesFor } from '../../domain/index.js';
import { PROCEDURES, summarise } from './list-procedures.handler.js';

export const GetProcedureRequest = z.strictObject({ params: z.strictObject({ code: ProcedureCode }), query: z.strictObject({}) });
export type GetProcedureRequest = z.infer<typeof GetProcedureRequest>;

export function procedureNotFound(): ApiError {
  return new ApiError('not-found', {
    vi: 'Không có thủ tục hành chính với mã này.',
    en: 'No administrative procedure has this code.',
  });
}

export async function getProcedure(req: ApiRequest, deps: { db: Firestore; now: () => Date }): Promise<Reply<'getProcedure'>> {
  const parsed = GetProcedureRequest.safeParse({ params: req.params, query: req.query });
  if (!parsed.success) throw invalidInput(parsed.error);
  const [snap, agencies] = await Promise.all([
    deps.db.collection(PROCEDURES).doc(parsed.data.params.code).get(),
    readPublicAgencies(deps.db),
  ]);
  if (!snap.exists) throw procedureNotFound();
  const procedure = snap.data() as Procedure; // written by the server after validation (seed, admin)
  return {
    status: 200,
    headers: PUBLIC_CACHE,
    body: {
      procedure,
      summary: summarise(procedure),
      receivingAgencies: receivingAgenciesFor(agencies, procedure.competentLevels, deps.now()),
    },
  };
}
