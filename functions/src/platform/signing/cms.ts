// The CMS SignedData inside a PAdES signature (ETSI EN 319 142-1, baseline B-B; CAdES detached,
// RFC 5652): content-type, message-digest and ESS signing-certificate-v2 as signed attributes, the
// signing time in the PDF's signature dictionary rather than in the CMS (as PAdES asks), RSA PKCS#1 v1.5
// over SHA-256. node-forge writes and reads the ASN.1 (its own PKCS#7 signer has no
// signing-certificate-v2 and re-parses the key on every call); node:crypto does the RSA work, which is
// deterministic, so the same bytes signed at the same time give the same signature (slip replays).
import { createHash, sign as rsaSign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const binary = (b: Buffer) => b.toString('binary');
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
/** A DER SET OF: its members sorted by their encodings (X.690 §11.6). */
const set = (items: Asn1[]) => {
  const encoded = items.map((item) => ({ item, der: toDer(item) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return asn1.create(U, T.SET, true, encoded.map((e) => e.item));
};
const octets = (b: Buffer) => asn1.create(U, T.OCTETSTRING, false, binary(b));
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string) => seq([oid(id), asn1.create(U, T.NULL, false, '')]);
const attribute = (type: string, value: Asn1) => seq([oid(type), set([value])]);

// forge takes an options object here (its typings know only the older boolean): trailing bytes are
// allowed, since a signature's /Contents is padded with zeros after the DER.
const parseDer = asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { parseAllBytes: boolean }) => Asn1;
export const fromDer = (der: Buffer): Asn1 => parseDer(forge.util.createBuffer(binary(der)), { parseAllBytes: false });
export const toDer = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** Issuer name and serial number of a certificate, as the ASN.1 nodes of its TBSCertificate. */
export function issuerAndSerial(certificateDer: Buffer): { issuer: Asn1; serial: Asn1 } {
  const tbs = (fromDer(certificateDer).value as Asn1[])[0]!;
  const fields = tbs.value as Asn1[];
  // `version` is an explicit [0] tag, absent in v1 certificates.
  const offset = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: fields[offset]!, issuer: fields[offset + 2]! };
}

/** The key and certificates one signature is made with. */
export type SigningKey = {
  privateKey: KeyObject;
  /** The signer's certificate, DER. */
  certificate: Buffer;
  /** Issuing CA certificates, DER (may be empty), included so a verifier can build the chain. */
  chain: Buffer[];
};

/**
 * A detached CAdES signature of `content` (the PDF's signed byte ranges), DER-encoded. Deterministic:
 * no time or randomness goes into it.
 */
export function cadesDetachedSignature(content: Buffer, key: SigningKey): Buffer {
  const { issuer, serial } = issuerAndSerial(key.certificate);
  const essCertIdV2 = seq([
    // hashAlgorithm is omitted: SHA-256 is its DEFAULT (RFC 5035).
    octets(createHash('sha256').update(key.certificate).digest()),
    seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]),
  ]);
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, seq([seq([essCertIdV2])])),
  ];
  // The signature covers the attributes DER-encoded as a SET (RFC 5652 §5.4); they travel as [0] IMPLICIT.
  const signature = rsaSign('sha256', toDer(set(signedAttributes)), key.privateKey);
  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const certificates = [key.certificate, ...key.chain].map(fromDer);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
