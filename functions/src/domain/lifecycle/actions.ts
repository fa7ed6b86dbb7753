// Action payloads: what an actor asks to do to a dossier. One strict schema per action, discriminated on
// `type`. Fields marked "set by the service" are filled by the lifecycle service (dossier code from the
// daily counter, due dates from the deadline engine) before the action is applied; people never send them.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { DossierCode } from '../dossier-code/dossier-code.js';
import { DossierComponents } from '../dossier/component.js';
import { ComponentId } from '../procedure/component.js';
import { OnlineIntake, RegisterEntry, SupplementItem } from '../dossier/dossier.js';
import { Bilingual, bi } from '../shared/bilingual.js';
import { AmountVnd, Instant, PlainText, UserId } from '../shared/primitives.js';
import { ACTION_LABEL_TEXT } from './action-labels.js';

const Reason = PlainText(2000).describe('Lý do / reason');

/** A due date and why it is that date (the deadline engine's explanation, shown to citizen and officer). */
export const DueDate = z.strictObject({
  at: Instant.describe('Hạn giải quyết / due time'),
  explanation: Bilingual.describe('Cách tính hạn / how the due time was computed'),
});
export type DueDate = z.infer<typeof DueDate>;

export const SubmitAction = z.strictObject({
  type: z.literal('submit'),
  code: DossierCode.describe('Mã hồ sơ (do hệ thống cấp) / dossier code, set by the service'),
  intake: OnlineIntake.optional().describe('Hạn xử lý hồ sơ trực tuyến (do hệ thống tính) / online intake deadlines, set by the service'),
});
export const IntakeAction = z.strictObject({
  type: z.literal('intake'),
  channel: z.enum(['desk', 'post']).describe('Kênh nộp / channel'),
  code: DossierCode.describe('Mã hồ sơ (do hệ thống cấp) / dossier code, set by the service'),
});
export const ReceiveAction = z.strictObject({
  type: z.literal('receive'),
  due: DueDate.describe('Hạn trả kết quả (do hệ thống tính) / due date, set by the service'),
  registerEntry: RegisterEntry.optional().describe('Số thứ tự trong sổ (do hệ thống cấp) / register entry, set by the service'),
  note: PlainText(1000).optional(),
});
export const RefuseAtReceptionAction = z.strictObject({
  type: z.literal('refuseAtReception'),
  reason: Reason,
});
export const RequestSupplementAction = z.strictObject({
  type: z.literal('requestSupplement'),
  // Every item names its component (one of the dossier's, or a new one marked so): the answer is filed
  // under exactly that component.
  items: z
    .array(SupplementItem.extend({ componentId: ComponentId.describe('Thành phần hồ sơ cần bổ sung / component asked for') }))
    .min(1, bi('Liệt kê đầy đủ giấy tờ cần bổ sung một lần', 'list everything missing at once')),
  reason: Reason,
  guidance: PlainText(2000).optional().describe('Hướng dẫn / guidance'),
  /** A lead may request a further supplement only with a written reason (Decree 61 rule set only). */
  overrideReason: PlainText(2000)
    .optional()
    .describe('Lý do yêu cầu bổ sung thêm lần nữa / reason for another round'),
  expiresAt: Instant.optional().describe('Hạn bổ sung, quá hạn hồ sơ bị đóng (do hệ thống tính) / supplement expiry, set by the service'),
});
export const SubmitSupplementAction = z.strictObject({
  type: z.literal('submitSupplement'),
  components: DossierComponents.optional(),
  due: DueDate.optional().describe(
    'Hạn mới khi tiếp tục xử lý (do hệ thống tính) / new due date, set by the service',
  ),
});
export const AssignAction = z.strictObject({
  type: z.literal('assign'),
  handlerId: UserId.describe('Chuyên viên thụ lý / handling officer'),
});
const StepId = z.string().min(1).max(64).describe('Bước trong quy trình / step of the procedure');

