// Where a digital signature plugs in (Circular 01/2018: slips are stored digitally signed). A real
// signer (the agency's certificate through a remote signing service) replaces the no-op one in wiring.

export type SlipSignMeta = { dossierId: string; form: string; version: number; signedAt: Date };

export interface SlipSigner {
  /** The signed PDF; must be deterministic for the same input so that replays store the same bytes. */
  sign(pdf: Buffer, meta: SlipSignMeta): Promise<Buffer>;
}

/** Leaves the PDF as it is: the default until an agency certificate is configured. */
export const noSignature: SlipSigner = {
  sign: async (pdf) => pdf,
};
