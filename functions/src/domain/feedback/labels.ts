// Feedback and petitions (phản ánh, kiến nghị) as plain data (no zod), so the pages can name categories,
// channels and states without the schemas.
import type { Bilingual } from '../shared/bilingual.js';

export const FEEDBACK_CATEGORIES = ['procedureRegulation', 'staffConduct', 'dossierDelay', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export const FEEDBACK_CATEGORY_LABELS = {
  procedureRegulation: { vi: 'Quy định thủ tục hành chính', en: 'Procedure regulation' },
  staffConduct: { vi: 'Thái độ, hành vi của cán bộ', en: 'Staff conduct' },
  dossierDelay: { vi: 'Hồ sơ chậm, trễ hạn', en: 'Dossier delay' },
  other: { vi: 'Nội dung khác', en: 'Other' },
} as const satisfies Record<FeedbackCategory, Bilingual>;

export const FEEDBACK_CHANNELS = ['online', 'hotline', 'paper'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const FEEDBACK_CHANNEL_LABELS = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  paper: { vi: 'Hòm thư góp ý (giấy)', en: 'Feedback box (paper)' },
} as const satisfies Record<FeedbackChannel, Bilingual>;

export const FEEDBACK_STATUSES = ['received', 'inProgress', 'awaitingInfo', 'refused', 'answered', 'published'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  inProgress: { vi: 'Đang xử lý', en: 'Being handled' },
  awaitingInfo: { vi: 'Chờ bổ sung thông tin', en: 'Awaiting more information' },
  refused: { vi: 'Không tiếp nhận xử lý', en: 'Not accepted' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã công khai câu trả lời', en: 'Answer published' },
} as const satisfies Record<FeedbackStatus, Bilingual>;

/** The deadlines the national index enforces (reported), in working days. */
export const FEEDBACK_DEADLINE_KINDS = ['refuse', 'askInfo', 'answer', 'publish'] as const;
export type FeedbackDeadlineKind = (typeof FEEDBACK_DEADLINE_KINDS)[number];
export const FEEDBACK_DEADLINE_LABELS = {
  refuse: { vi: 'Hạn từ chối tiếp nhận', en: 'Refuse by' },
  askInfo: { vi: 'Hạn đề nghị bổ sung thông tin', en: 'Ask for more by' },
  answer: { vi: 'Hạn trả lời', en: 'Answer by' },
  publish: { vi: 'Hạn công khai câu trả lời', en: 'Publish by' },
} as const satisfies Record<FeedbackDeadlineKind, Bilingual>;
