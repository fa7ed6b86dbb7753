// What each dossier action is called, as plain data (no zod) for the web pages' timelines; actions.ts
// checks that every action type has its label.
import type { Bilingual } from '../shared/bilingual.js';

export const ACTION_LABEL_TEXT = {
  submit: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submit online' },
  intake: { vi: 'Nhập hồ sơ nộp trực tiếp/bưu chính', en: 'Record a desk or postal application' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  refuseAtReception: { vi: 'Từ chối tiếp nhận', en: 'Refuse at reception' },
  requestSupplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  submitSupplement: { vi: 'Nộp bổ sung hồ sơ', en: 'Submit the supplement' },
  assign: { vi: 'Phân công thụ lý', en: 'Assign a handler' },
  transfer: { vi: 'Chuyển xử lý', en: 'Transfer to another agency' },
  acknowledgeTransfer: { vi: 'Xác nhận nhận hồ sơ chuyển đến', en: 'Acknowledge the transfer' },
  requestOpinion: { vi: 'Xin ý kiến cơ quan khác', en: 'Request another agency’s opinion' },
  provideOpinion: { vi: 'Trả lời xin ý kiến', en: 'Give an opinion' },
  requestPayment: { vi: 'Thông báo nghĩa vụ tài chính', en: 'Request payment of a financial obligation' },
  confirmPayment: { vi: 'Xác nhận đã nộp nghĩa vụ tài chính', en: 'Confirm payment' },
  resolve: { vi: 'Giải quyết (phê duyệt hoặc từ chối)', en: 'Resolve (approve or deny)' },
  extend: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apologise and set a new date' },
  returnResult: { vi: 'Trả kết quả', en: 'Return the result' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing' },
  requestStop: { vi: 'Đề nghị dừng giải quyết hồ sơ', en: 'Ask to stop processing' },
  confirmStop: { vi: 'Xác nhận dừng giải quyết hồ sơ', en: 'Confirm the stop' },
  closeUnsupplemented: { vi: 'Đóng hồ sơ do không bổ sung đúng hạn', en: 'Close: supplement not received in time' },
  succeedAgency: { vi: 'Chuyển cho cơ quan kế thừa (sắp xếp, sáp nhập)', en: 'Moved to the successor agency (merger)' },
} as const satisfies Record<string, Bilingual>;