/** An agency that works on the dossier at the same time as the lead (electronic parallel routing). */
export const ParallelTask = z.strictObject({
  agencyId: AgencyId.optional().describe('Cơ quan phối hợp / agency working in parallel'),
  stepId: StepId.optional(),
  task: PlainText(1000).optional().describe('Nhiệm vụ / task'),
  dueAt: Instant.optional().describe('Hạn (do hệ thống tính) / sub-deadline, set by the service'),
  handoffN: z.number().int().min(1).optional().describe('Dòng phiếu kiểm soát (do hệ thống cấp) / control-slip row, set by the service'),
});
export type ParallelTask = z.infer<typeof ParallelTask>;

/**
 * Hand the dossier to the next agency of its route (Decree 118 Art. 18, 20): name the step of the
 * procedure's process (its performer and time budget give the agency and its sub-deadline), or an agency.
 * With `parallelWith`, the other agencies work at the same time and the named one leads.
 */
export const TransferAction = z.strictObject({
  type: z.literal('transfer'),
  toAgencyId: AgencyId.optional().describe('Chuyển đến cơ quan / to agency'),
  stepId: StepId.optional(),
  task: PlainText(1000).optional().describe('Nội dung chuyển xử lý / task of the receiving agency'),
  dueAt: Instant.optional().describe('Hạn của cơ quan nhận (do hệ thống tính) / sub-deadline of the receiving agency, set by the service'),
  handOverBy: Instant.optional().describe('Hạn giao hồ sơ giấy (do hệ thống tính) / latest paper hand-over, set by the service'),
  parallelWith: z.array(ParallelTask).max(10).optional().describe('Cơ quan phối hợp song song / agencies in parallel'),
});
export const AcknowledgeTransferAction = z.strictObject({ type: z.literal('acknowledgeTransfer') });
export const RequestOpinionAction = z.strictObject({
  type: z.literal('requestOpinion'),
  agencyId: AgencyId.describe('Cơ quan được hỏi ý kiến / consulted agency'),
  question: PlainText(2000).describe('Nội dung xin ý kiến / question'),
  dueAt: Instant.describe('Hạn trả lời / answer due by'),
});
export const ProvideOpinionAction = z.strictObject({
  type: z.literal('provideOpinion'),
  answer: PlainText(4000).describe('Ý kiến / opinion'),
});
export const RequestPaymentAction = z.strictObject({
  type: z.literal('requestPayment'),
  amountVnd: AmountVnd.refine((n) => n > 0, bi('Số tiền phải lớn hơn 0', 'amount must be positive')),
  description: PlainText(500).describe('Nghĩa vụ tài chính / financial obligation'),
});
export const ConfirmPaymentAction = z.strictObject({
  type: z.literal('confirmPayment'),
  reference: PlainText(100).optional().describe('Số chứng từ / payment reference'),
  due: DueDate.optional().describe(
    'Hạn mới nếu thời gian chờ nộp không tính (do hệ thống tính) / new due date, set by the service',
  ),
});
/**
 * A decision as recorded: decisions logged before the summary was required may lack it, and the log is
 * read forever (stats, roll-ups, the portal sync), so the recorded form keeps the looser shape.
 */
export const RecordedResolve = z
  .strictObject({
    type: z.literal('resolve'),
    outcome: z.enum(['approved', 'denied']).describe('Kết quả / outcome'),
    reason: Reason.optional(),
    summary: PlainText(2000).optional().describe('Tóm tắt kết quả / summary of the result'),
  })
  .refine((a) => a.outcome !== 'denied' || a.reason !== undefined, {
    path: ['reason'],
    error: bi('Từ chối giải quyết phải nêu rõ lý do', 'a denial must state its reasons'),
  });
/**
 * Deciding a dossier: the outcome is stated (no default), and an approval says what was granted — the
 * summary is what the applicant reads on "Hồ sơ của tôi", the lookup page and the national portal.
 */
