// What a supplement adds to a dossier: paper counts and uploaded files per component. The files are the
// caller's uploads, read and marked attached in the action's transaction; the domain merges the additions
// into the components on record (decide.ts), so nothing handed in before is dropped.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Attachment, DossierComponent } from '../../domain/index.js';
import type { Caller } from '../../platform/auth.js';
import { attachUploads, loadUploadsForSubmission } from '../../store/attach-uploads.js';
import type { SubmitSupplementInput } from './requests.js';

export async function supplementAdditions(
  db: Firestore,
  tx: Transaction,
  caller: Caller,
  dossierId: string,
  input: SubmitSupplementInput,
): Promise<{ additions: DossierComponent[]; writes: (() => void)[] }> {
  if (!input.components || input.components.length === 0) return { additions: [], writes: [] };
  const ids = input.components.flatMap((c) => c.uploadIds);
  // The uploader is the caller: the applicant online, or the desk officer scanning papers for a walk-in.
  const attachments = ids.length > 0 ? await loadUploadsForSubmission(db, caller.userId, ids, tx) : [];
  const byId = new Map<string, Attachment>(attachments.map((a) => [a.id, a]));
  const additions = input.components.map(({ uploadIds, ...counts }) => ({ ...counts, attachments: uploadIds.map((id) => byId.get(id)!) }));
  return { additions, writes: ids.length > 0 ? [() => attachUploads(tx, ids, dossierId, db)] : [] };
}
