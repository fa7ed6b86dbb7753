// The payment reference (mã thanh toán) of a fee notice: what a bank transfer carries as its content and a
// gateway order as its reference, so the province can tell which dossier a payment is for. It is the
// dossier code without its dots and dashes, then `V` and the version of the dossier that issued the notice
// (a dossier may be asked to pay more than once), e.g. `000.00.01.H99-261203-0001` version 7 →
// `0000001H992612030001V7`. Upper-case letters and digits only: bank apps strip everything else from a
// transfer's content. At most 25 characters, the limit of a VietQR purpose field (EMVCo additional data);
// a code too long for that (4-digit years with long sequences) keeps its date and sequence and replaces
// the issuer with 4 characters of a hash of the whole code, so two references still never coincide in
// practice and the date and number stay readable.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { parseDossierCode } from '../dossier-code/dossier-code.js';

export const MAX_REFERENCE_LENGTH = 25;
const REFERENCE = /^[A-Z0-9]{1,25}$/;

/** The reference of the fee notice issued at `version` of the dossier with `code`. */
export function paymentReference(code: string, version: number): string {
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`invalid version ${version}`);
  return compactReference(code, `V${version}`);
}

/**
 * The reference printed with the VietQR code of the receipt (form 01): the dossier alone, without a notice
 * version (no notice exists yet at reception), so a transfer made from the receipt names its dossier and
 * the desk can confirm it (`confirmPayment` with the bank's voucher number). It differs from every fee
 * notice's reference of the same dossier, which ends in `V` and the notice's version.
 */
export function dossierPaymentReference(code: string): string {
  return compactReference(code, '');
}

function compactReference(code: string, suffix: string): string {
  const compact = code.replace(/[.-]/g, '').toUpperCase();
  if (compact.length + suffix.length <= MAX_REFERENCE_LENGTH) return `${compact}${suffix}`;
  const { agencyCode } = parseDossierCode(code);
  const tail = compact.slice(agencyCode.replace(/\./g, '').length);
  const hash = bytesToHex(sha256(utf8ToBytes(code))).slice(0, 4).toUpperCase();
  const shortened = `${hash}${tail}${suffix}`;
  // Only an absurd sequence (over 12 digits) gets here still too long: keep the distinctive end.
  return shortened.length <= MAX_REFERENCE_LENGTH ? shortened : shortened.slice(-MAX_REFERENCE_LENGTH);
}

export function isPaymentReference(value: string): boolean {
  return REFERENCE.test(value);
}
