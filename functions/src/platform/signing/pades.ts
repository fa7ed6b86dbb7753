// Puts a PAdES signature into a PDF: pdf-lib adds the signature field and its placeholder (and rewrites
// the file, which also normalises uploaded PDFs with compressed cross-reference streams), @signpdf/signpdf
// computes the byte ranges and embeds the CMS signature made by cms.ts. docs/adr/0009-pdf-signatures.md.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { cadesDetachedSignature, type SigningKey } from './cms.js';
import { SigningError } from './signer-port.js';

/** Room for the CMS (hex): a signer certificate, two CA certificates and a 4096-bit signature fit. */
const SIGNATURE_BYTES = 8192;

class CadesSigner extends Signer {
  constructor(private readonly key: SigningKey) {
    super();
  }
  override async sign(content: Buffer): Promise<Buffer> {
    return cadesDetachedSignature(content, this.key);
  }
}

/** Whether the PDF already carries a signature dictionary (ours or anyone's). */
export function hasSignature(pdf: Buffer): boolean {
  return /\/ByteRange\s*\[/.test(pdf.toString('latin1'));
}

export type PadesOptions = { reason: string; name: string; location: string; contactInfo?: string; signedAt: Date };

/**
 * The signed PDF. Same input, same output: the signing time is the caller's, the document's metadata is
 * left as it was, and the CMS is deterministic.
 */
export async function padesSign(pdf: Buffer, key: SigningKey, options: PadesOptions): Promise<Buffer> {
  if (hasSignature(pdf)) throw new SigningError('the PDF is already signed; signing it again would break that signature', 'already-signed');
  let prepared: Buffer;
  try {
    // pdf-lib reads leniently; a file without pages or catalog fails while the field is added.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: options.reason,
      name: options.name,
      location: options.location,
      contactInfo: options.contactInfo ?? '',
      signingTime: options.signedAt,
      signatureLength: SIGNATURE_BYTES,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'motcua',
    });
    prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  } catch (err) {
    throw new SigningError(`the PDF cannot be read: ${err instanceof Error ? err.message : String(err)}`, 'unreadable');
  }
  return new SignPdf().sign(prepared, new CadesSigner(key), options.signedAt);
}
