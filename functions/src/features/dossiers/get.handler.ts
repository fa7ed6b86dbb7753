// GET /api/dossiers/:dossierId — the dossier for the people entitled to it, with the actions the caller
// may take now (the officer UI shows exactly those buttons). Monitors see it without personal data.
import { allowedActions, type Dossier } from '../../domain/index.js';
import type { Caller } from '../../platform/auth.js';
import type { ApiRequest, ApiResult } from '../../platform/http-router.js';
import { dossierNotFound } from './conflicts.js';
import type { DossierDeps } from './dossier-deps.js';
import { workingCalendar } from './reference-data.js';
import { DossierIdParam } from './requests.js';
import { publicView } from './run-transition.js';
import { dossierRef, joinDossier, personalRef } from './stored-dossier.js';
import { parseBody } from './submit.handler.js';

export type Access = 'personal' | 'public' | 'none';

export function accessOf(dossier: Pick<Dossier, 'ownerUserId' | 'agencyIds'>, caller: Caller): Access {
  if (caller.role === 'admin') return 'personal';
  if (caller.role === 'monitor') return 'public';
  if (caller.role === 'citizen') return dossier.ownerUserId === caller.userId ? 'personal' : 'none';
  return caller.agencyId !== undefined && dossier.agencyIds.includes(caller.agencyId) ? 'personal' : 'none';
}

export async function getDossier(req: ApiRequest, deps: DossierDeps): Promise<ApiResult> {
  const caller = await deps.caller(req);
  const { dossierId } = parseBody(DossierIdParam, req.params);
  const [snap, personalSnap] = await deps.db.getAll(
    dossierRef(deps.db, dossierId),
    personalRef(deps.db, dossierId),
  );
  // Someone without access learns nothing, not even that the dossier exists.
  if (!snap!.exists) throw dossierNotFound();
  const { dossier } = joinDossier(snap!.data()!, personalSnap!.data());
  const access = accessOf(dossier, caller);
  if (access === 'none') throw dossierNotFound();
  const calendar = await workingCalendar(deps.db);
  return {
    status: 200,
    headers: { 'Cache-Control': 'private, no-store' },
    body: {
      dossier: access === 'personal' ? dossier : publicView(dossier),
      allowedActions: allowedActions(dossier, caller, deps.now(), { calendar }),
    },
  };
}
