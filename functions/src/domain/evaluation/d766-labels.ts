// Decision 766/QĐ-TTg (real-time service index, 100 points): its groups and sub-indicators as plain data
// (no zod), so the leaders' page can name them without the evaluation code. Points, targets and the
// formulas' parameters are defaults an administrator corrects (`evaluationSettings/current`, settings.ts).
import type { Bilingual } from '../shared/bilingual.js';

/** The five legal groups; the national portal splits online services into services (12) and payment (10). */
export const D766_GROUPS = ['transparency', 'progress', 'digitisation', 'onlineServices', 'onlinePayment', 'satisfaction'] as const;
export type D766Group = (typeof D766_GROUPS)[number];

export const D766_GROUP_LABELS = {
  transparency: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  progress: { vi: 'Tiến độ giải quyết', en: 'Progress and results' },
  digitisation: { vi: 'Số hóa hồ sơ', en: 'Digitisation' },
  onlineServices: { vi: 'Dịch vụ công trực tuyến', en: 'Online services' },
  onlinePayment: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
} as const satisfies Record<D766Group, Bilingual>;

export const D766_SUB_INDICATORS = [
  '1.1', '1.2', '1.3', '1.4',
  '2.1', '2.2',
  '3.1', '3.2', '3.3', '3.5', '3.6',
  '4.1', '4.2', '4.3', '4.4', '4.5', '4.6',
  '5.2', '5.3', '5.4',
] as const;
export type D766SubIndicator = (typeof D766_SUB_INDICATORS)[number];

export type D766SubIndicatorInfo = {
  readonly group: D766Group;
  readonly label: Bilingual;
  /** What the rate is, in words (numerator ÷ denominator). */
  readonly formula: Bilingual;
};

