import { describe, expect, it } from 'vitest';
import { Attachment, MAX_ATTACHMENT_BYTES } from './attachment.js';
import { DossierComponents } from './component.js';

const file = {
  id: 'file-1',
  fileName: 'Đơn đăng ký.pdf',
  contentType: 'application/pdf',
  size: 1024,
  sha256: 'a'.repeat(64),
};

describe('Attachment', () => {
  it('accepts PDF, JPEG and PNG up to 10 MB', () => {
    for (const contentType of ['application/pdf', 'image/jpeg', 'image/png'])
      expect(Attachment.safeParse({ ...file, contentType }).success).toBe(true);
    expect(Attachment.safeParse({ ...file, size: MAX_ATTACHMENT_BYTES }).success).toBe(true);
  });

  it.each([
    ['a Word file', { contentType: 'application/msword' }],
    ['one byte over 10 MB', { size: MAX_ATTACHMENT_BYTES + 1 }],
    ['an empty file', { size: 0 }],
    ['an upper-case digest', { sha256: 'A'.repeat(64) }],
    ['a short digest', { sha256: 'a'.repeat(63) }],
    ['a path in the name', { fileName: '../etc/passwd' }],
    ['a control character in the name', { fileName: 'a\u0000.pdf' }],
    ['an extra field', { url: 'http://x' }],
  ])('refuses %s', (_label, patch) => {
    expect(Attachment.safeParse({ ...file, ...patch }).success).toBe(false);
  });

  it('caps a dossier at 50 MB and one entry per component', () => {
    const big = (i: number) => ({ ...file, id: `f${i}`, size: MAX_ATTACHMENT_BYTES });
    const component = (id: string, n: number) => ({
      componentId: id,
      originals: 1,
      certifiedCopies: 0,
      copies: 0,
      attachments: Array.from({ length: n }, (_, i) => big(i)),
    });
    expect(DossierComponents.safeParse([component('a', 5)]).success).toBe(true);
    expect(DossierComponents.safeParse([component('a', 5), component('b', 1)]).success).toBe(false);
    expect(DossierComponents.safeParse([component('a', 1), component('a', 1)]).success).toBe(false);
  });
});
