import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { bi, splitMessage } from './bilingual.js';
import { toFieldErrors } from './field-errors.js';

describe('toFieldErrors', () => {
  const Schema = z.strictObject({
    name: z.string().min(2, bi('Tên quá ngắn', 'name too short')),
    age: z.number().int().max(150),
    tags: z.array(z.string()).min(1),
    kind: z.enum(['a', 'b']),
    nested: z.strictObject({ when: z.string().regex(/^\d{4}$/) }),
  });

  it('splits our "vi / en" messages and translates zod’s own', () => {
    const result = Schema.safeParse({
      name: 'x',
      age: 200,
      tags: [],
      kind: 'c',
      nested: { when: 'soon' },
      extra: 1,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const byPath = Object.fromEntries(toFieldErrors(result.error).map((e) => [e.path, e.message]));
    expect(byPath['name']).toEqual({ vi: 'Tên quá ngắn', en: 'name too short' });
    expect(byPath['age']).toEqual({ vi: 'Giá trị tối đa là 150', en: 'Must be at most 150' });
    expect(byPath['tags']).toEqual({ vi: 'Cần ít nhất 1 mục', en: 'At least 1 items' });
    expect(byPath['kind']?.vi).toContain('chọn một trong: a, b');
    expect(byPath['nested.when']).toEqual({ vi: 'Sai định dạng (regex)', en: 'Invalid format (regex)' });
    expect(byPath['']).toEqual({ vi: 'Trường không được phép: extra', en: 'Fields not allowed: extra' });
  });

  it('reports missing fields as required', () => {
    const result = z.strictObject({ a: z.string() }).safeParse({});
    expect(result.success).toBe(false);
    if (!result.success)
      expect(toFieldErrors(result.error)).toEqual([
        { path: 'a', message: { vi: 'Thông tin bắt buộc', en: 'Required' } },
      ]);
  });

  it('splits at the first separator only', () => {
    expect(splitMessage('Ngày phải có dạng YYYY-MM-DD / date must be YYYY-MM-DD / strictly')).toEqual({
      vi: 'Ngày phải có dạng YYYY-MM-DD',
      en: 'date must be YYYY-MM-DD / strictly',
    });
    expect(splitMessage('plain')).toEqual({ vi: 'plain', en: 'plain' });
  });
});