export const ResolveAction = RecordedResolve.refine((a) => a.outcome !== 'approved' || a.summary !== undefined, {
  path: ['summary'],
  error: bi('Phê duyệt phải có tóm tắt kết quả giải quyết', 'an approval must summarise the result'),
});
export const ExtendAction = z.strictObject({
  type: z.literal('extend'),
  newDueAt: Instant.describe('Ngày hẹn trả mới / new appointment'),
  reason: Reason.describe('Lý do quá hạn / reason for the delay'),
  apology: PlainText(2000).describe('Lời xin lỗi / apology'),
  explanation: Bilingual.optional().describe('Cách tính hạn mới / how the new date was set'),
});
export const ReturnResultAction = z.strictObject({
  type: z.literal('returnResult'),
  via: z.enum(['desk', 'post', 'online']).describe('Hình thức trả / delivered via'),
});
export const WithdrawAction = z.strictObject({ type: z.literal('withdraw'), reason: Reason.optional() });
export const StopAction = z.strictObject({ type: z.literal('stop'), reason: Reason });
/** Decree 118 Art. 21: the applicant (online, or at the desk through an officer) asks to stop processing. */
export const RequestStopAction = z.strictObject({
  type: z.literal('requestStop'),
  reason: Reason.describe('Lý do đề nghị dừng / why the applicant asks to stop'),
});
/** The desk confirms the applicant's stop request: processing stops and form 05 is issued. */
export const ConfirmStopAction = z.strictObject({
  type: z.literal('confirmStop'),
  papersReturned: z.boolean().optional().describe('Đã trả lại hồ sơ giấy / paper documents returned'),
  feesRefunded: z.boolean().optional().describe('Đã hoàn trả phí, lệ phí / fees refunded'),
  note: PlainText(1000).optional(),
});
/** Decree 118 Art. 19.5: the scheduled job closes a dossier whose supplement did not come in time. */
export const CloseUnsupplementedAction = z.strictObject({ type: z.literal('closeUnsupplemented') });
/**
 * An agency merged into its successor (the 2025 reorganisation): the system moves each open dossier's work
 * to the successor (receiving desk, competent agency, current step, pending opinions) with one event. The
 * names at the time are kept in the event, so the history still reads with the old agency's name. The
 * dossier code, register entry and due dates do not change.
 */
export const SucceedAgencyAction = z.strictObject({
  type: z.literal('succeedAgency'),
  fromAgencyId: AgencyId.describe('Cơ quan đã sáp nhập / the merged agency'),
  toAgencyId: AgencyId.describe('Cơ quan kế thừa / the successor'),
  fromName: Bilingual.describe('Tên cơ quan cũ / the merged agency’s name'),
  toName: Bilingual.describe('Tên cơ quan kế thừa / the successor’s name'),
  basis: PlainText(500).describe('Văn bản sắp xếp, sáp nhập / the decision behind the merger'),
  orderedBy: UserId.describe('Quản trị viên thực hiện / the administrator who recorded it'),
});

export const DossierAction = z.discriminatedUnion('type', [
  SubmitAction,
  IntakeAction,
  ReceiveAction,
  RefuseAtReceptionAction,
  RequestSupplementAction,
  SubmitSupplementAction,
  AssignAction,
  TransferAction,
  AcknowledgeTransferAction,
  RequestOpinionAction,
  ProvideOpinionAction,
  RequestPaymentAction,
  ConfirmPaymentAction,
  ResolveAction,
  ExtendAction,
  ReturnResultAction,
  WithdrawAction,
  StopAction,
  RequestStopAction,
  ConfirmStopAction,
  CloseUnsupplementedAction,
  SucceedAgencyAction,
]);
export type DossierAction = z.infer<typeof DossierAction>;
/** What callers pass in: dates may still be ISO strings. */
export type DossierActionInput = z.input<typeof DossierAction>;

export const ActionType = z.enum(
  DossierAction.options.map((o) => o.shape.type.value) as [DossierAction['type'], ...DossierAction['type'][]],
);
export type ActionType = DossierAction['type'];
export type ActionOf<T extends ActionType> = Extract<DossierAction, { type: T }>;

/** Every action type has a label (checked here; the plain data lives in action-labels.ts for the web pages). */
export const ACTION_LABELS = ACTION_LABEL_TEXT satisfies Record<ActionType, Bilingual>;
