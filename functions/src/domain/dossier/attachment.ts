// A file attached to a dossier component. The service checks the type by content and hashes the bytes;
// the domain only states what an accepted file looks like.
import { z } from 'zod';
import { bi } from '../shared/bilingual.js';
import { EntityId, Instant, UserId } from '../shared/primitives.js';

/** 10 MiB per file and 50 MiB per dossier (a scanned land dossier fits; a video does not). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOSSIER_ATTACHMENT_BYTES = 50 * 1024 * 1024;

// Path separators or control characters would let a name escape its folder or break a download header.
// eslint-disable-next-line no-control-regex
const SAFE_FILE_NAME = /^[^/\\\u0000-\u001f]+$/u;

export const AttachmentContentType = z
  .enum(['application/pdf', 'image/jpeg', 'image/png'], {
    error: bi('Chỉ nhận tệp PDF, JPEG hoặc PNG', 'only PDF, JPEG or PNG files are accepted'),
  })
  .describe('Loại tệp / file type');
export type AttachmentContentType = z.infer<typeof AttachmentContentType>;

export const Attachment = z.strictObject({
  id: EntityId,
  fileName: z
    .string()
    .normalize('NFC')
    .trim()
    .min(1, bi('Thiếu tên tệp', 'file name is required'))
    .max(255, bi('Tên tệp tối đa 255 ký tự', 'file name is at most 255 characters'))
    .regex(
      SAFE_FILE_NAME,
      bi(
        'Tên tệp không được chứa / \\ hoặc ký tự điều khiển',
        'file name must not contain / \\ or control characters',
      ),
    )
    .describe('Tên tệp / file name'),
  contentType: AttachmentContentType,
  size: z
    .number()
    .int()
    .min(1, bi('Tệp rỗng', 'the file is empty'))
    .max(MAX_ATTACHMENT_BYTES, bi('Tệp vượt quá 10 MB', 'the file exceeds 10 MB'))
    .describe('Dung lượng (byte) / size in bytes'),
  sha256: z
    .string()
    .regex(
      /^[0-9a-f]{64}$/,
      bi('Mã băm SHA-256 gồm 64 ký tự hex thường', 'SHA-256 is 64 lower-case hex characters'),
    )
    .describe('Mã băm SHA-256 / SHA-256 digest'),
  /**
   * Who put the file in and when: the applicant online, or the desk officer who scanned a paper document
   * (Decree 118 Art. 17.1: every scan is signed with that officer's personal signature).
   */
  uploadedBy: UserId.optional().describe('Người tải lên hoặc số hóa / uploaded or scanned by'),
  uploadedAt: Instant.optional().describe('Thời điểm tải lên / uploaded at'),
  /** Set when the file answers a sensitive component (or is an authorisation): access is restricted and logged. */
  sensitive: z.boolean().optional().describe('Dữ liệu nhạy cảm / sensitive'),
  /** A supplement asked for this document again and a new file came: the old one is kept, marked so. */
  replacedAt: Instant.optional().describe('Đã được thay thế lúc / replaced at'),
});
export type Attachment = z.infer<typeof Attachment>;
