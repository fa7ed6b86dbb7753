// The signing port: what the features ask of "a signature" without knowing where the key lives. Two ways
// to fill it: keys held by the deployment (PKCS#12 files unlocked by a Secret Manager passphrase,
// keyring.ts), or a remote signing service / HSM (remote-signing.ts, documented in docs/SIGNATURES.md).

/** Whose signature: the agency's (slips, results) or an officer's personal one (desk scans). */
export type SignerIdentity = { kind: 'agency'; agencyId: string } | { kind: 'officer'; userId: string };

export type SignRequest = {
  as: SignerIdentity;
  /** Why it is signed, shown by PDF readers: "Giấy tiếp nhận hồ sơ… / receipt…". */
  reason: string;
  /** The signing time written into the signature; fixed by the caller so a replay signs identically. */
  signedAt: Date;
  location?: string;
};

/** The signature just made: who signed (the certificate's subject) and its serial number. */
export type SignedPdf = { bytes: Buffer; signer: { name: string; serialNumber: string }; signedAt: Date };

export interface PdfSigner {
  /** Whether this deployment signs at all (`SIGNING_KEY_PASSPHRASE` set to `none`: it does not). */
  readonly enabled: boolean;
  /**
   * The PDF with a PAdES signature of `request.as`. Deterministic for the same bytes and request. Throws
   * MissingSigningKey when that signer has no key, SigningError when the PDF cannot be signed.
   */
  sign(pdf: Buffer, request: SignRequest): Promise<SignedPdf>;
}

export class MissingSigningKey extends Error {
  override name = 'MissingSigningKey';
  constructor(readonly as: SignerIdentity) {
    super(`no signing key for ${as.kind} ${as.kind === 'agency' ? as.agencyId : as.userId}`);
  }
}

/** The PDF cannot take a signature (damaged, encrypted, or already signed: re-signing would break it). */
export class SigningError extends Error {
  override name = 'SigningError';
  constructor(
    message: string,
    readonly reason: 'unreadable' | 'already-signed',
  ) {
    super(message);
  }
}

/** The signer of a deployment that does not sign: every call is refused, so nothing pretends to be signed. */
export const signingDisabled: PdfSigner = {
  enabled: false,
  sign: async (_pdf, request) => {
    throw new MissingSigningKey(request.as);
  },
};
