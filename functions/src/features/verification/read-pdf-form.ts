// The one file of a verification request (multipart/form-data, field `file`), read with busboy within
// bounds, then described and checked with zod: exactly one part, named `file`, no other field, 1 byte to
// 10 MB, starting like a PDF. Every way it can be wrong is a 4xx with a bilingual message.
import busboy from 'busboy';
import { z } from 'zod';
import { bi, MAX_ATTACHMENT_BYTES } from '../../domain/index.js';
import { ApiError, invalidInput } from '../../platform/api-error.js';

export const MAX_VERIFY_BYTES = MAX_ATTACHMENT_BYTES;

const malformed = () =>
  new ApiError('invalid-argument', { vi: 'Dữ liệu gửi lên không đúng định dạng multipart/form-data.', en: 'The request is not well-formed multipart/form-data.' }, [
    { path: 'file', message: { vi: 'Gửi đúng một tệp PDF trong trường "file"', en: 'send exactly one PDF in the field "file"' } },
  ]);

const tooLarge = () => {
  const mb = MAX_VERIFY_BYTES / (1024 * 1024);
  return new ApiError('payload-too-large', { vi: `Tệp tối đa ${mb} MB.`, en: `The file may be at most ${mb} MB.` }, [{ path: 'file', message: { vi: `Tệp vượt quá ${mb} MB`, en: `the file exceeds ${mb} MB` } }], { maxBytes: MAX_VERIFY_BYTES });
};

/** What was sent, as zod checks it (the bytes are kept aside). */
export const VerificationUpload = z.strictObject({
  fields: z.array(z.string()).max(0, bi('Chỉ gửi tệp, không gửi trường khác', 'send the file only, no other field')),
  files: z
    .array(
      z.strictObject({
        fieldName: z.literal('file', { error: bi('Tệp phải nằm trong trường "file"', 'the file goes in the field "file"') }),
        size: z.number().int().min(1, bi('Tệp rỗng', 'the file is empty')).max(MAX_VERIFY_BYTES, bi('Tệp vượt quá 10 MB', 'the file exceeds 10 MB')),
        startsLikePdf: z.literal(true, { error: bi('Chỉ kiểm tra được tệp PDF', 'only PDF files can be checked') }),
      }),
    )
    .length(1, bi('Gửi đúng một tệp PDF', 'send exactly one PDF file')),
});

export async function readPdfForm(rawBody: Buffer | undefined, contentType: string | undefined): Promise<Buffer> {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType) || !rawBody || rawBody.length === 0) throw malformed();
  const parts = await new Promise<{ fields: string[]; files: { fieldName: string; bytes: Buffer }[] }>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { fileSize: MAX_VERIFY_BYTES + 1, files: 2, fields: 2, parts: 3, fieldSize: 1024, headerPairs: 20 } });
    } catch {
      reject(malformed());
      return;
    }
    const fields: string[] = [];
    const files: { fieldName: string; bytes: Buffer }[] = [];
    let failed = false;
    parser.on('file', (fieldName, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failed = true;
        reject(tooLarge());
      });
      stream.on('end', () => files.push({ fieldName, bytes: Buffer.concat(chunks) }));
    });
    parser.on('field', (name) => fields.push(name));
    parser.on('error', () => reject(malformed()));
    parser.on('close', () => {
      if (!failed) resolve({ fields, files });
    });
    parser.end(rawBody);
  });
  const described = {
    fields: parts.fields,
    files: parts.files.map((f) => ({ fieldName: f.fieldName, size: f.bytes.length, startsLikePdf: f.bytes.subarray(0, 1024).includes('%PDF-') })),
  };
  const checked = VerificationUpload.safeParse(described);
  if (!checked.success) {
    if (described.files.some((f) => f.size > MAX_VERIFY_BYTES)) throw tooLarge();
    if (described.files.length === 1 && !described.files[0]!.startsLikePdf && described.files[0]!.size > 0) {
      const message = { vi: 'Chỉ kiểm tra được tệp PDF.', en: 'Only PDF files can be checked.' };
      throw new ApiError('unsupported-media-type', message, [{ path: 'file', message }], { accepted: ['application/pdf'] });
    }
    throw invalidInput(checked.error);
  }
  return parts.files[0]!.bytes;
}
