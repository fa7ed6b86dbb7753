// Erasing an account on a completed deletion request (Law 91/2025), within the archiving duties: the
// dossiers already filed (with their files, slips, events) and the access log stay; the sign-in account,
// the user document with its consents, drafts, files never submitted, notifications and the VNeID link
// go. Every step is idempotent (deleting what is already gone is fine), so a retry finishes the job.
import type { Auth } from 'firebase-admin/auth';
import type { Firestore, Query } from 'firebase-admin/firestore';
import type { FileStore } from '../../platform/file-store/index.js';
import { userRef, VNEID_IDENTITIES } from '../../store/identity.js';
import { pendingUploadsQuery } from '../../store/uploads.js';

async function deleteAll(db: Firestore, query: Query): Promise<number> {
  let count = 0;
  for (;;) {
    const snap = await query.limit(200).get();
    if (snap.empty) return count;
    const batch = db.batch();
    for (const doc of snap.docs) batch.delete(doc.ref);
    await batch.commit();
    count += snap.size;
  }
}

export async function eraseAccount(deps: { db: Firestore; auth: Auth; files: FileStore }, uid: string): Promise<{ account: boolean; documents: number; files: number }> {
  const { db } = deps;
  let files = 0;
  // Files never attached to a dossier: bytes first, then the record (a record never points at nothing).
  for (;;) {
    const pending = await pendingUploadsQuery(db, uid).limit(100).get();
    if (pending.empty) break;
    for (const doc of pending.docs) {
      const path = doc.get('storagePath');
      if (typeof path === 'string') await deps.files.delete(path);
      await doc.ref.delete();
      files += 1;
    }
  }
  let documents = 0;
  documents += await deleteAll(db, db.collection('drafts').where('ownerUserId', '==', uid));
  documents += await deleteAll(db, db.collection('notifications').where('recipientUid', '==', uid));
  documents += await deleteAll(db, db.collection(VNEID_IDENTITIES).where('uid', '==', uid));
  await db.recursiveDelete(userRef(db, uid));
  const account = await deps.auth.deleteUser(uid).then(
    () => true,
    (err: { code?: string }) => {
      if (err.code === 'auth/user-not-found') return false;
      throw err;
    },
  );
  return { account, documents, files };
}
