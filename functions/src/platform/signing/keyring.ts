// Adapter 1 of the signing port: keys held by the deployment. Each signer's PKCS#12 file lies in the file
// store (Cloud Storage in production, no client access: storage.rules) under `signing-keys/`, encrypted
// with one passphrase kept in Secret Manager (SIGNING_KEY_PASSPHRASE). The files are opened once per
// instance and kept for ten minutes, so a replaced key is picked up without a deploy.
// docs/SIGNATURES.md says how to install a province's real keys.
import { X509Certificate } from 'node:crypto';
import type { FileStore } from '../file-store/index.js';
import type { SigningKey } from './cms.js';
import { openPkcs12, summarise } from './key-material.js';
import { padesSign } from './pades.js';
import { MissingSigningKey, type PdfSigner, type SignerIdentity, type SignRequest, type SignedPdf } from './signer-port.js';

export const SIGNING_KEYS_PREFIX = 'signing-keys';
/** The CA certificates (PEM) whose signatures the verification page calls trusted. */
export const TRUSTED_CAS_PATH = `${SIGNING_KEYS_PREFIX}/trusted.pem`;

export function keyPathOf(as: SignerIdentity): string {
  return as.kind === 'agency' ? `${SIGNING_KEYS_PREFIX}/agencies/${as.agencyId}.p12` : `${SIGNING_KEYS_PREFIX}/officers/${as.userId}.p12`;
}

const CACHE_MS = 10 * 60_000;

type Cached<T> = { at: number; value: Promise<T> };

export class Pkcs12Keyring {
  private readonly keys = new Map<string, Cached<SigningKey | undefined>>();
  private trusted: Cached<X509Certificate[]> | undefined;

  constructor(
    private readonly files: FileStore,
    private readonly passphrase: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The signer's key, or undefined when the deployment holds none for it. */
  async keyOf(as: SignerIdentity): Promise<SigningKey | undefined> {
    const path = keyPathOf(as);
    const hit = this.keys.get(path);
    if (hit && this.clock() - hit.at < CACHE_MS) return hit.value;
    const value = this.files.get(path).then((file) => (file ? openPkcs12(file.bytes, this.passphrase) : undefined));
    this.keys.set(path, { at: this.clock(), value });
    // A failed read is not cached: the next call tries again.
    value.catch(() => this.keys.delete(path));
    return value;
  }

  /** The CA certificates the province trusts (empty when none are installed). */
  async trustedCas(): Promise<X509Certificate[]> {
    if (this.trusted && this.clock() - this.trusted.at < CACHE_MS) return this.trusted.value;
    const value = this.files.get(TRUSTED_CAS_PATH).then((file) => (file ? parsePemCertificates(file.bytes.toString('utf8')) : []));
    this.trusted = { at: this.clock(), value };
    value.catch(() => (this.trusted = undefined));
    return value;
  }
}

export function parsePemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}

/** The PdfSigner of keys held by the deployment. */
export class DeploymentSigner implements PdfSigner {
  readonly enabled = true;
  constructor(
    private readonly keyring: Pkcs12Keyring,
    private readonly location: string,
  ) {}

  async sign(pdf: Buffer, request: SignRequest): Promise<SignedPdf> {
    const key = await this.keyring.keyOf(request.as);
    if (!key) throw new MissingSigningKey(request.as);
    const who = summarise(key.certificate);
    const bytes = await padesSign(pdf, key, {
      reason: request.reason,
      name: who.name,
      location: request.location ?? this.location,
      signedAt: request.signedAt,
    });
    return { bytes, signer: { name: who.name, serialNumber: who.serialNumber }, signedAt: request.signedAt };
  }
}
