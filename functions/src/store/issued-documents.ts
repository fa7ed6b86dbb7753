// `issuedDocuments/{sha256}`: every PDF the province issued (slips, signed desk scans, electronic
// results), by the SHA-256 of its stored bytes. The verification page looks a file up here; it answers
// only the kind, the issuing agency, the time and the signer, never which dossier (docs/SIGNATURES.md).
// Written only by the server, in the transaction that records the document.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';

export const ISSUED_DOCUMENTS = 'issuedDocuments';

export const IssuedDocumentKind = z.enum(['slip', 'scan', 'result']);
export type IssuedDocumentKind = z.infer<typeof IssuedDocumentKind>;

export const IssuedDocumentRecord = z.object({
  kind: IssuedDocumentKind,
  /** The slip's form, the result's type name, or the scanned file's name (vi). */
  title: z.string(),
  issuedAt: z.date(),
  agencyId: z.string(),
  signed: z.boolean(),
  signerName: z.string().nullable(),
  /** Internal: where it belongs (never answered to the public). */
  dossierId: z.string(),
  ref: z.string(),
  /** The short code printed on a generated result, for a lookup by QR code. */
  verifyCode: z.string().optional(),
});
export type IssuedDocumentRecord = z.infer<typeof IssuedDocumentRecord>;

export const issuedDocumentRef = (db: Firestore, sha256: string) => db.collection(ISSUED_DOCUMENTS).doc(sha256);

/** Records an issued document (writes only: call after the transaction's reads). The same bytes give the same record. */
export function recordIssuedDocument(db: Firestore, tx: Transaction, sha256: string, record: IssuedDocumentRecord): void {
  tx.set(issuedDocumentRef(db, sha256), record);
}
