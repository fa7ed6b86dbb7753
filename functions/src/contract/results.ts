// Electronic results (Decree 118 Art. 22) and the public verification of issued documents.
//  POST /api/dossiers/:dossierId/results — the handling officer issues the signed result document: a PDF
//    uploaded beforehand (POST /api/uploads) or, without `uploadId`, one the system produces from the details.
//  GET  /api/dossiers/:dossierId/results/:resultId — its PDF, for the officers in scope and, once returned,
//    the applicant.
//  POST /api/verifications (multipart, one `file`) — anyone: are the PDF's signatures valid, who signed it and
//    when, and did the province issue exactly these bytes (SHA-256)? Nothing else about the dossier.
//  GET  /api/verifications/:ref — the same for a SHA-256 or a result's verification code (its QR code).
import type { ResultDetails } from '../domain/result/result-document.js';
import type { Bilingual } from '../domain/shared/bilingual.js';
import type { Json } from './wire.js';

export type IssueResultBody = {
  /** 8–64 of A–Z a–z 0–9 _ -: a retry with the same one returns the first answer. */
  requestId: string;
  /** A PDF the officer uploaded (POST /api/uploads); absent: the system produces the document. */
  uploadId?: string;
  details: Json<ResultDetails>;
};

/** One electronic result of a dossier, as its readers see it. */
export type ResultListing = {
  id: string;
  /** Holder's identification number + result-type code (Art. 22). */
  documentCode: string;
  typeCode: string;
  typeName: string;
  title: string;
  summary: string;
  holderName: string;
  validFrom: string | null;
  validUntil: string | null;
  scope: string;
  issuedAt: string;
  agencyId: string;
  /** Printed on a produced result and carried by its QR code: /xac-thuc/<verifyCode>. */
  verifyCode: string;
  sha256: string;
  size: number;
  source: 'uploaded' | 'generated';
  signer: { name: string; serialNumber: string } | null;
};

export type IssueResultAnswer = { result: ResultListing; duplicate?: true };

export type SignatureProblemCode = 'malformed' | 'digest-mismatch' | 'bad-signature' | 'not-whole-document' | 'untrusted' | 'expired';

/** One signature of an uploaded PDF, checked. */
export type SignatureVerdict = {
  valid: boolean;
  trusted: boolean;
  coversWholeDocument: boolean;
  signer: { name: string; organisation: string | null; serialNumber: string; issuer: string } | null;
  signedAt: string | null;
  problem: SignatureProblemCode | null;
  message: Bilingual;
};

/** What the province recorded about a document it issued: nothing about the dossier or the applicant. */
export type IssuedDocumentView = {
  kind: 'slip' | 'scan' | 'result';
  kindLabel: Bilingual;
  title: string;
  issuedAt: string;
  issuer: Bilingual;
  signed: boolean;
  signerName: string | null;
  sha256: string;
};

/**
 * authentic: every signature valid and trusted, and the province issued exactly these bytes; invalid: a
 * signature is broken (the file was changed); unsigned: no signature; unknown: not a document the
 * province issued (or signed by someone it does not trust).
 */
export type VerificationVerdict = 'authentic' | 'invalid' | 'unsigned' | 'unknown';

export type VerificationAnswer = {
  verdict: VerificationVerdict;
  message: Bilingual;
  sha256: string;
  size: number;
  signatures: SignatureVerdict[];
  issued: IssuedDocumentView | null;
};

export type DocumentLookupAnswer = { ref: string; issued: IssuedDocumentView | null };
