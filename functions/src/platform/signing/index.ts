// Digital signatures of the documents the province issues (slips, desk scans, electronic results) and
// their verification. docs/SIGNATURES.md.
export { DeploymentSigner, keyPathOf, Pkcs12Keyring, parsePemCertificates, SIGNING_KEYS_PREFIX, TRUSTED_CAS_PATH } from './keyring.js';
export { hasSignature, padesSign } from './pades.js';
export { openPkcs12, summarise, KeyFileError, type CertificateSummary } from './key-material.js';
export { MissingSigningKey, SigningError, signingDisabled, type PdfSigner, type SignedPdf, type SignerIdentity, type SignRequest } from './signer-port.js';
export { verifyPdfSignatures, MAX_SIGNATURES, type SignatureCheck, type SignatureProblem } from './verify-pdf.js';
export type { RemoteSigningService } from './remote-signing.js';
export { deploymentKeyring, deploymentSigner } from './deployment.js';
export { imageToPdf } from './image-pdf.js';
