// A refused action. Returned (not thrown) by applyAction: refusals are expected outcomes, and the answer
// always says where the dossier is and what this actor could do instead.
import { DomainError } from '../shared/domain-error.js';
import type { Bilingual } from '../shared/bilingual.js';
import type { FieldError } from '../shared/field-errors.js';
import { ACTION_LABELS, type ActionType } from './actions.js';
import { STATUS_INFO, type DossierStatus } from '../dossier/status.js';

export type ConflictReason =
  'notInStatus' | 'roleNotAllowed' | 'outOfScope' | 'ruleViolated' | 'invalidPayload';

export const RULE_MESSAGES = {
  notOwner: {
    vi: 'Chỉ chủ hồ sơ mới thực hiện được thao tác này',
    en: 'Only the dossier’s owner may do this',
  },
  supplementAlreadyRequested: {
    vi: 'Đã yêu cầu bổ sung một lần ở giai đoạn này; chỉ lãnh đạo được yêu cầu thêm và phải nêu lý do',
    en: 'A supplement was already requested at this stage; only a lead may request another, with a reason',
  },
  extensionAlreadyUsed: {
    vi: 'Chỉ được hẹn lại ngày trả kết quả một lần',
    en: 'The appointment may be reset only once',
  },
  extensionTooLate: {
    vi: 'Phải gửi phiếu xin lỗi và hẹn lại chậm nhất 1 ngày làm việc trước hạn trả kết quả',
    en: 'The apology with a new date must be sent at least 1 working day before the due date',
  },
  extensionNotLater: {
    vi: 'Ngày hẹn mới phải sau hạn hiện tại',
    en: 'The new date must be later than the current due time',
  },
  noDueDate: { vi: 'Hồ sơ chưa có hạn giải quyết', en: 'The dossier has no due time yet' },
  calendarRequired: {
    vi: 'Cần lịch làm việc để kiểm tra thời hạn',
    en: 'A working calendar is needed to check the time limit',
  },
  denialAfterDeadline: {
    vi: 'Chỉ được từ chối giải quyết trong thời hạn giải quyết; đã quá hạn',
    en: 'A denial is allowed only within the processing time, which has passed',
  },
  transferNotAcknowledged: {
    vi: 'Cơ quan nhận chưa xác nhận nhận hồ sơ chuyển đến',
    en: 'The receiving agency has not acknowledged the transfer yet',
  },
  nothingToAcknowledge: {
    vi: 'Không có hồ sơ chuyển đến chờ xác nhận',
    en: 'There is no pending transfer to acknowledge',
  },
  transferToSelf: {
    vi: 'Không thể chuyển hồ sơ cho chính cơ quan đang xử lý',
    en: 'Cannot transfer the dossier to the agency already holding it',
  },
  opinionAlreadyPending: {
    vi: 'Đã có yêu cầu xin ý kiến cơ quan này chưa được trả lời',
    en: 'An opinion request to this agency is still unanswered',
  },
  opinionOfSelf: {
    vi: 'Không xin ý kiến chính cơ quan đang xử lý',
    en: 'Cannot ask the agency holding the dossier for an opinion',
  },
  supplementOnlyOnce: {
    vi: 'Chỉ được yêu cầu bổ sung hồ sơ một lần (Nghị định 118/2025, Điều 19)',
    en: 'A supplement may be requested only once (Decree 118/2025, Art. 19)',
  },
  supplementItemUnknown: {
    vi: 'Mỗi giấy tờ cần bổ sung phải chọn từ thành phần hồ sơ, hoặc ghi rõ là giấy tờ mới chưa có trong hồ sơ',
    en: 'Each document asked for must be one of the dossier’s components, or be named explicitly as a new one',
  },
  supplementItemRepeated: {
    vi: 'Mỗi thành phần hồ sơ chỉ nêu một lần trong yêu cầu bổ sung',
    en: 'Each component may appear only once in a supplement request',
  },
  supplementNotRequested: {
    vi: 'Chỉ bổ sung đúng những giấy tờ cơ quan đã yêu cầu',
    en: 'Only the documents the agency asked for may be added',
  },
  supplementWindowClosed: {
    vi: 'Đã quá thời hạn yêu cầu bổ sung sau khi thẩm định (3 ngày làm việc kể từ khi tiếp nhận, trừ quy định chuyên ngành)',
    en: 'The time to request a supplement after appraisal has passed (3 working days from reception unless sectoral law says otherwise)',
  },
  supplementNotExpired: {
    vi: 'Chưa hết thời hạn bổ sung hồ sơ',
    en: 'The time to complete the supplement has not run out',
  },
  useStopRequest: {
    vi: 'Hồ sơ đã được tiếp nhận: người nộp đề nghị dừng giải quyết, cán bộ xác nhận (Nghị định 118/2025, Điều 21)',
    en: 'The dossier was received: the applicant asks to stop processing and an officer confirms (Decree 118/2025, Art. 21)',
  },
  notUnderRuleSet: {
    vi: 'Thao tác không áp dụng theo bộ quy định của hồ sơ này',
    en: 'The action does not exist under this dossier’s rule set',
  },
  notYetReceived: {
    vi: 'Hồ sơ chưa được tiếp nhận hợp lệ',
    en: 'The dossier has not been validly received yet',
  },
  stopAlreadyRequested: {
    vi: 'Đã có đề nghị dừng giải quyết đang chờ xác nhận',
    en: 'A stop request is already waiting for confirmation',
  },
  transferTargetMissing: {
    vi: 'Chọn bước trong quy trình hoặc cơ quan nhận hồ sơ',
    en: 'Choose the step of the process or the agency to hand the dossier to',
  },
  stepHasNoAgency: {
    vi: 'Bước này không do một cơ quan trên hệ thống thực hiện (hoặc không có trong quy trình của thủ tục)',
    en: 'This step is not carried out by an agency on the platform (or is not in the procedure’s process)',
  },
  parallelAgencyRepeated: {
    vi: 'Mỗi cơ quan chỉ được giao một lần khi chuyển song song',
    en: 'Each agency may appear once in a parallel transfer',
  },
  noStopRequest: {
    vi: 'Không có đề nghị dừng giải quyết chờ xác nhận',
    en: 'There is no stop request to confirm',
  },
  agencyNotInvolved: {
    vi: 'Cơ quan bị sáp nhập không còn tham gia giải quyết hồ sơ này',
    en: 'The merged agency no longer has a part in this dossier',
  },
  mergeIntoSelf: {
    vi: 'Cơ quan kế thừa phải khác cơ quan bị sáp nhập',
    en: 'The successor must differ from the merged agency',
  },
} as const satisfies Record<string, Bilingual>;
export type RuleCode = keyof typeof RULE_MESSAGES;

