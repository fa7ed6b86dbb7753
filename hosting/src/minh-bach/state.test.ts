import { describe, expect, it } from 'vitest';
import { vietnamMonth } from './state.js';

describe('the transparency period (months in Vietnam time)', () => {
  it('counts back across the new year', () => {
    const now = new Date('2026-02-15T05:00:00Z');
    expect(vietnamMonth(0, now)).toBe('2026-02');
    expect(vietnamMonth(1, now)).toBe('2026-01');
    expect(vietnamMonth(5, now)).toBe('2025-09');
  });

  it('takes the month Vietnam is in, not the device’s: 31 Jan 18:00 UTC is already 1 Feb', () => {
    expect(vietnamMonth(0, new Date('2026-01-31T18:00:00Z'))).toBe('2026-02');
    expect(vietnamMonth(0, new Date('2026-01-31T16:59:59Z'))).toBe('2026-01');
  });
});
