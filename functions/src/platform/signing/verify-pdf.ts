// Checks the signatures of a PDF anyone uploads (the verification page): for each signature dictionary,
// whether the signed bytes still hash to the signed digest, whether the signature over the signed
// attributes verifies with the signer's certificate, whether it covers the file to its end (nothing added
// after signing), and whether the certificate was issued by a CA the province trusts. It never trusts
// what the PDF says about itself beyond the bytes the signature covers.
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { fromDer, OID, toDer } from './cms.js';
import { summarise, type CertificateSummary } from './key-material.js';

type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;

export type SignatureProblem =
  | 'malformed' // the signature dictionary or its CMS cannot be read
  | 'digest-mismatch' // the signed bytes were changed
  | 'bad-signature' // the signature does not verify with the certificate in it
  | 'not-whole-document' // bytes were added after signing
  | 'untrusted' // a valid signature by a certificate the province does not trust
  | 'expired'; // the certificate was not valid at the signing time

export type SignatureCheck = {
  /** The bytes are intact and the signature verifies (trust aside). */
  intact: boolean;
  coversWholeDocument: boolean;
  trusted: boolean;
  signer: CertificateSummary | null;
  signedAt: Date | null;
  problem: SignatureProblem | null;
};

const DIGESTS: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

/** More than this many is not a document an agency issued; checking each hashes the whole file. */
export const MAX_SIGNATURES = 10;

type Found = { byteRange: [number, number, number, number]; contents: Buffer; signedAt: Date | null };

/** PDF date `D:YYYYMMDDHHmmSS+HH'mm'` → Date. */
function pdfDate(text: string | undefined): Date | null {
  const m = text ? /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text) : null;
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Every signature dictionary of the file: its byte range, the CMS in /Contents and its /M time. */
export function findSignatures(pdf: Buffer): Found[] {
  const text = pdf.toString('latin1');
  const found: Found[] = [];
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = pattern.exec(text); m !== null && found.length < MAX_SIGNATURES; m = pattern.exec(text)) {
    const byteRange = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const [a, b, c] = byteRange;
    // /Contents is the hex string between the two ranges: `<…>`.
    const hole = text.slice(a + b, c);
    if (!/^<[0-9A-Fa-f\s]*>$/.test(hole)) {
      found.push({ byteRange, contents: Buffer.alloc(0), signedAt: null });
      continue;
    }
    // The dictionary around it, for /M: from the previous `<<` to the next `>>` after the match.
    const dictStart = text.lastIndexOf('<<', m.index);
    const dictEnd = text.indexOf('>>', Math.max(m.index, c));
    const dict = text.slice(dictStart, dictEnd);
    const signedAt = pdfDate(/\/M\s*\(([^)]*)\)/.exec(dict)?.[1]);
    found.push({ byteRange, contents: Buffer.from(hole.replace(/[<>\s]/g, ''), 'hex'), signedAt });
  }
  return found;
}

const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? node.value : []);
const bytesOf = (node: Asn1 | undefined): Buffer => Buffer.from(typeof node?.value === 'string' ? node.value : '', 'binary');
const oidOf = (node: Asn1 | undefined): string => (typeof node?.value === 'string' ? asn1.derToOid(node.value) : '');

/** The time of a signing-time attribute, if the CMS carries one (PAdES puts it in /M instead). */
function attributeTime(node: Asn1 | undefined): Date | null {
  if (!node || typeof node.value !== 'string') return null;
  if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(node.value);
  if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(node.value);
  return null;
}

function checkOne(pdf: Buffer, sig: Found, trustedCas: readonly X509Certificate[]): SignatureCheck {
  const [a, b, c, d] = sig.byteRange;
  const coversWholeDocument = a === 0 && c + d === pdf.length;
  const base = { intact: false, coversWholeDocument, trusted: false, signer: null, signedAt: sig.signedAt };
  if (c + d > pdf.length || sig.contents.length === 0) return { ...base, problem: 'malformed' };
  let signerCert: X509Certificate;
  let certs: X509Certificate[];
  let digestName: string;
  let signedAttrs: Asn1[];
  let signature: Buffer;
  try {
    const contentInfo = fromDer(sig.contents);
    const signedData = children(children(contentInfo)[1])[0];
    const fields = children(signedData);
    const certNode = fields.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 0);
    certs = children(certNode).map((n) => new X509Certificate(toDer(n)));
    const signerInfo = children(fields[fields.length - 1])[0];
    const [, sid, digestAlg, attrs, , sigValue] = children(signerInfo);
    const serial = bytesOf(children(sid)[1]).toString('hex').replace(/^0+/, '').toUpperCase();
    signerCert = certs.find((x) => x.serialNumber.replace(/^0+/, '').toUpperCase() === serial) ?? certs[0]!;
    if (!signerCert || !attrs || attrs.tagClass !== asn1.Class.CONTEXT_SPECIFIC) return { ...base, problem: 'malformed' };
    digestName = DIGESTS[oidOf(children(digestAlg)[0])] ?? '';
    signedAttrs = children(attrs);
    signature = bytesOf(sigValue);
    if (!digestName) return { ...base, problem: 'malformed' };
  } catch {
    return { ...base, problem: 'malformed' };
  }
  const signer = summarise(signerCert.raw);
  const attr = (type: string) => children(children(signedAttrs.find((n) => oidOf(children(n)[0]) === type))[1])[0];
  const signedAt = sig.signedAt ?? attributeTime(attr(OID.signingTime));
  const content = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const digest = createHash(digestName).update(content).digest();
  if (!bytesOf(attr(OID.messageDigest)).equals(digest)) return { ...base, signer, signedAt, problem: 'digest-mismatch' };
  const setOfAttrs = toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, signedAttrs));
  let verified = false;
  try {
    verified = verifySignature(digestName, setOfAttrs, signerCert.publicKey, signature);
  } catch {
    verified = false;
  }
  if (!verified) return { ...base, signer, signedAt, problem: 'bad-signature' };
  const intact = { ...base, intact: true, signer, signedAt };
  if (!coversWholeDocument) return { ...intact, problem: 'not-whole-document' };
  const at = signedAt ?? new Date();
  if (at < new Date(signerCert.validFrom) || at > new Date(signerCert.validTo)) return { ...intact, problem: 'expired' };
  const trusted = chainsTo(signerCert, certs, trustedCas);
  return { ...intact, trusted, problem: trusted ? null : 'untrusted' };
}

/** Whether the certificate, through the intermediates the CMS carries, was issued by a trusted CA. */
function chainsTo(cert: X509Certificate, pool: readonly X509Certificate[], trusted: readonly X509Certificate[]): boolean {
  let current = cert;
  for (let depth = 0; depth < 5; depth++) {
    if (trusted.some((ca) => ca.raw.equals(current.raw) || (current.checkIssued(ca) && current.verify(ca.publicKey)))) return true;
    const parent = pool.find((p) => !p.raw.equals(current.raw) && current.checkIssued(p) && current.verify(p.publicKey));
    if (!parent) return false;
    current = parent;
  }
  return false;
}

/** Every signature of the PDF, checked; an empty list for an unsigned one. */
export function verifyPdfSignatures(pdf: Buffer, trustedCas: readonly X509Certificate[]): SignatureCheck[] {
  return findSignatures(pdf).map((sig) => checkOne(pdf, sig, trustedCas));
}
