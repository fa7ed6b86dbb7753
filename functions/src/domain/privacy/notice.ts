// The privacy notice (thông báo xử lý dữ liệu cá nhân) shown at first sign-in and in the apply wizard, and
// the purposes for which consent is the legal basis. Law 91/2025/QH15 and Decree 356/2025/NĐ-CP (in force
// 01/01/2026): a notice at collection says what is collected, why, how long it is kept and who receives
// it, with the legal basis; where consent is the basis it is explicit (no pre-ticked box), provable
// (stored with the notice version and the time) and withdrawn as easily as given. Zod-free: pages show it.
import type { Bilingual } from '../shared/bilingual.js';

/** Bumped whenever the text below changes in substance: consents record the version they were given under. */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

export type NoticeSection = { id: string; title: Bilingual; body: Bilingual };

export const PRIVACY_NOTICE: { version: string; controller: Bilingual; sections: readonly NoticeSection[] } = {
  version: PRIVACY_NOTICE_VERSION,
  controller: { vi: 'Ủy ban nhân dân tỉnh Bình An (Trung tâm Phục vụ hành chính công tỉnh)', en: 'Bình An Provincial People’s Committee (the provincial Public Administration Service Centre)' },
  sections: [
    {
      id: 'what',
      title: { vi: 'Dữ liệu thu thập', en: 'What we collect' },
      body: {
        vi: 'Họ tên, số định danh cá nhân hoặc giấy tờ tùy thân, ngày sinh, số điện thoại, email, địa chỉ đến cấp xã; với tổ chức: tên, mã số thuế, địa chỉ trụ sở, người đại diện; giấy tờ trong hồ sơ (có thể gồm ảnh căn cước — dữ liệu cá nhân nhạy cảm); nhật ký truy cập tệp.',
        en: 'Name, personal identification number or identity document, date of birth, phone, email, address down to the commune; for organisations: name, tax code, registered address, representative; the documents in a dossier (which may include ID-card images — sensitive personal data); a log of who opened your files.',
      },
    },
    {
      id: 'why',
      title: { vi: 'Mục đích và căn cứ pháp lý', en: 'Why, and on what legal basis' },
      body: {
        vi: 'Tiếp nhận và giải quyết thủ tục hành chính, trả kết quả và thông báo tiến độ: theo nghĩa vụ pháp lý (Nghị định 118/2025/NĐ-CP), không cần sự đồng ý. Lưu hồ sơ cá nhân để điền sẵn và liên hệ khảo sát mức độ hài lòng: chỉ khi bạn đồng ý, và bạn có thể rút lại bất cứ lúc nào.',
        en: 'Receiving and deciding administrative procedures, returning results and reporting progress: a legal obligation (Decree 118/2025/NĐ-CP), no consent needed. Keeping a profile to pre-fill applications and contacting you for satisfaction surveys: only with your consent, which you may withdraw at any time.',
      },
    },
    {
      id: 'how-long',
      title: { vi: 'Thời gian lưu trữ', en: 'How long it is kept' },
      body: {
        vi: 'Hồ sơ thủ tục hành chính: theo thời hạn lưu trữ của pháp luật về lưu trữ. Hồ sơ nháp: 90 ngày kể từ lần sửa cuối. Tệp tải lên nhưng không nộp: 7 ngày. Thông báo: 1 năm. Nhật ký truy cập tệp nhạy cảm: 5 năm. Hồ sơ cá nhân: đến khi bạn rút lại sự đồng ý hoặc xóa tài khoản.',
        en: 'Dossiers: as long as archiving law requires. Drafts: 90 days after the last change. Files uploaded but never submitted: 7 days. Notifications: 1 year. The access log of sensitive files: 5 years. Your profile: until you withdraw consent or delete the account.',
      },
    },
    {
      id: 'who',
      title: { vi: 'Ai nhận dữ liệu', en: 'Who receives it' },
      body: {
        vi: 'Cán bộ của cơ quan tiếp nhận và cơ quan có thẩm quyền giải quyết hồ sơ; Cổng Dịch vụ công quốc gia (đồng bộ trạng thái hồ sơ); nhà cung cấp dịch vụ gửi tin nhắn, thư điện tử (chỉ nội dung thông báo). Không chuyển cho bên nào khác.',
        en: 'Officers of the agency that receives and the agency that decides your dossier; the National Public Service Portal (status sync); the providers that deliver text messages and email (the notification text only). No one else.',
      },
    },
    {
      id: 'rights',
      title: { vi: 'Quyền của bạn', en: 'Your rights' },
      body: {
        vi: 'Tại trang Hồ sơ của tôi, bạn tải về toàn bộ dữ liệu của mình, yêu cầu chỉnh sửa hoặc xóa. Cơ quan trả lời trong 2 ngày làm việc và hoàn thành trong 15 ngày (có thể gia hạn một lần 15 ngày). Hồ sơ thủ tục đã nộp được giữ theo nghĩa vụ lưu trữ.',
        en: 'On My dossiers you can download all your data and ask for a correction or deletion. We reply within 2 working days and finish within 15 days (one 15-day extension is possible). Dossiers already filed are kept as archiving duties require.',
      },
    },
  ],
};

/** Purposes whose legal basis is consent: each is given and withdrawn on its own, never pre-ticked. */
export const CONSENT_PURPOSES = ['profile', 'satisfactionSurvey'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_PURPOSE_TEXT: Record<ConsentPurpose, { label: Bilingual; effectOfWithdrawal: Bilingual }> = {
  profile: {
    label: { vi: 'Lưu hồ sơ cá nhân (họ tên, số định danh, điện thoại, địa chỉ) để điền sẵn khi nộp hồ sơ', en: 'Keep my profile (name, ID number, phone, address) to pre-fill my applications' },
    effectOfWithdrawal: { vi: 'Hồ sơ cá nhân đã lưu bị xóa ngay.', en: 'The saved profile is erased at once.' },
  },
  satisfactionSurvey: {
    label: { vi: 'Liên hệ tôi để khảo sát mức độ hài lòng', en: 'Contact me for satisfaction surveys' },
    effectOfWithdrawal: { vi: 'Bạn không nhận thêm lời mời khảo sát.', en: 'You receive no more survey invitations.' },
  },
};

export function isConsentPurpose(value: string): value is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(value);
}
