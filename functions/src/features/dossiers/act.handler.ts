// POST /api/dossiers/:dossierId/actions — every action after creation: receive, refuse, supplements,
// assign, transfer and acknowledge, opinions, payment, resolve, extend, return, withdraw, stop.
import { ApiError } from '../../platform/api-error.js';
import { refuseKiosk } from '../../platform/auth.js';
import type { ApiRequest, ApiResult } from '../../platform/http-router.js';
import { DossierAction, type ActionType, type DossierActionInput } from '../../domain/index.js';
import type { DossierDeps } from './dossier-deps.js';
import { workingCalendar } from './reference-data.js';
import { z } from 'zod';
import { ActOnDossierRequest, DossierIdParam, SubmitSupplementInput } from './requests.js';
import { addSupplement } from './supplement.js';
import { runTransition } from './run-transition.js';
import { dueAfterSupplement, dueAtReception, SERVICE_FIELDS } from './service-fields.js';
import { parseBody } from './submit.handler.js';

function refuseServiceFields(action: Record<string, unknown>): void {
  const sent = SERVICE_FIELDS.filter((f) => f in action);
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
  const serviceSet = SERVICE_FIELDS.filter((f) => f in schema.shape);
  if (serviceSet.length === 0) return schema;
  const mask = Object.fromEntries(serviceSet.map((f) => [f, true])) as Partial<Record<(typeof SERVICE_FIELDS)[number], true>>;
  return (schema as z.ZodObject).omit(mask);
}

export async function actOnDossier(req: ApiRequest, deps: DossierDeps): Promise<ApiResult> {
  const caller = await deps.caller(req);
  refuseKiosk(caller); // the lifecycle table refuses it too; this way it does not even read the dossier
  const { dossierId } = parseBody(DossierIdParam, req.params);
  const body = parseBody(ActOnDossierRequest, req.body);
  refuseServiceFields(body.action);
  const checked: unknown = parseBody(z.strictObject({ action: clientActionSchema(body.action.type) }), { action: body.action }).action;
  const calendar = await workingCalendar(deps.db);
  const clientAction = body.action as DossierActionInput; // as sent: the lifecycle parses it again with the service's fields
  const supplement = body.action.type === 'submitSupplement' ? (checked as SubmitSupplementInput) : undefined;
  return runTransition(
    { db: deps.db, now: deps.now, calendar },
    {
      dossierId,
      requestId: body.requestId,
      caller,
      fingerprintOf: { expectedVersion: body.expectedVersion, action: body.action },
      expectedVersion: body.expectedVersion,
      enrich: async (dossier, tx, now) => {
        if (clientAction.type === 'receive' && dossier.status === 'registered') {
          return { action: { ...clientAction, due: await dueAtReception(deps.db, dossier, calendar, now) } };
        }
        if (supplement) {
          if (dossier.status !== 'awaitingSupplement') return { action: { type: 'submitSupplement' } }; // the lifecycle refuses it
          // Uploads are read in the transaction (before its writes), so a file cannot land in two dossiers.
          const added = await addSupplement(deps.db, tx, caller, dossier, supplement);
          const due = await dueAfterSupplement(deps.db, dossier, calendar, now);
          return { action: { type: 'submitSupplement', ...added.components, ...(due ? { due } : {}) }, writes: added.writes };
        }
        return { action: clientAction };
      },
    },
  );
}
