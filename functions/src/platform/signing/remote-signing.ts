// Port 2 of the signing port, for a signer whose key never leaves a remote signing service or an HSM
// (a provincial signing server, a cloud HSM, a personal remote-signing account of an officer). It is an
// interface only: no adapter ships until a province names its service, and nothing here pretends to sign.
//
// How an adapter plugs in (docs/SIGNATURES.md, "Remote signing service or HSM"):
//  1. Implement RemoteSigningService for the provider (HTTP API with its own credentials, or PKCS#11).
//  2. Write a PdfSigner beside DeploymentSigner that builds the same PAdES signature as pades.ts, except
//     that the CMS signature value comes from `signDigest` over the DER of the signed attributes
//     (cms.ts builds them; only the RSA step moves out) and the certificates come from
//     `certificateChain`.
//  3. Choose it in the wiring of the features that sign (features/*/wiring.ts) by a parameter.
import type { SignerIdentity } from './signer-port.js';

export interface RemoteSigningService {
  /** The signer's certificate first, then its issuing CAs (DER), as the service holds them. */
  certificateChain(as: SignerIdentity): Promise<Buffer[]>;
  /**
   * The signature of a SHA-256 digest with the signer's key: RSASSA-PKCS1-v1_5 (or ECDSA for EC keys).
   * May wait for the officer's approval on their device; must reject rather than hang (a timeout).
   */
  signDigest(as: SignerIdentity, digest: Buffer, algorithm: 'sha256'): Promise<Buffer>;
}
