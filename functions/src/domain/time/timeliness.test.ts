import { describe, expect, it } from 'vitest';
import { classifyTimeliness } from './timeliness.js';
import { vn } from '../../../../test/fixtures/calendars.js';

describe('classifyTimeliness', () => {
  const dueAt = vn('2026-02-24T10:00');

  it('compares Vietnam dates, not instants', () => {
    expect(classifyTimeliness(dueAt, vn('2026-02-23T16:59'))).toBe('early');
    expect(classifyTimeliness(dueAt, vn('2026-02-24T00:00'))).toBe('onTime');
    expect(classifyTimeliness(dueAt, vn('2026-02-24T23:59'))).toBe('onTime');
    expect(classifyTimeliness(dueAt, vn('2026-02-25T00:00'))).toBe('late');
  });

  it('is late after local midnight even when the UTC date is still the due date', () => {
    expect(classifyTimeliness(dueAt, new Date('2026-02-24T17:30:00Z'))).toBe('late');
    expect(classifyTimeliness(dueAt, new Date('2026-02-23T17:30:00Z'))).toBe('onTime');
  });
});
