// The official forms (biểu mẫu) of the one-stop-shop: which form each action issues, its number and its
// title. One table per form set; the dossier's rule set chooses the set. Plain data without zod: the
// server's slip worker, the pages and the tests all read it (through the contract).
//
// Circular 01/2018/TT-VPCP (guiding Decree 61/2018) numbers them 01 receipt, 02 supplement request,
// 03 refusal at reception, 04 apology and new date, 05 control slip, 06 register.
import type { RuleSet } from '../rule-set/rule-set.js';
import type { Bilingual } from '../shared/bilingual.js';

export type FormNumber = '01' | '02' | '03' | '04' | '05' | '06';

export type OfficialForm = {
  /** The title printed on the form, in the legal wording (upper case, as the circular prints it). */
  readonly title: string;
  /** What people call it on screen. */
  readonly name: Bilingual;
  /** The applicant holds this form: the receipt's QR token also opens its download. */
  readonly citizenHeld: boolean;
};

export type FormSet = {
  readonly id: 'tt01-2018';
  readonly legalBasis: Bilingual;
  readonly forms: Readonly<Record<FormNumber, OfficialForm>>;
  /**
   * The slip an action issues when it succeeds, by action type (lifecycle/decide.ts checks that every key
   * is an action). Actions not listed issue none.
   */
  readonly issuedBy: Readonly<Record<string, Exclude<FormNumber, '06'>>>;
  /** The agency's register (sổ theo dõi hồ sơ). */
  readonly register: FormNumber;
};

export const FORM_SET_TT01_2018 = {
  id: 'tt01-2018',
  legalBasis: { vi: 'Thông tư 01/2018/TT-VPCP', en: 'Circular 01/2018/TT-VPCP' },
  forms: {
    '01': {
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      name: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment' },
      citizenHeld: true,
    },
    '02': {
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      name: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement request' },
      citizenHeld: true,
    },
    '03': {
      title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      name: { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', en: 'Refusal at reception' },
      citizenHeld: true,
    },
    '04': {
      title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      name: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
      citizenHeld: false,
    },
    '05': {
      title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      name: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Processing control slip' },
      citizenHeld: false,
    },
    '06': {
      title: 'SỔ THEO DÕI HỒ SƠ',
      name: { vi: 'Sổ theo dõi hồ sơ', en: 'Dossier register' },
      citizenHeld: false,
    },
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

export const FORM_SETS = { 'tt01-2018': FORM_SET_TT01_2018 } as const satisfies Record<FormSet['id'], FormSet>;

/**
 * The form set a dossier's rule set prints. Decree 118/2025's own forms (Circular 03/2025) are not built
 * yet, so its dossiers print the Circular 01/2018 set.
 */
const FORM_SET_OF_RULE_SET: Record<RuleSet, FormSet['id']> = {
  'nd61-2018': 'tt01-2018',
  'nd118-2025': 'tt01-2018',
};

export function formSetOf(ruleSet: RuleSet): FormSet {
  return FORM_SETS[FORM_SET_OF_RULE_SET[ruleSet]];
}

/** The slip an action issues under a rule set, if any. */
export function slipIssuedBy(ruleSet: RuleSet, action: string): Exclude<FormNumber, '06'> | undefined {
  const issued: Readonly<Record<string, Exclude<FormNumber, '06'>>> = formSetOf(ruleSet).issuedBy;
  return Object.hasOwn(issued, action) ? issued[action] : undefined;
}

/** "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)" — a form's name with its number, for lists. */
export function formLabel(set: FormSet, form: string): Bilingual {
  const found = (set.forms as Record<string, OfficialForm | undefined>)[form];
  if (!found) return { vi: `Mẫu ${form}`, en: `Form ${form}` };
  return { vi: `${found.name.vi} (mẫu ${form})`, en: `${found.name.en} (form ${form})` };
}

/** Whether the applicant holds this form of a dossier under its rule set (their QR token opens it). */
export function isCitizenHeld(ruleSet: RuleSet, form: string): boolean {
  return (formSetOf(ruleSet).forms as Record<string, OfficialForm | undefined>)[form]?.citizenHeld ?? false;
}
