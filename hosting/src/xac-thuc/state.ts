// What the address says: a verification code or a SHA-256 after /xac-thuc/ — what the QR code printed on
// an electronic result carries — or nothing (the page then only offers the upload).
const raw = decodeURIComponent(location.pathname.replace(/^\/xac-thuc\/?/, '').replace(/\/$/, ''));

/** The reference in the path, if it looks like one (12-character code or 64-hex SHA-256). */
export const refInPath: string | null = /^(?:[0-9a-fA-F]{64}|[A-HJ-NP-Z2-9]{12})$/.test(raw) ? raw : null;

export const MAX_BYTES = 10 * 1024 * 1024;

/** Why the chosen file cannot be checked, or undefined. */
export function fileProblem(file: File | undefined): { vi: string; en: string } | undefined {
  if (!file) return { vi: 'Vui lòng chọn một tệp PDF.', en: 'Please choose a PDF file.' };
  if (file.size === 0) return { vi: 'Tệp rỗng.', en: 'The file is empty.' };
  if (file.size > MAX_BYTES) return { vi: 'Tệp lớn hơn 10 MB.', en: 'The file is larger than 10 MB.' };
  if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) return { vi: 'Chỉ kiểm tra được tệp PDF.', en: 'Only PDF files can be checked.' };
  return undefined;
}
