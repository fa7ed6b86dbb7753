// Message texts per event type, Vietnamese first, English second. Bump TEMPLATE_VERSION when a text
// changes: every notification stores the version it was written with, so a complaint about a message can
// be matched with the exact wording sent.
import { formatLocalDateTime } from '../../domain/time/local-time.js';

// 3: the first message to an unconfirmed contact carries its confirmation link (contact-policy.ts);
// 4: emails end with the province's branding footer.
export const TEMPLATE_VERSION = 4;

export type Bilingual = { vi: string; en: string };
/** `footer` (email only): where to look the dossier up and the hotline, from the province's branding. */
export type Message = { subject: Bilingual; body: Bilingual; footer?: Bilingual };

/** What a notification says of the province (store/branding.ts); absent: no province is named. */
export type MessageBrand = { provinceName: Bilingual; hotline?: string; publicOrigin?: string };

export type TemplateContext = {
  /** The dossier code, or its id while it has none. */
  code: string;
  dueAt?: Date | null;
  level?: number | null;
  overdueWorkingDays?: number | null;
};

const at = (d: Date | null | undefined) => (d ? formatLocalDateTime(d.getTime()) : '—');

type Template = (c: TemplateContext) => Bilingual;

const TEMPLATES: Record<string, Template> = {
  submit: (c) => ({
    vi: `Hồ sơ ${c.code} đã được gửi đến cơ quan tiếp nhận và đang chờ kiểm tra.`,
    en: `Dossier ${c.code} has been sent to the receiving agency and awaits checking.`,
  }),
  intake: (c) => ({
    vi: `Hồ sơ ${c.code} đã được ghi nhận tại bộ phận một cửa và đang chờ kiểm tra.`,
    en: `Dossier ${c.code} has been recorded at the one-stop desk and awaits checking.`,
  }),
  receive: (c) => ({
    vi: `Hồ sơ ${c.code} đã được tiếp nhận, hẹn trả kết quả ${at(c.dueAt)}.`,
    en: `Dossier ${c.code} has been received; result due ${at(c.dueAt)}.`,
  }),
  refuseAtReception: (c) => ({
    vi: `Hồ sơ ${c.code} không được tiếp nhận. Vui lòng xem phiếu từ chối để biết lý do.`,
    en: `Dossier ${c.code} was refused at reception. Please see the refusal slip for the reason.`,
  }),
  requestSupplement: (c) => ({
    vi: `Hồ sơ ${c.code} cần bổ sung, hoàn thiện. Vui lòng xem phiếu yêu cầu bổ sung.`,
    en: `Dossier ${c.code} needs additional documents. Please see the supplement request.`,
  }),
  submitSupplement: (c) => ({
    vi: `Hồ sơ ${c.code} đã nhận phần bổ sung.`,
    en: `The supplement to dossier ${c.code} has been received.`,
  }),
  requestPayment: (c) => ({
    vi: `Hồ sơ ${c.code} đang chờ thực hiện nghĩa vụ tài chính.`,
    en: `Dossier ${c.code} awaits payment of the financial obligation.`,
  }),
  resolve: (c) => ({
    vi: `Hồ sơ ${c.code} đã có kết quả, mời ông/bà nhận kết quả.`,
    en: `The result of dossier ${c.code} is ready to be collected.`,
  }),
  extend: (c) => ({
    vi: `Cơ quan xin lỗi vì hồ sơ ${c.code} chậm; hẹn lại ngày trả kết quả ${at(c.dueAt)}.`,
    en: `The agency apologises for the delay of dossier ${c.code}; the new result date is ${at(c.dueAt)}.`,
  }),
  returnResult: (c) => ({
    vi: `Kết quả hồ sơ ${c.code} đã được trả.`,
    en: `The result of dossier ${c.code} has been returned.`,
  }),
  withdraw: (c) => ({ vi: `Hồ sơ ${c.code} đã được rút.`, en: `Dossier ${c.code} has been withdrawn.` }),
  stop: (c) => ({ vi: `Hồ sơ ${c.code} đã dừng xử lý.`, en: `Processing of dossier ${c.code} has stopped.` }),
  requestStop: (c) => ({
    vi: `Đề nghị dừng giải quyết hồ sơ ${c.code} đã được ghi nhận và đang chờ cán bộ xác nhận.`,
    en: `The request to stop processing dossier ${c.code} was recorded and awaits an officer's confirmation.`,
  }),
  confirmStop: (c) => ({
    vi: `Hồ sơ ${c.code} đã dừng giải quyết theo đề nghị của ông/bà. Vui lòng xem thông báo dừng giải quyết (mẫu 05).`,
    en: `Processing of dossier ${c.code} stopped at your request. Please see the notice (form 05).`,
  }),
  succeedAgency: (c) => ({
    vi: `Do sắp xếp, sáp nhập cơ quan, hồ sơ ${c.code} được chuyển cho cơ quan kế thừa tiếp tục giải quyết; mã hồ sơ và hạn trả kết quả không thay đổi.`,
    en: `After a merger of agencies, dossier ${c.code} has moved to the successor agency, which carries on; its code and due date do not change.`,
  }),
  closeUnsupplemented: (c) => ({
    vi: `Hồ sơ ${c.code} đã bị đóng vì không được bổ sung trong thời hạn.`,
    en: `Dossier ${c.code} was closed because the supplement did not arrive in time.`,
  }),
  onlineIntake: (c) => ({
    vi: `Hồ sơ trực tuyến ${c.code} vừa được nộp: tiếp nhận hoặc yêu cầu bổ sung trước ${at(c.dueAt)}.`,
    en: `Online dossier ${c.code} was just filed: accept it or ask for corrections before ${at(c.dueAt)}.`,
  }),
  intakeUnseen: (c) => ({
    vi: `Hồ sơ trực tuyến ${c.code} đã chờ hơn 2 giờ mà chưa được xử lý; hạn tiếp nhận ${at(c.dueAt)}.`,
    en: `Online dossier ${c.code} has waited more than 2 hours untouched; it must be taken up by ${at(c.dueAt)}.`,
  }),
  intakeOverdue: (c) => ({
    vi: `Hồ sơ trực tuyến ${c.code} đã quá 8 giờ làm việc mà chưa được tiếp nhận hoặc trả lại (hạn ${at(c.dueAt)}).`,
    en: `Online dossier ${c.code} was neither accepted nor returned within 8 working hours (due ${at(c.dueAt)}).`,
  }),
  dueSoon: (c) => ({
    vi: `Hồ sơ ${c.code} sắp đến hạn (${at(c.dueAt)}). Hôm nay là ngày cuối để gửi phiếu xin lỗi và hẹn lại ngày trả kết quả nếu cần.`,
    en: `Dossier ${c.code} is due soon (${at(c.dueAt)}). Today is the last day to send an apology with a new date if needed.`,
  }),
  overdue: (c) => ({
    vi: `Hồ sơ ${c.code} đã quá hạn ${c.overdueWorkingDays ?? 0} ngày làm việc (hạn ${at(c.dueAt)}); cảnh báo cấp ${c.level ?? 1}.`,
    en: `Dossier ${c.code} is ${c.overdueWorkingDays ?? 0} working days overdue (due ${at(c.dueAt)}); escalation level ${c.level ?? 1}.`,
  }),
};

