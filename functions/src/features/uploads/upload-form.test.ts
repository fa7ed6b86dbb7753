import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Attachment } from '../../domain/index.js';
import { ApiError } from '../../platform/api-error.js';
import { declarationAgrees, detectContentType, hasMarkupWhereSniffed, MAX_IMAGE_PIXELS, structureProblem } from './file-content.js';
import { contentDisposition, sanitiseFileName } from './file-name.js';
import { readUploadForm } from './upload.handler.js';
import { BOUNDARY, minimalJpeg, minimalPdf, minimalPng, MULTIPART_TYPE, multipartBody } from '../../../../test/fixtures/files.js';

const codeOf = async (promise: Promise<unknown>) => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return (err as ApiError).code;
};

describe('detectContentType', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(detectContentType(minimalPdf())).toBe('application/pdf');
    expect(detectContentType(minimalJpeg())).toBe('image/jpeg');
    expect(detectContentType(minimalPng())).toBe('image/png');
  });
  it.each([
    ['text', Buffer.from('hello, this is not a pdf')],
    ['a PDF signature not at the start', Buffer.from(' %PDF-1.4')],
    ['a truncated PNG signature', minimalPng().subarray(0, 7)],
    ['two JPEG bytes', Buffer.from([0xff, 0xd8])],
    ['empty', Buffer.alloc(0)],
    ['GIF', Buffer.from('GIF89a')],
  ])('refuses %s', (_, bytes) => {
    expect(detectContentType(bytes)).toBeUndefined();
  });
});

// Polyglots: right first bytes, wrong file. Each is refused by the parser or by the framing checks.
const html = Buffer.from('<html><body><script>fetch("/api/me")</script></body></html>\n');
const pdfText = minimalPdf().toString('latin1');
const withHtmlComment = (pad: number) =>
  Buffer.from(pdfText.replace('%PDF-1.4\n', `%PDF-1.4\n%${'x'.repeat(pad)}\n%<script>alert(1)</script>\n`), 'latin1');
/** A JPEG with a comment segment (COM) holding `text` right after SOI, where sniffers look. */
const jpegWithComment = (text: string) => {
  const body = Buffer.from(text, 'latin1');
  const header = Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([minimalJpeg().subarray(0, 2), header, body, minimalJpeg().subarray(2)]);
};

