// Personal-data records, all server-written (firestore.rules):
//   users/{uid}/consents/{purpose}   the current state of one consent (granted, noticeVersion, at)
//   users/{uid}/consentLog/{id}      every change, append-only: the proof of consent and withdrawal
//   dataRequests/{id}                a correction or deletion request and its legal deadlines
//   accessLogs/{id}                  one opening of a sensitive file (who, when, which), by data subject
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Caller } from '../platform/auth.js';
import { userRef } from './identity.js';

export const DATA_REQUESTS = 'dataRequests';
export const ACCESS_LOGS = 'accessLogs';

export const consentRef = (db: Firestore, uid: string, purpose: string) => userRef(db, uid).collection('consents').doc(purpose);
export const consentLogCollection = (db: Firestore, uid: string) => userRef(db, uid).collection('consentLog');
export const dataRequestRef = (db: Firestore, id: string) => db.collection(DATA_REQUESTS).doc(id);

export type AccessLogRecord = {
  subjectUid: string;
  actorUid: string;
  actorRole: string;
  actorAgencyId: string | null;
  uploadId: string;
  fileName: string;
  dossierId: string | null;
  at: Date;
};

/**
 * Writes one access-log entry before the bytes go out: if it cannot be written, the file is not served
 * (fail closed). Kept 5 years (docs/DATA_MODEL.md, retention).
 */
export async function logSensitiveAccess(db: Firestore, entry: AccessLogRecord, tx?: Transaction): Promise<void> {
  const ref = db.collection(ACCESS_LOGS).doc();
  if (tx) tx.create(ref, entry);
  else await ref.create(entry);
}

export function accessLogEntry(caller: Caller, subjectUid: string, upload: { uploadId: string; fileName: string; dossierId: string | null }, at: Date): AccessLogRecord {
  return {
    subjectUid,
    actorUid: caller.userId,
    actorRole: caller.role,
    actorAgencyId: caller.agencyId ?? null,
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    dossierId: upload.dossierId,
    at,
  };
}
