// Reads a multipart/form-data body that is already in memory (Cloud Functions buffers it in
// `rawBody`). Every way the body can be wrong becomes an ApiError; busboy never throws past here.
import busboy from 'busboy';
import { ApiError } from '../../platform/api-error.js';

export type MultipartFile = { fieldName: string; fileName: string; declaredType: string; bytes: Buffer };
export type MultipartForm = { files: MultipartFile[]; fields: { name: string; value: string }[] };
export type MultipartLimits = { maxFileBytes: number; maxFiles: number; maxFields: number; maxFieldBytes: number };

export function malformedMultipart(): ApiError {
  return new ApiError('invalid-argument', {
    vi: 'Dữ liệu tải lên không đúng định dạng multipart/form-data.',
    en: 'The upload is not well-formed multipart/form-data.',
  });
}

export function fileTooLarge(maxFileBytes: number): ApiError {
  const mb = maxFileBytes / (1024 * 1024);
  return new ApiError(
    'payload-too-large',
    { vi: `Mỗi tệp tối đa ${mb} MB.`, en: `Each file may be at most ${mb} MB.` },
    [{ path: 'file', message: { vi: `Tệp vượt quá ${mb} MB`, en: `the file exceeds ${mb} MB` } }],
    { maxBytes: maxFileBytes },
  );
}

function tooManyParts(limits: MultipartLimits): ApiError {
  return new ApiError(
    'invalid-argument',
    {
      vi: `Mỗi lần tải lên tối đa ${limits.maxFiles} tệp và ${limits.maxFields} trường.`,
      en: `At most ${limits.maxFiles} files and ${limits.maxFields} fields per upload.`,
    },
    [],
  );
}

export function isMultipartFormData(contentType: string | undefined): contentType is string {
  return contentType !== undefined && /^multipart\/form-data\s*;/iu.test(contentType);
}

export function parseMultipart(rawBody: Buffer, contentType: string, limits: MultipartLimits): Promise<MultipartForm> {
  return new Promise((resolvePromise, rejectPromise) => {
    let settled = false;
    const fail = (err: ApiError) => {
      if (settled) return;
      settled = true;
      rejectPromise(err);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        // Browsers send UTF-8 file names; busboy's default would read Vietnamese names as Latin-1.
        defParamCharset: 'utf8',
        limits: {
          // busboy signals `limit` on reaching the size, so one byte more means "over the limit".
          fileSize: limits.maxFileBytes + 1,
          files: limits.maxFiles,
          fields: limits.maxFields,
          fieldSize: limits.maxFieldBytes,
          parts: limits.maxFiles + limits.maxFields,
          headerPairs: 20,
        },
      });
    } catch {
      fail(malformedMultipart()); // no or bad boundary
      return;
    }
    const files: MultipartFile[] = [];
    const fields: MultipartForm['fields'] = [];
    parser.on('file', (fieldName, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!settled) chunks.push(chunk);
      });
      // Beyond the limit busboy discards the rest of the part; the request is refused as a whole.
      stream.on('limit', () => {
        chunks.length = 0;
        fail(fileTooLarge(limits.maxFileBytes));
      });
      stream.on('end', () => {
        if (!settled) files.push({ fieldName, fileName: info.filename ?? '', declaredType: info.mimeType ?? '', bytes: Buffer.concat(chunks) });
      });
      stream.on('error', () => fail(malformedMultipart()));
    });
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) fail(tooManyParts(limits));
      else fields.push({ name, value });
    });
    for (const event of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) parser.on(event, () => fail(tooManyParts(limits)));
    parser.on('error', () => fail(malformedMultipart()));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolvePromise({ files, fields });
    });
    parser.end(rawBody);
  });
}