describe('structureProblem', () => {
  it('accepts the real thing: PDF, JPEG, PNG (and NUL padding after a PDF’s %%EOF)', async () => {
    expect(await structureProblem('application/pdf', minimalPdf())).toBeUndefined();
    expect(await structureProblem('application/pdf', Buffer.concat([minimalPdf(), Buffer.alloc(4096)]))).toBeUndefined();
    expect(await structureProblem('image/jpeg', minimalJpeg())).toBeUndefined();
    expect(await structureProblem('image/png', minimalPng())).toBeUndefined();
    expect(await structureProblem('image/jpeg', jpegWithComment('Scanned at the one-stop desk'))).toBeUndefined();
  });

  it.each([
    ['"%PDF-" followed by a web page', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), html]), 'foreign-content'],
    ['a valid PDF with a web page appended', 'application/pdf', Buffer.concat([minimalPdf(), Buffer.alloc(2048, 0x20), html]), 'trailing-data'],
    ['a valid PDF with HTML in a header comment past the sniff window', 'application/pdf', withHtmlComment(2000), 'foreign-content'],
    ['a valid PDF with text before its first object', 'application/pdf', Buffer.from(pdfText.replace('%PDF-1.4\n', '%PDF-1.4\nhello\n'), 'latin1'), 'foreign-content'],
    ['a truncated PDF', 'application/pdf', minimalPdf().subarray(0, 150), 'unreadable'],
    ['a PDF without pages', 'application/pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'), 'unreadable'],
    ['a PNG with a web page appended', 'image/png', Buffer.concat([minimalPng(), Buffer.alloc(2048, 0x20), html]), 'trailing-data'],
    ['a PNG with a web page right after it (where sniffers look)', 'image/png', Buffer.concat([minimalPng(), html]), 'foreign-content'],
    ['a PNG cut short', 'image/png', minimalPng().subarray(0, 40), 'trailing-data'],
    ['a PNG with a broken IDAT', 'image/png', Buffer.concat([minimalPng().subarray(0, 33), Buffer.from([0, 0, 0, 2, 0x49, 0x44, 0x41, 0x54, 1, 2, 0, 0, 0, 0]), minimalPng().subarray(-12)]), 'unreadable'],
    ['a JPEG with a web page in a comment', 'image/jpeg', jpegWithComment('<html><script>alert(1)</script></html>'), 'foreign-content'],
    ['a JPEG cut short', 'image/jpeg', minimalJpeg().subarray(0, minimalJpeg().length - 4), 'unreadable'],
    ['JPEG magic followed by text', 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('not an image at all')]), 'unreadable'],
  ] as const)('refuses %s', async (_, type, bytes, problem) => {
    expect(detectContentType(bytes)).toBe(type);
    expect(await structureProblem(type, bytes)).toBe(problem);
  });

  it('refuses images above the pixel limit from their header, before decoding them', async () => {
    const png = minimalPng();
    const ihdr = Buffer.from(png.subarray(8, 33));
    ihdr.writeUInt32BE(20_000, 8); // width
    ihdr.writeUInt32BE(MAX_IMAGE_PIXELS / 20_000 + 1, 12); // height
    const { crc32 } = await import('node:zlib');
    ihdr.writeUInt32BE(crc32(ihdr.subarray(4, 21)), 21);
    const huge = Buffer.concat([png.subarray(0, 8), ihdr, png.subarray(33)]);
    expect(await structureProblem('image/png', huge)).toBe('too-many-pixels');
  });

  it('never throws, whatever follows a right signature', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('application/pdf' as const, 'image/jpeg' as const, 'image/png' as const),
        fc.uint8Array({ maxLength: 600 }),
        async (type, tail) => {
          const head = { 'application/pdf': Buffer.from('%PDF-1.4\n'), 'image/jpeg': minimalJpeg().subarray(0, 3), 'image/png': minimalPng().subarray(0, 8) }[type];
          const problem = await structureProblem(type, Buffer.concat([head, Buffer.from(tail)]));
          expect(problem).toBeDefined();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('hasMarkupWhereSniffed', () => {
  it.each([
    ['<!DOCTYPE html>', true],
    ['<HTML>', true],
    ['<script src=x>', true],
    ['<svg/onload=alert(1)>', true],
    ['<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>', false],
    ['<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>', false],
    ['<< /Type /Catalog >>', false],
  ])('%j → %s', (text, found) => {
    expect(hasMarkupWhereSniffed(Buffer.from(text))).toBe(found);
  });
  it('looks only at the first KB', () => {
    expect(hasMarkupWhereSniffed(Buffer.concat([Buffer.alloc(1024, 0x20), Buffer.from('<html>')]))).toBe(false);
  });
});

describe('declarationAgrees', () => {
  it.each([
    ['application/pdf', 'a.pdf', true],
    ['application/octet-stream', 'a.PDF', true],
    ['', 'no-extension', true],
    ['application/pdf; charset=binary', 'a.pdf', true],
    ['image/png', 'a.pdf', false],
    ['application/pdf', 'a.png', false],
    ['text/plain', 'a.pdf', false],
    ['application/pdf', 'a.txt', false],
  ])('PDF declared %j named %j → %s', (declared, name, agrees) => {
    expect(declarationAgrees('application/pdf', declared, name)).toBe(agrees);
  });
  it('accepts the usual JPEG spellings', () => {
    expect(declarationAgrees('image/jpeg', 'image/jpg', 'ảnh.JPEG')).toBe(true);
    expect(declarationAgrees('image/jpeg', 'image/jpeg', 'anh.jpg')).toBe(true);
  });
});

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\an\\Giấy khai sinh.pdf', 'Giấy khai sinh.pdf'],
    ['..', 'tep-dinh-kem.pdf'],
    ['', 'tep-dinh-kem.pdf'],
    ['giay\u0000to\n\r.pdf', 'giayto.pdf'],
    ['hoa-don\u202Efdp.exe', 'hoa-donfdp.exe'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['scan', 'scan.pdf'],
    ['  spaced   name .pdf  ', 'spaced name .pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseFileName(raw, 'pdf')).toBe(expected);
  });
  it('normalises to NFC (a decomposed "ế" becomes one code point)', () => {
    expect(sanitiseFileName('Bie\u0302\u0301n.pdf', 'pdf')).toBe('Biến.pdf');
  });
  it('cuts long names to 255 keeping the extension and whole code points', () => {
    const name = sanitiseFileName(`${'😀'.repeat(200)}.pdf`, 'pdf');
    expect(name.length).toBeLessThanOrEqual(255);
    expect(name.endsWith('😀.pdf')).toBe(true);
  });
  it('always yields a name the domain Attachment accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = sanitiseFileName(raw, 'png');
        const parsed = Attachment.shape.fileName.safeParse(name);
        expect(parsed.success && parsed.data).toBe(name);
      }),
    );
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name, percent-encoded', () => {
    const header = contentDisposition('Đơn (bản 2).pdf');
    expect(header).toBe(`attachment; filename="Don (ban 2).pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%28b%E1%BA%A3n%202%29.pdf`);
    expect(decodeURIComponent(contentDisposition('a"b;c\'.pdf').split("''")[1]!)).toBe('a"b;c\'.pdf');
    expect(contentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
  });
});

