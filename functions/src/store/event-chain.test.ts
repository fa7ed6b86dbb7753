import { describe, expect, it } from 'vitest';
import { canonicalJson } from './event-chain.js';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined and writes Dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: [new Date('2026-12-03T00:00:00Z'), { d: undefined, c: null }] })).toBe(
      '{"a":["2026-12-03T00:00:00.000Z",{"c":null}],"b":1}',
    );
  });

  it('refuses a value nested deeper than anything stored, instead of overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(() => canonicalJson(deep)).toThrow(/nested deeper than 64 levels/);
    let ok: unknown = 'x';
    for (let i = 0; i < 64; i++) ok = [ok];
    expect(canonicalJson(ok)).toBe(`${'['.repeat(64)}"x"${']'.repeat(64)}`);
  });
});
