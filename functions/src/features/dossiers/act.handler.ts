// POST /api/dossiers/:dossierId/actions — every action after creation: receive, refuse, supplements,
// assign, transfer and acknowledge, opinions, payment, resolve, extend, return, withdraw, stop.
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk } from '../../platform/auth.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { DossierAction, onlineReturnProblem, reservesRegisterEntry, SERVICE_FIELDS, serviceFieldsSent, type ActionRequest, type ActionType } from '../../domain/index.js';
import { resultsOf } from '../../store/results.js';
import { registerCounterRef, reserveRegisterEntry } from '../../store/register-entries.js';
import type { DossierDeps } from './dossier-deps.js';
import { workingCalendar } from '../../store/reference-data.js';
import { z } from 'zod';
import { ActOnDossierRequest, SubmitSupplementInput } from './requests.js';
import { DossierIdParam } from '../../platform/params.js';
import { supplementAdditions } from './supplement.js';
import { runTransition } from '../../store/run-transition.js';
import { parseInput } from '../../platform/parse.js';
import { signDeskScans } from '../../store/desk-scans.js';

function refuseServiceFields(action: { type: string } & Record<string, unknown>): void {
  const sent = serviceFieldsSent(action);
  if (action.type === 'submit' || action.type === 'intake') {
    throw new ApiError(
      'invalid-argument',
      { vi: 'Dùng địa chỉ nộp hồ sơ để tạo hồ sơ.', en: 'Use the submission endpoints to create a dossier.' },
      [{ path: 'action.type', message: { vi: 'Không dùng ở đây', en: 'not accepted here' } }],
    );
  }
  if (sent.length > 0) {
    throw new ApiError(
      'invalid-argument',
      { vi: 'Một số trường do hệ thống tự tính.', en: 'Some fields are set by the system.' },
      sent.map((f) => ({
        path: `action.${f}`,
        message: { vi: 'Do hệ thống tính, không gửi lên', en: 'set by the system; do not send it' },
      })),
    );
  }
}

/**
 * What a client's action is checked against, before any work is done (reads, the idempotency fingerprint):
 * the lifecycle's strict schema of that action type without the fields only the service sets, so an
 * unknown key is refused; for a supplement, the upload ids the applicant sends.
 */
function clientActionSchema(type: ActionType): z.ZodType {
  if (type === 'submitSupplement') return SubmitSupplementInput;
  const schema = DossierAction.options.find((o) => o.shape.type.value === type)!;
  const serviceSet: readonly string[] = Object.hasOwn(SERVICE_FIELDS, type) ? SERVICE_FIELDS[type as keyof typeof SERVICE_FIELDS] : [];
  if (serviceSet.length === 0) return schema;
  const shape = Object.entries((schema as z.ZodObject).shape).filter(([field]) => !serviceSet.includes(field));
  return z.strictObject(Object.fromEntries(shape));
}

export async function actOnDossier(req: ApiRequest, deps: DossierDeps): Promise<Reply<'actOnDossier'>> {
  const caller = await deps.caller(req);
  refuseKiosk(caller); // the lifecycle table refuses it too; this way it does not even read the dossier
  const { dossierId } = parseInput(DossierIdParam, req.params);
  const body = parseInput(ActOnDossierRequest, req.body);
  refuseServiceFields(body.action);
  const checked: unknown = parseInput(z.strictObject({ action: clientActionSchema(body.action.type) }), { action: body.action }).action;
  const calendar = await workingCalendar(deps.db);
  const supplement = body.action.type === 'submitSupplement' ? (checked as SubmitSupplementInput) : undefined;
  if (supplement && deps.deskScans) {
    // A supplement handed in on paper at the desk: the officer's scans are signed like at intake.
    const uploadIds = (supplement.components ?? []).flatMap((c) => c.uploadIds ?? []);
    await signDeskScans({ ...deps.deskScans, db: deps.db, now: deps.now }, caller, dossierId, uploadIds);
  }
  return runTransition(
    { db: deps.db, now: deps.now, calendar },
    {
      dossierId,
      requestId: body.requestId,
      caller,
      fingerprintOf: { expectedVersion: body.expectedVersion, action: body.action },
      expectedVersion: body.expectedVersion,
      prepare: async (dossier, tx, now) => {
        if (body.action.type === 'returnResult' && dossier.status === 'resolved') {
          // Decree 118 Art. 22: returning online hands over the signed electronic result, so one must exist.
          const results = (await tx.get(resultsOf(deps.db, dossier.id).limit(1))).size;
          const problem = onlineReturnProblem((checked as { via: 'desk' | 'post' | 'online' }).via, results);
          if (problem) throw new ApiError('conflict', problem, [{ path: 'action.via', message: problem }]);
        }
        if (reservesRegisterEntry(dossier, body.action.type)) {
          // Reception takes the next line of the receiving agency's yearly register, in this transaction.
          const counter = await tx.get(registerCounterRef(deps.db, dossier.receivingAgencyId, now));
          const { entry, write } = reserveRegisterEntry(tx, counter, dossier.receivingAgencyId, now);
          return { request: body.action as ActionRequest, registerEntry: entry, writes: [write] };
        }
        if (!supplement) return { request: body.action as ActionRequest };
        if (dossier.status !== 'awaitingSupplement') return { request: { type: 'submitSupplement' } }; // the lifecycle refuses it
        // Uploads are read in the transaction (before its writes), so a file cannot land in two dossiers.
        const { additions, writes } = await supplementAdditions(deps.db, tx, caller, dossier, supplement);
        return { request: { type: 'submitSupplement', additions }, writes };
      },
    },
  );
}
