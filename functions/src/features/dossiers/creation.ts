// What creating a dossier needs, shared by the request handler (which checks and queues a submission) and
// the code allocator (which creates the dossier from the queue): the quota refusal, and the components
// and filer built from the uploads read inside the creating transaction.
import type { Transaction } from 'firebase-admin/firestore';
import type { Attachment, DossierComponent, Filer, FilerInput, OnlineQuotaDecision, Procedure } from '../../domain/index.js';
import { ApiError } from '../../platform/api-error.js';
import type { Caller } from '../../platform/auth.js';
import { loadUploadsForSubmission } from '../../store/attach-uploads.js';
import type { Firestore } from 'firebase-admin/firestore';
import type { ComponentInput, IntakeDossierRequest, SubmitDossierRequest } from './requests.js';

export function quotaExhausted(decision: Extract<OnlineQuotaDecision, { ok: false }>, now: Date): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil((decision.resetsAt.getTime() - now.getTime()) / 1000));
  const message =
    decision.exhausted === 'account'
      ? {
          vi: `Tài khoản này đã nộp ${decision.limit} hồ sơ trực tuyến hôm nay, mức tối đa trong một ngày. Vui lòng nộp tiếp vào ngày mai, hoặc nộp trực tiếp tại bộ phận một cửa.`,
          en: `This account has filed ${decision.limit} dossiers online today, the daily maximum. Please file again tomorrow, or in person at the one-stop desk.`,
        }
      : {
          vi: 'Bộ phận một cửa này đã nhận đủ số hồ sơ trực tuyến trong ngày. Vui lòng nộp vào ngày mai, hoặc nộp trực tiếp tại quầy.',
          en: 'This one-stop desk has received its daily maximum of online dossiers. Please file tomorrow, or in person at the desk.',
        };
  return new ApiError('resource-exhausted', message, [], {
    reason: decision.exhausted === 'account' ? 'accountQuota' : 'agencyQuota',
    limit: decision.limit,
    retryAfterSeconds,
  });
}

const sensitiveComponentIds = (procedure: Procedure) => new Set(procedure.components.filter((c) => c.sensitive === true).map((c) => c.id));

/** Every upload a submission attaches: the components' files and the filer's authorisation. */
export function uploadIdsOf(body: SubmitDossierRequest | IntakeDossierRequest): string[] {
  return [...body.components.flatMap((c) => c.uploadIds), ...(body.filer?.authorisationUploadIds ?? [])];
}

/** Upload ids the submission marks sensitive in the uploads collection (access to their bytes is logged). */
export function sensitiveUploadIds(procedure: Procedure, body: SubmitDossierRequest | IntakeDossierRequest): Set<string> {
  const sensitive = sensitiveComponentIds(procedure);
  return new Set([
    ...body.components.filter((c) => sensitive.has(c.componentId)).flatMap((c) => c.uploadIds),
    ...(body.filer?.authorisationUploadIds ?? []),
  ]);
}

/**
 * The components with their files, and the filer with the authorisation. Reads the uploads inside the
 * creating transaction, so the same upload can never end up in two dossiers. Files of a sensitive component
 * (an ID-card image…) and authorisations are marked sensitive: restricted and logged when opened.
 */
export async function toDossierParts(
  db: Firestore,
  tx: Transaction,
  caller: Caller,
  procedure: Procedure,
  inputs: ComponentInput[],
  filer: FilerInput | undefined,
): Promise<{ components: DossierComponent[]; filer?: Filer }> {
  const authorisationIds = filer?.authorisationUploadIds ?? [];
  const ids = [...inputs.flatMap((c) => c.uploadIds), ...authorisationIds];
  const attachments = ids.length > 0 ? await loadUploadsForSubmission(db, caller.userId, ids, tx) : [];
  const byId = new Map<string, Attachment>(attachments.map((a) => [a.id, a]));
  const sensitive = sensitiveComponentIds(procedure);
  const components = inputs.map(({ uploadIds, ...counts }) => ({
    ...counts,
    attachments: uploadIds.map((id) => (sensitive.has(counts.componentId) ? { ...byId.get(id)!, sensitive: true } : byId.get(id)!)),
  }));
  if (!filer) return { components };
  const { authorisationUploadIds, ...person } = filer;
  return { components, filer: { ...person, authorisation: authorisationUploadIds.map((id) => ({ ...byId.get(id)!, sensitive: true })) } };
}
