import { describe, expect, it } from 'vitest';
import { InvalidInstantError } from './errors.js';
import { localDateOf } from './local-time.js';

describe('localDateOf', () => {
  it('uses Vietnam time (UTC+7), not the host zone', () => {
    expect(localDateOf(new Date('2026-01-01T16:59:59.999Z'))).toBe('2026-01-01');
    expect(localDateOf(new Date('2026-01-01T17:00:00.000Z'))).toBe('2026-01-02');
    expect(localDateOf(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    expect(localDateOf(new Date('2028-02-28T17:30:00.000Z'))).toBe('2028-02-29');
  });

  it('rejects an invalid Date', () => {
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(InvalidInstantError);
  });
});
