// `codeQueue/{dossierId}`: a submission accepted at a desk and waiting for its dossier code. The request
// handler stores it (one `create`, contending with nobody); the code allocator (features/dossiers/
// allocate-codes.ts) turns queued entries into dossiers, oldest first, in batches of one transaction each,
// and deletes them in that same transaction. An entry the allocator refused keeps the refusal
// (`state: 'refused'`) until the caller has been told, or until its `expiresAt` (TTL, docs/DATA_MODEL.md).
// Server-only: closed to clients (firestore.rules). Holds the request as sent, so personal data lives
// here for the seconds the entry waits.
import type { DocumentReference, DocumentSnapshot, Firestore, Timestamp } from 'firebase-admin/firestore';
import type { ApiErrorBody, ApiErrorCode } from '../contract/index.js';
import type { CodeWidths, OnlineQuotaLimits } from '../domain/index.js';
import { ApiError } from '../platform/api-error.js';

export const CODE_QUEUE = 'codeQueue';
/** How long a refusal nobody came back for is kept: a day is plenty. */
const ENTRY_TTL_MS = 24 * 3_600_000;

/** What the allocator needs to create the dossier exactly as the handler would have. */
export type QueuedSubmission = {
  /** `{issuer}_{YYMMDD}`: the counter the code comes from (store/dossier-codes.ts). */
  issuerDay: string;
  issuer: string;
  state: 'queued' | 'refused';
  /** When the submission was accepted: its reception time, whatever the time it is numbered. */
  queuedAt: Date;
  kind: 'submit' | 'intake';
  requestId: string;
  /** The request body as received (JSON), parsed again by the allocator with the same schema. */
  bodyJson: string;
  /** The caller (JSON): who files, as the event and the idempotency record name them. */
  callerJson: string;
  /** The idempotency fingerprint of the request: a concurrent retry is compared against it. */
  fingerprint: string;
  procedureCode: string;
  procedureVersion: number;
  receivingAgencyId: string;
  competentAgencyId: string;
  channel: 'online' | 'desk' | 'post';
  /** VNeID facts of the filing, found by the handler (store/identity.ts). */
  identity: { vneidAuthenticated?: boolean; principalUserId?: string };
  format: CodeWidths;
  /** Online submissions: the daily limits they are counted against; walk-ins: null. */
  quota: OnlineQuotaLimits | null;
  /** A refused entry: the error the caller gets. */
  error?: ApiErrorBody['error'];
  /**
   * Set only on a refusal (a day on): a queued entry never expires, since deleting it would lose a
   * submission; the allocator deletes it when it creates the dossier.
   */
  expiresAt?: Date;
};

export const codeQueueRef = (db: Firestore, dossierId: string) => db.collection(CODE_QUEUE).doc(dossierId);

export function entryExpiry(queuedAt: Date): Date {
  return new Date(queuedAt.getTime() + ENTRY_TTL_MS);
}

/** An entry as stored: Firestore gives back Timestamps for the dates. */
export function readEntry(snap: DocumentSnapshot): QueuedSubmission {
  const data = snap.data() as Omit<QueuedSubmission, 'queuedAt' | 'expiresAt'> & { queuedAt: Timestamp; expiresAt?: Timestamp };
  const { expiresAt, ...rest } = data;
  return { ...rest, queuedAt: data.queuedAt.toDate(), ...(expiresAt ? { expiresAt: expiresAt.toDate() } : {}) };
}

/** The oldest queued entries of one issuer's day: the allocator's batch (index in firestore.indexes.json). */
export function queuedOf(db: Firestore, issuerDay: string, limit: number) {
  return db.collection(CODE_QUEUE).where('issuerDay', '==', issuerDay).where('state', '==', 'queued').orderBy('queuedAt').orderBy('__name__').limit(limit);
}

/**
 * Stores an accepted submission. Answers 'queued', or what an earlier entry of the same dossier id (the
 * same caller and requestId) says: still queued, or refused.
 */
export async function enqueueSubmission(ref: DocumentReference, entry: QueuedSubmission): Promise<'queued' | { existing: QueuedSubmission }> {
  try {
    await ref.create(entry);
    return 'queued';
  } catch (error) {
    if ((error as { code?: unknown }).code !== 6) throw error; // 6: ALREADY_EXISTS
    const snap = await ref.get();
    if (!snap.exists) return enqueueSubmission(ref, entry); // delivered and cleared meanwhile: store again
    return { existing: readEntry(snap) };
  }
}

/** The refusal stored with an entry, as the error the caller gets. */
export function refusalOf(entry: QueuedSubmission): ApiError {
  const { code, message, fields, ...details } = entry.error ?? {
    code: 'internal' as ApiErrorCode,
    message: { vi: 'Không cấp được mã hồ sơ.', en: 'The dossier code could not be assigned.' },
    fields: [],
  };
  return new ApiError(code, message, fields, details);
}
