// The zod-free facts of data subject requests that pages show: kinds, statuses, limits, what deletion
// keeps. The deadlines and state machine are in data-request.ts.
export const DATA_REQUEST_KINDS = ['correction', 'deletion'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

export const DATA_REQUEST_STATUSES = ['open', 'replied', 'completed', 'refused'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

export const DATA_REQUEST_ACTIONS = ['reply', 'extend', 'complete', 'refuse'] as const;
export type DataRequestAction = (typeof DATA_REQUEST_ACTIONS)[number];

export const DATA_REQUEST_LIMITS = { replyWorkingDays: 2, completeCalendarDays: 15, extensionCalendarDays: 15, maxExtensions: 1 } as const;

/** What deletion keeps and what it erases: shown to the requester before and after (archiving duties). */
export const DELETION_SCOPE = {
  erased: {
    vi: 'Tài khoản đăng nhập, hồ sơ cá nhân, các sự đồng ý, hồ sơ nháp, tệp chưa nộp, thông báo và lựa chọn nhận thông báo.',
    en: 'The sign-in account, the profile, consents, drafts, files never submitted, notifications and notification choices.',
  },
  kept: {
    vi: 'Các hồ sơ thủ tục hành chính đã nộp (kể cả giấy tờ đính kèm, phiếu và quá trình xử lý) được giữ theo thời hạn của pháp luật về lưu trữ; nhật ký truy cập tệp nhạy cảm được giữ để chứng minh việc bảo vệ dữ liệu.',
    en: 'Dossiers already filed (with their documents, slips and history) are kept for the period archiving law requires; the access log of sensitive files is kept as proof of protection.',
  },
} as const;
