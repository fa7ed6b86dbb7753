import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { assertWithinBounds, findBoundBreach, INPUT_BOUNDS } from './input-bounds.js';

/** `{ a: { a: … { a: leaf } } }`, `levels` objects deep, built without recursion. */
function nested(levels: number, leaf: unknown = 1, key = 'a'): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { [key]: value };
  return value;
}

describe('input bounds', () => {
  it('accept what our endpoints take: a full submission', () => {
    const submission = {
      requestId: 'r-0001',
      applicant: {
        kind: 'person',
        fullName: 'A',
        identity: { kind: 'citizenId', number: '001190012345' },
        address: { line: 'x' },
      },
      components: Array.from({ length: 50 }, (_, i) => ({
        componentId: `c${i}`,
        originals: 1,
        uploadIds: Array.from({ length: 20 }, (_, j) => `u${j}`),
      })),
    };
    expect(findBoundBreach(submission)).toBeUndefined();
    expect(findBoundBreach(nested(INPUT_BOUNDS.maxDepth))).toBeUndefined();
    for (const leaf of [null, 'text', 3, true, undefined]) expect(findBoundBreach(leaf)).toBeUndefined();
  });

  it('refuse nesting past the depth bound, pointing at where it went too deep', () => {
    expect(findBoundBreach(nested(INPUT_BOUNDS.maxDepth + 1))).toEqual({
      path: Array(INPUT_BOUNDS.maxDepth).fill('a').join('.'),
      bound: 'maxDepth',
    });
    expect(findBoundBreach({ action: { type: 'withdraw', x: nested(100_000) } })?.bound).toBe('maxDepth'); // no stack overflow
    let list: unknown = [];
    for (let i = 0; i < 100_000; i++) list = [list];
    expect(findBoundBreach(list)?.bound).toBe('maxDepth');
  });

  it('refuse too many keys, items or values', () => {
    expect(findBoundBreach(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i])))).toEqual({
      path: '',
      bound: 'maxKeys',
    });
    expect(findBoundBreach({ items: Array(1001).fill(0) })).toEqual({ path: 'items', bound: 'maxItems' });
    const many = Array.from({ length: 30 }, () => Array(1000).fill(0));
    expect(findBoundBreach({ many })?.bound).toBe('maxValues');
  });

  it('leave a Buffer body (uploads) alone', () => {
    expect(findBoundBreach(Buffer.alloc(100_000))).toBeUndefined();
  });

  it('answer a structured bilingual 400 with a short path', () => {
    const deep = nested(40, 1, 'k'.repeat(1000));
    let error: unknown;
    try {
      assertWithinBounds(deep, '');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    const body = (error as ApiError).toBody();
    expect(body.error.code).toBe('invalid-argument');
    expect(body.error.message.vi).toBe('Dữ liệu gửi lên quá lớn hoặc lồng nhau quá sâu.');
    expect(body.error.fields[0]!.path.length).toBeLessThanOrEqual(201);
    expect(body.error.fields[0]!.message).toEqual({
      vi: 'Lồng nhau quá 32 cấp',
      en: 'nested more than 32 levels deep',
    });
    expect(() => assertWithinBounds({ q: Array(2000).fill('x') }, 'query')).toThrow(ApiError);
    expect(() => assertWithinBounds({ ok: true }, 'query')).not.toThrow();
  });
});
