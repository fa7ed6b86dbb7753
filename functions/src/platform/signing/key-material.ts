// A PKCS#12 file (.p12/.pfx: the private key with its certificate and the issuing CAs, encrypted with a
// passphrase) turned into a SigningKey. node-forge decrypts it; the key then lives as a node:crypto
// KeyObject, so signing runs in native code. RSA keys only (node-forge reads no EC keys from PKCS#12);
// a signer holding an EC key is plugged in through the remote signing port instead (remote-signing.ts).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { SigningKey } from './cms.js';

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

const certDer = (cert: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

/** Opens a PKCS#12 file; throws KeyFileError with the reason (wrong passphrase, no key, no matching certificate). */
export function openPkcs12(p12: Buffer, passphrase: string): SigningKey {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  } catch (err) {
    throw new KeyFileError(`cannot open the PKCS#12 file (wrong passphrase or not a PKCS#12 file): ${err instanceof Error ? err.message : String(err)}`);
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new KeyFileError('the PKCS#12 file holds no RSA private key');
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n !== undefined && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!own) throw new KeyFileError('no certificate in the PKCS#12 file matches its private key');
  return {
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)),
    certificate: certDer(own),
    chain: certs.filter((c) => c !== own).map(certDer),
  };
}

/** Who a certificate names: common name, organisation, serial and issuer (as a verifier shows them). */
export type CertificateSummary = { name: string; organisation: string | null; serialNumber: string; issuer: string; validFrom: string; validTo: string };

function field(dn: string, key: string): string | null {
  for (const line of dn.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && line.slice(0, at) === key) return line.slice(at + 1);
  }
  return null;
}

export function summarise(certificateDer: Buffer): CertificateSummary {
  const x509 = new X509Certificate(certificateDer);
  return {
    name: field(x509.subject, 'CN') ?? x509.subject.replace(/\n/g, ', '),
    organisation: field(x509.subject, 'O'),
    serialNumber: x509.serialNumber,
    issuer: field(x509.issuer, 'CN') ?? x509.issuer.replace(/\n/g, ', '),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
  };
}
