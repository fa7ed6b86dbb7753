// The Decree 118 Art. 33.1 criteria as plain data (no zod), for the pages.
import type { Bilingual } from '../shared/bilingual.js';

export const RATING_CRITERIA = ['legalTime', 'agenciesContacted', 'contacts', 'publishedInfo', 'staffAttitude', 'lawfulResult', 'feedbackAnswers', 'onlineService'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

export const RATING_CRITERIA_LABELS = {
  legalTime: { vi: 'Thời gian giải quyết so với quy định', en: 'Time taken against the legal time' },
  agenciesContacted: { vi: 'Số cơ quan phải liên hệ', en: 'Number of agencies contacted' },
  contacts: { vi: 'Số lần phải liên hệ', en: 'Number of contacts needed' },
  publishedInfo: { vi: 'Thông tin công khai về thủ tục chính xác', en: 'Accuracy of the published information' },
  staffAttitude: { vi: 'Thái độ của cán bộ', en: 'Staff attitude' },
  lawfulResult: { vi: 'Kết quả và chi phí đúng quy định', en: 'Lawfulness of the result and costs' },
  feedbackAnswers: { vi: 'Thời gian, chất lượng trả lời phản ánh', en: 'Time and quality of answers to feedback' },
  onlineService: { vi: 'Chất lượng dịch vụ công trực tuyến', en: 'Quality of the online service' },
} as const satisfies Record<RatingCriterion, Bilingual>;
