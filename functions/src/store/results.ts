// `dossiers/{id}/results/{resultId}`: the electronic results of a dossier (Decree 118 Art. 22), written
// only by the server; the PDF's bytes are in the file store at `storagePath`.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { ResultListing } from '../contract/index.js';
import { dossierRef } from './dossiers.js';
import { revive } from './revive.js';

export const resultsOf = (db: Firestore, dossierId: string) => dossierRef(db, dossierId).collection('results');
export const resultRef = (db: Firestore, dossierId: string, resultId: string) => resultsOf(db, dossierId).doc(resultId);
export const resultStoragePath = (dossierId: string, resultId: string, sha256: string) => `results/${dossierId}/${resultId}-${sha256.slice(0, 16)}.pdf`;

export const ResultRecord = z.object({
  documentCode: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  title: z.string(),
  summary: z.string(),
  holder: z.object({ name: z.string(), idNumber: z.string() }),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  scope: z.string(),
  issuedAt: z.date(),
  issuedBy: z.string(),
  agencyId: z.string(),
  verifyCode: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  storagePath: z.string(),
  source: z.enum(['uploaded', 'generated']),
  uploadId: z.string().nullable(),
  signer: z.object({ name: z.string(), serialNumber: z.string() }).nullable(),
  requestFingerprint: z.string(),
});
export type ResultRecord = z.infer<typeof ResultRecord>;

export function parseResult(data: unknown): ResultRecord | undefined {
  const parsed = ResultRecord.safeParse(revive(data));
  return parsed.success ? parsed.data : undefined;
}

export function toListing(id: string, r: ResultRecord): ResultListing {
  return {
    id,
    documentCode: r.documentCode,
    typeCode: r.typeCode,
    typeName: r.typeName,
    title: r.title,
    summary: r.summary,
    holderName: r.holder.name,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    scope: r.scope,
    issuedAt: r.issuedAt.toISOString(),
    agencyId: r.agencyId,
    verifyCode: r.verifyCode,
    sha256: r.sha256,
    size: r.size,
    source: r.source,
    signer: r.signer,
  };
}

/** The dossier's results, oldest first. */
export async function listResults(db: Firestore, dossierId: string): Promise<ResultListing[]> {
  const snap = await resultsOf(db, dossierId).get();
  return snap.docs
    .flatMap((doc) => {
      const r = parseResult(doc.data());
      return r ? [toListing(doc.id, r)] : [];
    })
    .sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
}
