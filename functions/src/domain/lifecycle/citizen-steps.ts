// What a citizen reads in their dossier's timeline: each action in plain words from the applicant's side
// ("Hồ sơ đã được tiếp nhận"), not the officer's button ("Xác nhận nhận hồ sơ chuyển đến"). Actions that are
// the agencies' own housekeeping (assigning a handler, acknowledging a hand-over, answering another
// agency) are null: the citizen's page leaves them out, since they change nothing the citizen must know or do.
// Plain data (no zod) so the citizen's pages can import it through the contract.
import type { Bilingual } from '../shared/bilingual.js';
import type { ACTION_LABEL_TEXT } from './action-labels.js';

export const CITIZEN_STEP_TEXT = {
  submit: { vi: 'Bạn đã nộp hồ sơ trực tuyến', en: 'You applied online' },
  intake: { vi: 'Hồ sơ được nộp tại Bộ phận Một cửa', en: 'Application handed in at the one-stop desk' },
  receive: { vi: 'Hồ sơ đã được tiếp nhận', en: 'Your dossier was accepted' },
  refuseAtReception: { vi: 'Hồ sơ không được tiếp nhận', en: 'Your dossier was not accepted' },
  requestSupplement: { vi: 'Cơ quan đề nghị bạn bổ sung giấy tờ', en: 'The agency asked you for more documents' },
  submitSupplement: { vi: 'Bạn đã gửi giấy tờ bổ sung', en: 'You sent the missing documents' },
  assign: { vi: 'Cán bộ bắt đầu giải quyết hồ sơ', en: 'An officer started on your dossier' },
  transfer: { vi: 'Hồ sơ được chuyển đến cơ quan giải quyết', en: 'Your dossier went to the agency that decides it' },
  acknowledgeTransfer: null,
  requestOpinion: { vi: 'Cơ quan hỏi ý kiến cơ quan liên quan', en: 'The agency consulted another agency' },
  provideOpinion: null,
  requestPayment: { vi: 'Cơ quan thông báo số tiền phí, lệ phí cần nộp', en: 'The agency told you the fee to pay' },
  confirmPayment: { vi: 'Đã nhận tiền phí, lệ phí', en: 'Your fee payment was received' },
  resolve: { vi: 'Hồ sơ đã có kết quả giải quyết', en: 'A decision was made on your dossier' },
  extend: { vi: 'Cơ quan xin lỗi và hẹn lại ngày trả kết quả', en: 'The agency apologised and set a new date' },
  returnResult: { vi: 'Đã trả kết quả cho bạn', en: 'The result was handed to you' },
  withdraw: { vi: 'Hồ sơ đã được rút', en: 'The application was withdrawn' },
  stop: { vi: 'Cơ quan dừng giải quyết hồ sơ', en: 'The agency stopped processing your dossier' },
  requestStop: { vi: 'Bạn đề nghị dừng giải quyết hồ sơ', en: 'You asked to stop processing' },
  confirmStop: { vi: 'Đã dừng giải quyết hồ sơ theo đề nghị của bạn', en: 'Processing stopped as you asked' },
  closeUnsupplemented: { vi: 'Hồ sơ bị đóng vì chưa bổ sung đúng hạn', en: 'Closed: the documents asked for did not arrive in time' },
  succeedAgency: { vi: 'Hồ sơ được chuyển cho cơ quan tiếp quản (sắp xếp, sáp nhập)', en: 'Your dossier moved to the successor agency (merger)' },
} as const satisfies Record<keyof typeof ACTION_LABEL_TEXT, Bilingual | null>;

export type CitizenStepAction = keyof typeof CITIZEN_STEP_TEXT;

/**
 * The timeline a citizen sees: internal actions dropped, and a step repeated right after itself (two
 * transfers in a row, say) shown once, with the time of the first.
 */
export function citizenTimeline<E extends { type: string }>(events: readonly E[]): { event: E; text: Bilingual }[] {
  const out: { event: E; text: Bilingual }[] = [];
  for (const event of events) {
    const text = (CITIZEN_STEP_TEXT as Record<string, Bilingual | null | undefined>)[event.type];
    if (!text) continue;
    if (out.length > 0 && out[out.length - 1]!.text === text) continue;
    out.push({ event, text });
  }
  return out;
}