export function renderMessage(eventType: string, context: TemplateContext, brand?: MessageBrand): Message {
  const body = (TEMPLATES[eventType] ?? fallback(eventType))(context);
  const lookup = brand?.publicOrigin ? `${brand.publicOrigin}/tra-cuu/${encodeURIComponent(context.code)}` : undefined;
  const footer: Bilingual | undefined =
    lookup || brand?.hotline
      ? {
          vi: [lookup && `Tra cứu hồ sơ: ${lookup}`, brand?.hotline && `Đường dây nóng: ${brand.hotline}`].filter(Boolean).join('\n'),
          en: [lookup && `Look the dossier up: ${lookup}`, brand?.hotline && `Hotline: ${brand.hotline}`].filter(Boolean).join('\n'),
        }
      : undefined;
  return {
    subject: brand
      ? { vi: `[Một cửa ${brand.provinceName.vi}] Hồ sơ ${context.code}`, en: `[One-stop, ${brand.provinceName.en}] Dossier ${context.code}` }
      : { vi: `[Một cửa] Hồ sơ ${context.code}`, en: `[One-stop] Dossier ${context.code}` },
    body,
    ...(footer ? { footer } : {}),
  };
}

/**
 * The first message to a contact nobody has confirmed: the link to confirm it, and what happens if the
 * reader did not file the dossier (nothing more comes). Short, because an SMS carries it too.
 */
export function withConfirmation(message: Message, kind: 'email' | 'phone', link: string): Message {
  const channel = kind === 'email' ? { vi: 'thư điện tử', en: 'email' } : { vi: 'tin nhắn', en: 'text message' };
  return {
    ...message, // the subject and the branding footer stay
    body: {
      vi: `${message.body.vi} Để tiếp tục nhận thông báo về hồ sơ này qua ${channel.vi}, mở ${link} và bấm Xác nhận. Nếu bạn không nộp hồ sơ này, hãy bỏ qua: bạn sẽ không nhận thêm thông báo nào.`,
      en: `${message.body.en} To keep receiving notices about this dossier by ${channel.en}, open ${link} and press Confirm. If you did not file this dossier, ignore this: you will receive no more notices.`,
    },
  };
}

const fallback =
  (eventType: string): Template =>
  (c) => ({ vi: `Hồ sơ ${c.code} có cập nhật (${eventType}).`, en: `Dossier ${c.code} has an update (${eventType}).` });

/** Email text: Vietnamese, then English. */
export function emailText(message: Message): string {
  const footer = message.footer ? `\n--\n${message.footer.vi}\n${message.footer.en}\n` : '';
  return `${message.body.vi}\n\n${message.body.en}\n${footer}`;
}

/** SMS is short: Vietnamese only. */
export const smsText = (message: Message) => message.body.vi;
