// GET /api/dossiers/:dossierId — the dossier for the people entitled to it, with the actions the caller
// may take now (the officer UI shows exactly those buttons). Monitors see it without personal data.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { allowedActions, applicantSeesResults, dossierAccess, isApplicantSlip } from '../../domain/index.js';
import type { SlipListing } from '../../contract/index.js';
import { refuseKiosk } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { dossierNotFound } from '../../platform/conflicts.js';
import type { DossierDeps } from './dossier-deps.js';
import { workingCalendar } from '../../store/reference-data.js';
import { DossierIdParam } from '../../platform/params.js';
import { publicView } from '../../store/run-transition.js';
import { dossierRef, joinDossier, personalRef } from '../../store/dossiers.js';
import { revive } from '../../store/revive.js';
import { parseInput } from '../../platform/parse.js';
import { listResults } from '../../store/results.js';

const SlipListingDoc = z.object({
  form: z.string(),
  version: z.number().int(),
  createdAt: z.unknown(),
});

/** `dossiers/{id}/slips`, sorted by id (form, then version). */
export async function listSlips(db: Firestore, dossierId: string): Promise<SlipListing[]> {
  const snap = await dossierRef(db, dossierId).collection('slips').get();
  const slips: SlipListing[] = [];
  for (const doc of snap.docs) {
    const parsed = SlipListingDoc.safeParse(doc.data());
    if (!parsed.success) continue; // a slip record is written whole by the slip trigger; skip anything else
    const created = revive(parsed.data.createdAt);
    slips.push({
      id: doc.id,
      form: parsed.data.form,
      version: parsed.data.version,
      createdAt: created instanceof Date ? created.toISOString() : null,
    });
  }
  return slips.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function getDossier(req: ApiRequest, deps: DossierDeps): Promise<Reply<'getDossier'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller);
  const { dossierId } = parseInput(DossierIdParam, req.params);
  const [snap, personalSnap] = await deps.db.getAll(
    dossierRef(deps.db, dossierId),
    personalRef(deps.db, dossierId),
  );
  // Someone without access learns nothing, not even that the dossier exists.
  if (!snap!.exists) throw dossierNotFound();
  const { dossier } = joinDossier(snap!.data()!, personalSnap!.data());
  const access = dossierAccess(dossier, caller);
  if (access === 'none') throw dossierNotFound();
  // Electronic results carry the holder's name and ID number: officers in scope see them, the applicant once
  // the desk has returned them (Decree 118 Art. 22), monitors never.
  const seesResults = access === 'personal' && (caller.role !== 'citizen' || applicantSeesResults(dossier));
  const [calendar, slips, results] = await Promise.all([
    workingCalendar(deps.db),
    listSlips(deps.db, dossierId),
    seesResults ? listResults(deps.db, dossierId) : Promise.resolve([]),
  ]);
  return {
    status: 200,
    headers: { 'Cache-Control': 'private, no-store' },
    body: {
      dossier: access === 'personal' ? dossier : publicView(dossier),
      allowedActions: allowedActions(dossier, caller, deps.now(), { calendar }),
      // The applicant sees the slips addressed to them, not the agencies' internal control slips.
      slips: caller.role === 'citizen' ? slips.filter((s) => isApplicantSlip(dossier.ruleSet, s.form)) : slips,
      results,
    },
  };
}
