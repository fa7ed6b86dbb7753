// Slips are stored digitally signed (Circular 01/2018, Decree 118): the receiving agency's certificate,
// through the deployment's signing port (platform/signing). With signing switched off
// (SIGNING_KEY_PASSPHRASE=none) the PDF is stored as rendered.
import type { PdfSigner } from '../../platform/signing/index.js';

/** The one-stop desk that issues the slip signs it: the dossier's receiving agency. */
export type SlipSignMeta = { dossierId: string; form: string; version: number; signedAt: Date; agencyId: string };

export type SignedSlip = { bytes: Buffer; signer: { name: string; serialNumber: string } | null };

export interface SlipSigner {
  /** The signed PDF; must be deterministic for the same input so that replays store the same bytes. */
  sign(pdf: Buffer, meta: SlipSignMeta): Promise<SignedSlip>;
}

/** Leaves the PDF as it is (a deployment that does not sign). */
export const noSignature: SlipSigner = {
  sign: async (pdf) => ({ bytes: pdf, signer: null }),
};

/** Signs with the receiving agency's key; a missing key fails the slip (its request records why). */
export function agencySlipSigner(signer: PdfSigner): SlipSigner {
  if (!signer.enabled) return noSignature;
  return {
    sign: async (pdf, meta) => {
      const signed = await signer.sign(pdf, {
        as: { kind: 'agency', agencyId: meta.agencyId },
        reason: `Phiếu mẫu ${meta.form} / slip, form ${meta.form}`,
        // The transition's time: a replay of the request signs identically.
        signedAt: meta.signedAt,
      });
      return { bytes: signed.bytes, signer: signed.signer };
    },
  };
}