export const D766_SUB_INDICATOR_INFO = {
  '1.1': { group: 'transparency', label: { vi: 'Công bố, công khai TTHC đúng hạn', en: 'Procedures announced on time' }, formula: { vi: 'TTHC công bố đúng hạn ÷ TTHC phải công bố', en: 'procedures announced on time ÷ procedures to announce' } },
  '1.2': { group: 'transparency', label: { vi: 'Công khai trên CSDL quốc gia về TTHC đúng hạn', en: 'Published on the national database on time' }, formula: { vi: 'TTHC công khai đúng hạn ÷ TTHC phải công khai', en: 'procedures published on time ÷ procedures to publish' } },
  '1.3': { group: 'transparency', label: { vi: 'TTHC công khai đầy đủ thành phần', en: 'Procedures published with all components' }, formula: { vi: 'TTHC công khai đủ ÷ TTHC', en: 'fully published procedures ÷ procedures' } },
  '1.4': { group: 'transparency', label: { vi: 'Hồ sơ đồng bộ lên Cổng DVCQG', en: 'Dossiers synced to the national portal' }, formula: { vi: 'hồ sơ đã đồng bộ ÷ hồ sơ tiếp nhận', en: 'dossiers synced ÷ dossiers received' } },
  '2.1': { group: 'progress', label: { vi: 'Hồ sơ giải quyết trước hạn, đúng hạn', en: 'Dossiers finished early or on time' }, formula: { vi: 'hồ sơ kết thúc trước hạn, đúng hạn ÷ hồ sơ kết thúc (kết thúc = giải quyết > trả kết quả > dừng, từ chối; trừ thời gian bổ sung; bổ sung quá 1 lần là trễ hạn)', en: 'dossiers finished early or on time ÷ dossiers finished (end = resolved > returned > stopped/refused; supplement time subtracted; more than one supplement request is late)' } },
  '2.2': { group: 'progress', label: { vi: 'Thời gian giải quyết trung bình so với quy định', en: 'Average time used against the legal time' }, formula: { vi: '1 ÷ (thời gian làm việc đã dùng ÷ thời gian cho phép, trung bình)', en: '1 ÷ (average of working time used ÷ working time allowed)' } },
  '3.1': { group: 'onlineServices', label: { vi: 'TTHC cung cấp dịch vụ công trực tuyến', en: 'Procedures offered online' }, formula: { vi: 'TTHC có DVC trực tuyến ÷ TTHC', en: 'procedures offered online ÷ procedures' } },
  '3.2': { group: 'onlineServices', label: { vi: 'DVC trực tuyến có phát sinh hồ sơ', en: 'Online services with dossiers' }, formula: { vi: 'DVC trực tuyến có hồ sơ nộp trực tuyến ÷ DVC trực tuyến', en: 'online services with an online dossier ÷ online services' } },
  '3.3': { group: 'onlineServices', label: { vi: 'Hồ sơ nộp trực tuyến', en: 'Dossiers filed online' }, formula: { vi: 'hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận', en: 'dossiers received online ÷ dossiers received' } },
  '3.5': { group: 'onlinePayment', label: { vi: 'TTHC có phí được thanh toán trực tuyến', en: 'Fee-bearing procedures payable online' }, formula: { vi: 'TTHC có thanh toán trực tuyến ÷ TTHC có phí', en: 'procedures payable online ÷ fee-bearing procedures' } },
  '3.6': { group: 'onlinePayment', label: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' }, formula: { vi: 'hồ sơ thanh toán trực tuyến ÷ hồ sơ có phí', en: 'dossiers paid online ÷ fee-bearing dossiers' } },
  '4.1': { group: 'digitisation', label: { vi: 'Cấp kết quả điện tử', en: 'Electronic results issued' }, formula: { vi: 'hồ sơ trả kết quả trực tuyến ÷ hồ sơ trả kết quả', en: 'results returned online ÷ results returned' } },
  '4.2': { group: 'digitisation', label: { vi: 'Hồ sơ được số hóa', en: 'Dossiers digitised' }, formula: { vi: 'hồ sơ có tệp cho mọi thành phần khi tiếp nhận ÷ hồ sơ tiếp nhận', en: 'dossiers with a file for every component at reception ÷ dossiers received' } },
  '4.3': { group: 'digitisation', label: { vi: 'Tái sử dụng dữ liệu số hóa', en: 'Reuse of digitised data' }, formula: { vi: 'thành phần lấy lại từ kho ÷ thành phần', en: 'components reused from the store ÷ components' } },
  '4.4': { group: 'digitisation', label: { vi: 'Khai thác, đồng bộ kho dữ liệu cá nhân', en: 'Citizen data store used' }, formula: { vi: 'hồ sơ lấy từ / đẩy vào kho dữ liệu ÷ hồ sơ', en: 'dossiers taken from / pushed to the store ÷ dossiers' } },
  '4.5': { group: 'digitisation', label: { vi: 'Xác thực bằng VNeID', en: 'VNeID-authenticated use' }, formula: { vi: 'hồ sơ nộp bằng tài khoản VNeID ÷ hồ sơ trực tuyến', en: 'dossiers filed with VNeID ÷ online dossiers' } },
  '4.6': { group: 'digitisation', label: { vi: 'Chứng thực bản sao điện tử', en: 'Electronic certified copies' }, formula: { vi: 'bản sao chứng thực điện tử ÷ yêu cầu chứng thực', en: 'e-certified copies ÷ certification requests' } },
  '5.2': { group: 'satisfaction', label: { vi: 'Xử lý phản ánh, kiến nghị đúng hạn', en: 'Feedback handled on time' }, formula: { vi: 'phản ánh trả lời đúng hạn ÷ phản ánh đã trả lời', en: 'feedback answered on time ÷ feedback answered' } },
  '5.3': { group: 'satisfaction', label: { vi: 'Hài lòng với việc xử lý phản ánh', en: 'Satisfied with feedback handling' }, formula: { vi: 'người gửi hài lòng ÷ người gửi đã đánh giá câu trả lời', en: 'senders satisfied ÷ senders who rated the answer' } },
  '5.4': { group: 'satisfaction', label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, formula: { vi: '100% − (% hồ sơ trễ hạn + % đánh giá không hài lòng hoặc phản ánh được xác minh)', en: '100% − (% late + % rated dissatisfied or with a verified complaint)' } },
} as const satisfies Record<D766SubIndicator, D766SubIndicatorInfo>;
