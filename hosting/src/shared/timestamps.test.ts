import { describe, expect, it } from 'vitest';
import { toDate } from './timestamps.js';

describe('toDate', () => {
  const at = new Date('2026-11-28T03:10:00Z');

  it('reads a Firestore Timestamp, a Date and an ISO string alike', () => {
    expect(toDate({ toDate: () => at })).toEqual(at);
    expect(toDate(at)).toBe(at);
    expect(toDate('2026-11-28T10:10:00+07:00')).toEqual(at);
  });

  it('has no date for nothing or for anything else', () => {
    for (const value of [undefined, null, '', 0, { seconds: 1 }, 42]) expect(toDate(value)).toBeUndefined();
  });
});
