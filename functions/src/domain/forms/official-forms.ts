// The official forms (biểu mẫu) of the one-stop-shop: their numbers, titles, who holds them, and which form
// each action issues. One table per form set; a dossier's rule set chooses its set
// (rule-set/behaviour.ts). Plain data without zod: the slip worker, the pages and the tests read it.
//
// Circular 01/2018/TT-VPCP (Decree 61/2018, legacy): 01 receipt, 02 supplement request, 03 refusal at
// reception, 04 apology and new date, 05 control slip, 06 register.
// Circular 03/2025/TT-VPCP (Decree 118/2025, from 15/09/2025; list reported): 01–03 unchanged, 04 apology
// with a proposed extension, 05 notice of stopped processing (new), 06 control slip, 07 register.
import type { Bilingual } from '../shared/bilingual.js';

export type FormNumber = '01' | '02' | '03' | '04' | '05' | '06' | '07';

/** What a form is for, whatever its number in a set: the slip renderer draws by purpose. */
export type FormPurpose = 'receipt' | 'supplementRequest' | 'refusal' | 'apology' | 'stopNotice' | 'controlSlip' | 'register';

export type OfficialForm = {
  readonly purpose: FormPurpose;
  /** The title printed on the form, in the legal wording (upper case, as the circular prints it). */
  readonly title: string;
  /** What people call it on screen. */
  readonly name: Bilingual;
  /** The applicant holds this form: the receipt's QR token also opens its download. */
  readonly citizenHeld: boolean;
};

export type FormSetId = 'tt01-2018' | 'tt03-2025';

export type FormSet = {
  readonly id: FormSetId;
  readonly legalBasis: Bilingual;
  readonly forms: Readonly<Partial<Record<FormNumber, OfficialForm>>>;
  /**
   * The slip an action issues when it succeeds, by action type (lifecycle/decide.ts checks that every key
   * is an action). Actions not listed issue none.
   */
  readonly issuedBy: Readonly<Record<string, FormNumber>>;
  /** The agency's yearly register (sổ theo dõi hồ sơ). */
  readonly register: FormNumber;
};

const RECEIPT: OfficialForm = {
  purpose: 'receipt',
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  name: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment' },
  citizenHeld: true,
};
const SUPPLEMENT_REQUEST: OfficialForm = {
  purpose: 'supplementRequest',
  title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  name: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement request' },
  citizenHeld: true,
};
const REFUSAL: OfficialForm = {
  purpose: 'refusal',
  title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  name: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal at reception' },
  citizenHeld: true,
};
const CONTROL_SLIP: OfficialForm = {
  purpose: 'controlSlip',
  title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  name: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Processing control slip' },
  citizenHeld: false,
};
const REGISTER: OfficialForm = {
  purpose: 'register',
  title: 'SỔ THEO DÕI HỒ SƠ',
  name: { vi: 'Sổ theo dõi hồ sơ', en: 'Dossier register' },
  citizenHeld: false,
};

export const FORM_SET_TT01_2018 = {
  id: 'tt01-2018',
  legalBasis: { vi: 'Thông tư 01/2018/TT-VPCP', en: 'Circular 01/2018/TT-VPCP' },
  forms: {
    '01': RECEIPT,
    '02': SUPPLEMENT_REQUEST,
    '03': REFUSAL,
    '04': {
      purpose: 'apology',
      title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      name: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
      citizenHeld: false,
    },
    '05': CONTROL_SLIP,
    '06': REGISTER,
  },
  issuedBy: {
    receive: '01',
    requestSupplement: '02',
    refuseAtReception: '03',
    extend: '04',
    transfer: '05',
    acknowledgeTransfer: '05',
  },
  register: '06',
} as const satisfies FormSet;

export const FORM_SET_TT03_2025 = {
  id: 'tt03-2025',
  legalBasis: { vi: 'Thông tư 03/2025/TT-VPCP', en: 'Circular 03/2025/TT-VPCP' },
  forms: {
    '01': RECEIPT,
    '02': SUPPLEMENT_REQUEST,
    '03': REFUSAL,
    '04': {
      purpose: 'apology',
      title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      name: { vi: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', en: 'Apology and proposed extension' },
      citizenHeld: true,
    },
    '05': {
      purpose: 'stopNotice',
      title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      name: { vi: 'Thông báo dừng giải quyết hồ sơ', en: 'Notice of stopped processing' },
      citizenHeld: true,
    },
    '06': CONTROL_SLIP,
    '07': REGISTER,
  },
  issuedBy: {
    receive: '01',
    requestSupplement: '02',
    refuseAtReception: '03',
    extend: '04',
    confirmStop: '05',
    stop: '05',
    transfer: '06',
    acknowledgeTransfer: '06',
  },
  register: '07',
} as const satisfies FormSet;

export const FORM_SETS = {
  'tt01-2018': FORM_SET_TT01_2018,
  'tt03-2025': FORM_SET_TT03_2025,
} as const satisfies Record<FormSetId, FormSet>;

/** The form of a set, or undefined when the set has no form of that number. */
export function findForm(set: FormSet, form: string): OfficialForm | undefined {
  return (set.forms as Record<string, OfficialForm | undefined>)[form];
}

/** "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)" — a form's name with its number, for lists. */
export function formLabel(set: FormSet, form: string): Bilingual {
  const found = findForm(set, form);
  if (!found) return { vi: `Mẫu ${form}`, en: `Form ${form}` };
  return { vi: `${found.name.vi} (mẫu ${form})`, en: `${found.name.en} (form ${form})` };
}
