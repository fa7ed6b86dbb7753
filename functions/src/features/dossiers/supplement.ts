// What a supplement adds to a dossier: paper counts and uploaded files per component. The files are the
// caller's uploads, read and marked attached in the action's transaction; the domain merges the additions
// into the components on record (decide.ts), so nothing handed in before is dropped.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Attachment, Dossier, DossierComponent } from '../../domain/index.js';
import { procedureVersion } from '../../store/reference-data.js';
import type { Caller } from '../../platform/auth.js';
import { attachUploads, loadUploadsForSubmission } from '../../store/attach-uploads.js';
import type { SubmitSupplementInput } from './requests.js';

export async function supplementAdditions(
  db: Firestore,
  tx: Transaction,
  caller: Caller,
  dossier: Pick<Dossier, 'id' | 'procedure'>,
  input: SubmitSupplementInput,
): Promise<{ additions: DossierComponent[]; writes: (() => void)[] }> {
  if (!input.components || input.components.length === 0) return { additions: [], writes: [] };
  const ids = input.components.flatMap((c) => c.uploadIds);
  // The uploader is the caller: the applicant online, or the desk officer scanning papers for a walk-in.
  const attachments = ids.length > 0 ? await loadUploadsForSubmission(db, caller.userId, ids, tx) : [];
  const byId = new Map<string, Attachment>(attachments.map((a) => [a.id, a]));
  // Files of a sensitive component (an ID-card copy) are marked as at submission (submit.handler.ts).
  const procedure = ids.length > 0 ? await procedureVersion(db, dossier.procedure.code, dossier.procedure.version) : undefined;
  const sensitiveComponents = new Set(procedure?.components.filter((c) => c.sensitive === true).map((c) => c.id) ?? []);
  const additions = input.components.map(({ uploadIds, ...counts }) => ({
    ...counts,
    attachments: uploadIds.map((id) => (sensitiveComponents.has(counts.componentId) ? { ...byId.get(id)!, sensitive: true } : byId.get(id)!)),
  }));
  const sensitive = new Set(input.components.filter((c) => sensitiveComponents.has(c.componentId)).flatMap((c) => c.uploadIds));
  return { additions, writes: ids.length > 0 ? [() => attachUploads(tx, ids, dossier.id, db, sensitive)] : [] };
}
