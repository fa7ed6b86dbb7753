// What a supplement adds to a dossier: paper counts and uploaded files per component, merged into the
// components already on record (nothing the applicant handed in before is dropped).
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Attachment, Dossier, DossierComponent } from '../../domain/index.js';
import type { Caller } from '../../platform/auth.js';
import { attachUploads, loadUploadsForSubmission } from '../../store/attach-uploads.js';
import type { SubmitSupplementInput } from './requests.js';

export async function addSupplement(
  db: Firestore,
  tx: Transaction,
  caller: Caller,
  dossier: Dossier,
  input: SubmitSupplementInput,
): Promise<{ components: { components?: DossierComponent[] }; writes: (() => void)[] }> {
  if (!input.components || input.components.length === 0) return { components: {}, writes: [] };
  const ids = input.components.flatMap((c) => c.uploadIds);
  // The uploader is the caller: the applicant online, or the desk officer scanning papers for a walk-in.
  const attachments = ids.length > 0 ? await loadUploadsForSubmission(db, caller.userId, ids, tx) : [];
  const byId = new Map<string, Attachment>(attachments.map((a) => [a.id, a]));
  const merged: DossierComponent[] = dossier.components.map((c) => ({ ...c, attachments: [...c.attachments] }));
  for (const added of input.components) {
    const files = added.uploadIds.map((id) => byId.get(id)!);
    const existing = merged.find((c) => c.componentId === added.componentId);
    if (existing) {
      existing.originals += added.originals;
      existing.certifiedCopies += added.certifiedCopies;
      existing.copies += added.copies;
      existing.attachments.push(...files);
    } else {
      merged.push({ componentId: added.componentId, originals: added.originals, certifiedCopies: added.certifiedCopies, copies: added.copies, attachments: files });
    }
  }
  return { components: { components: merged }, writes: ids.length > 0 ? [() => attachUploads(tx, ids, dossier.id, db)] : [] };
}