const REASON_MESSAGES = {
  notInStatus: {
    vi: 'Thao tác không áp dụng ở trạng thái hiện tại',
    en: 'The action does not apply in the current status',
  },
  roleNotAllowed: {
    vi: 'Vai trò của bạn không được thực hiện thao tác này',
    en: 'Your role may not take this action',
  },
  outOfScope: { vi: 'Hồ sơ không thuộc phạm vi của bạn', en: 'The dossier is outside your scope' },
  ruleViolated: { vi: 'Thao tác vi phạm quy định', en: 'The action breaks a rule' },
  invalidPayload: { vi: 'Dữ liệu của thao tác không hợp lệ', en: 'The action’s data is invalid' },
} as const satisfies Record<ConflictReason, Bilingual>;

export interface TransitionConflictInit {
  readonly status: DossierStatus;
  readonly action: ActionType | string;
  readonly reason: ConflictReason;
  readonly allowedActions: readonly ActionType[];
  readonly rule?: RuleCode;
  readonly fieldErrors?: readonly FieldError[];
}

export class TransitionConflict extends DomainError<'transition-conflict'> {
  readonly status: DossierStatus;
  readonly action: string;
  readonly reason: ConflictReason;
  readonly rule: RuleCode | undefined;
  readonly allowedActions: readonly ActionType[];
  readonly fieldErrors: readonly FieldError[];

  constructor(init: TransitionConflictInit) {
    const why = init.rule === undefined ? REASON_MESSAGES[init.reason] : RULE_MESSAGES[init.rule];
    const label = STATUS_INFO[init.status].label;
    const actionLabel = (ACTION_LABELS as Record<string, Bilingual | undefined>)[init.action] ?? {
      vi: init.action,
      en: init.action,
    };
    const allowedVi = init.allowedActions.map((a) => ACTION_LABELS[a].vi).join(', ') || 'không có';
    const allowedEn = init.allowedActions.map((a) => ACTION_LABELS[a].en).join(', ') || 'none';
    super(
      'transition-conflict',
      {
        vi: `Không thể "${actionLabel.vi}": ${why.vi}. Trạng thái hiện tại: ${label.vi}. Thao tác được phép: ${allowedVi}`,
        en: `Cannot "${actionLabel.en}": ${why.en}. Current status: ${label.en}. Allowed actions: ${allowedEn}`,
      },
      {
        status: init.status,
        action: init.action,
        reason: init.reason,
        rule: init.rule,
        allowedActions: init.allowedActions,
      },
    );
    this.status = init.status;
    this.action = init.action;
    this.reason = init.reason;
    this.rule = init.rule;
    this.allowedActions = init.allowedActions;
    this.fieldErrors = init.fieldErrors ?? [];
  }
}