describe('readUploadForm', () => {
  it('accepts several files with a draft id, hashing each', async () => {
    const pdf = minimalPdf();
    const body = multipartBody([
      { name: 'draftId', value: 'draft-123' },
      { name: 'file', fileName: 'Đơn.pdf', contentType: 'application/pdf', bytes: pdf },
      { name: 'file', fileName: 'ảnh.png', contentType: 'image/png', bytes: minimalPng() },
    ]);
    const form = await readUploadForm(body, MULTIPART_TYPE);
    expect(form.fields).toEqual({ draftId: 'draft-123' });
    expect(form.files.map((f) => [f.fileName, f.contentType])).toEqual([
      ['Đơn.pdf', 'application/pdf'],
      ['ảnh.png', 'image/png'],
    ]);
    expect(form.files[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(form.files[0]!.bytes.equals(pdf)).toBe(true);
  });

  it.each([
    ['a PNG declared as PDF', { contentType: 'application/pdf', fileName: 'x.pdf', bytes: minimalPng() }],
    ['text renamed .pdf', { contentType: 'application/pdf', fileName: 'x.pdf', bytes: Buffer.from('just text') }],
    ['a PDF named .png', { contentType: 'application/octet-stream', fileName: 'x.png', bytes: minimalPdf() }],
  ])('refuses %s with 415', async (_, file) => {
    expect(await codeOf(readUploadForm(multipartBody([{ name: 'file', ...file }]), MULTIPART_TYPE))).toBe('unsupported-media-type');
  });

  it.each([
    ['JSON content type', Buffer.from('{}'), 'application/json'],
    ['no content type', Buffer.from('x'), undefined],
    ['no boundary', Buffer.from('x'), 'multipart/form-data'],
    ['an empty body', Buffer.alloc(0), MULTIPART_TYPE],
    ['a body without parts', Buffer.from(`--${BOUNDARY}--\r\n`), MULTIPART_TYPE],
    ['a truncated body', multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: minimalPdf() }]).subarray(0, 120), MULTIPART_TYPE],
    ['an empty file', multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: Buffer.alloc(0) }]), MULTIPART_TYPE],
    ['a file under another field name', multipartBody([{ name: 'doc', fileName: 'a.pdf', bytes: minimalPdf() }]), MULTIPART_TYPE],
    ['only text fields', multipartBody([{ name: 'draftId', value: 'd1' }]), MULTIPART_TYPE],
    ['an unknown field', multipartBody([{ name: 'owner', value: 'x' }, { name: 'file', fileName: 'a.pdf', bytes: minimalPdf() }]), MULTIPART_TYPE],
    ['a bad draft id', multipartBody([{ name: 'draftId', value: '../x' }, { name: 'file', fileName: 'a.pdf', bytes: minimalPdf() }]), MULTIPART_TYPE],
    ['too many files', multipartBody(Array.from({ length: 11 }, () => ({ name: 'file', fileName: 'a.pdf', bytes: minimalPdf() }))), MULTIPART_TYPE],
  ])('refuses %s with 400', async (_, body, type) => {
    expect(await codeOf(readUploadForm(body, type))).toBe('invalid-argument');
  });

  it('refuses a file over 10 MB with 413, and accepts exactly 10 MB', async () => {
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024 - minimalPdf().length + 1)]);
    expect(await codeOf(readUploadForm(multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: big }]), MULTIPART_TYPE))).toBe(
      'payload-too-large',
    );
    const exact = big.subarray(0, 10 * 1024 * 1024);
    expect((await readUploadForm(multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: exact }]), MULTIPART_TYPE)).files[0]!.size).toBe(
      exact.length,
    );
  });

  it('refuses "%PDF-" followed by HTML with 415 and a message in both languages naming the file', async () => {
    const polyglot = Buffer.concat([Buffer.from('%PDF-1.4\n'), html]);
    const body = multipartBody([
      { name: 'file', fileName: 'ảnh.png', contentType: 'image/png', bytes: minimalPng() },
      { name: 'file', fileName: 'Đơn đề nghị.pdf', contentType: 'application/pdf', bytes: polyglot },
    ]);
    const err = await readUploadForm(body, MULTIPART_TYPE).then(
      () => undefined,
      (e: unknown) => e as ApiError,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err!.code).toBe('unsupported-media-type');
    expect(err!.bilingual.vi).toContain('Tệp "Đơn đề nghị.pdf" không phải là tệp PDF hợp lệ');
    expect(err!.bilingual.en).toContain('"Đơn đề nghị.pdf" is not a valid PDF file');
    expect(err!.fields).toEqual([{ path: 'file.1', message: err!.bilingual }]);
  });

  it('reads a Vietnamese file name sent as UTF-8 and neutralises a path in it', async () => {
    const body = multipartBody([{ name: 'file', fileName: '../../../Giấy tờ.pdf', bytes: minimalPdf() }]);
    expect((await readUploadForm(body, MULTIPART_TYPE)).files[0]!.fileName).toBe('Giấy tờ.pdf');
  });

  it('turns any garbage into an ApiError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(MULTIPART_TYPE, 'multipart/form-data; boundary=x'), async (bytes, type) => {
        const result = await readUploadForm(Buffer.from(bytes), type).then(
          () => 'accepted',
          (e: unknown) => e,
        );
        expect(result).toBeInstanceOf(ApiError);
      }),
      { numRuns: 300 },
    );
  });
});
