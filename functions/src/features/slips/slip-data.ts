// What a slip shows, as plain data: the renderers never read Firestore, so the same SlipData always gives
// the same PDF bytes. Texts are Vietnamese (the legal language of the forms); dates are instants,
// printed in Vietnam time.

// Form numbers, titles and who holds each form come from the dossier's form set (domain/forms): the
// loader puts the number and the title in the data, and renderers draw by purpose, so the same renderer
// prints form 05 of Circular 01 and form 06 of Circular 03 (both control slips).
import type { FormNumber } from '../../domain/index.js';

/** Every form number of every set; the register is made on request, the others by transitions. */
export const FORM_NUMBERS = ['01', '02', '03', '04', '05', '06', '07'] as const satisfies readonly FormNumber[];

export type SlipAgency = {
  name: string;
  /** The governing body printed above the agency (e.g. the provincial People's Committee). */
  parentName?: string;
  phone?: string;
  /** Where the slip is signed, from the province's branding: "Bình An, ngày … tháng … năm …". */
  place?: string;
  /** The province's hotline (branding), printed beside the lookup address. */
  hotline?: string;
};

export type SlipApplicant = {
  name: string;
  address: string;
  phone: string;
  email?: string;
  /** "Số căn cước công dân: …" or "Mã số thuế: …", already labelled. */
  identity?: string;
  /** Who filed on the applicant's behalf, with their identity and the basis (authorisation). */
  filer?: string;
};

export type SlipComponentRow = { name: string; originals: number; certifiedCopies: number; copies: number };

type SlipBase = {
  /** The form's number in its set, e.g. `06`. */
  form: FormNumber;
  /** The form's title as its form set prints it. */
  title: string;
  agency: SlipAgency;
  /** Decree 118: the unit that decides, printed beside the receiving unit when they differ. */
  competentAgency?: string;
  code: string;
  applicant: SlipApplicant;
  procedureName: string;
  /** The event time: printed as the slip's date and used as the PDF creation date. */
  issuedAt: Date;
};

export type ReceiptSlip = SlipBase & {
  purpose: 'receipt';
  components: SlipComponentRow[];
  sets: number;
  legalDuration: string;
  receivedAt: Date;
  dueAt: Date;
  resultDelivery: string;
  fee: string;
  lookupUrl: string;
  ratingUrl: string;
  /** The desk rating code (8 digits as two groups), the proof a citizen without the QR types at the kiosk. */
  ratingCode: string;
  register: { book: string; entry: string };
  officerName?: string;
  /**
   * When the procedure charges a fee and a fee account is configured: the VietQR code that pays it by bank
   * transfer (issue 17, "printed on the fee notice and the receipt"), with what the code fills in printed
   * beside it for a citizen who transfers by hand.
   */
  feeQr?: SlipFeeQr;
};

export type SlipFeeQr = { payload: string; amount: string; reference: string; bankName: string; accountNumber: string; accountName: string };

export type SupplementSlip = SlipBase & {
  purpose: 'supplementRequest';
  items: { name: string; problem: string }[];
  reason: string;
  guidance?: string;
  officer: { name?: string; phone?: string };
  lookupUrl: string;
};

export type RefusalSlip = SlipBase & {
  purpose: 'refusal';
  reason: string;
  /** Where the applicant can read the rules: legal basis and the public catalogue address. */
  rulesAt: string[];
  officerName?: string;
  lookupUrl: string;
};

export type ApologySlip = SlipBase & {
  purpose: 'apology';
  /** Circular 03/2025 wording: the letter proposes the extension (Decree 118 Art. 19.6). */
  proposesExtension: boolean;
  receivedAt?: Date;
  originalDueAt?: Date;
  reason: string;
  apology: string;
  newDueAt: Date;
};

export type HandoffRow = {
  fromAgency: string;
  toAgency: string;
  handedOverAt: Date;
  receivedAt?: Date;
  /** Sớm hạn / Đúng hạn / Quá hạn, once the agency has finished. */
  result?: string;
  note?: string;
};

export type ControlSlip = SlipBase & {
  purpose: 'controlSlip';
  receivedAt?: Date;
  legalDuration: string;
  dueAt?: Date;
  /** When the handling agencies must hand the result back to the desk. */
  returnBy?: Date;
  components: SlipComponentRow[];
  handoffs: HandoffRow[];
  lookupUrl: string;
};

/** Form 05 of Circular 03/2025: processing stopped at the applicant's request (Decree 118 Art. 21). */
export type StopNoticeSlip = SlipBase & {
  purpose: 'stopNotice';
  receivedAt?: Date;
  requestedAt?: Date;
  /** The status the dossier had reached when it stopped, in words. */
  stageReached: string;
  reason: string;
  papersReturned?: boolean;
  feesRefunded?: boolean;
  lookupUrl: string;
};

export type SlipData = ReceiptSlip | SupplementSlip | RefusalSlip | ApologySlip | ControlSlip | StopNoticeSlip;

export type RegisterRow = {
  /** The dossier's entry number in the agency's yearly register (printed on its receipt). */
  entry?: number;
  code: string;
  procedure: string;
  applicant: string;
  receivedAt: Date;
  transferredAt?: Date;
  dueAt?: Date;
  resultReceivedAt?: Date;
  returnedAt?: Date;
  note?: string;
};

export type RegisterData = {
  form: FormNumber;
  title: string;
  agency: SlipAgency;
  /** Vietnam dates, inclusive. */
  from: string;
  to: string;
  issuedAt: Date;
  rows: RegisterRow[];
};
