import { describe, expect, it } from 'vitest';
import { computeFlags, mergeFlags } from './deadlines.js';

// Instants written in Vietnam time (+07:00), as officers read them.
const vn = (local: string) => new Date(`${local}+07:00`);

describe('queue deadline flags', () => {
  it('counts only while the clock runs', () => {
    const due = vn('2026-12-01T17:00:00');
    expect(computeFlags('awaitingSupplement', due, vn('2026-12-02T08:00:00'))).toEqual({ overdue: false, dueSoon: false });
    expect(computeFlags('processing', undefined, vn('2026-12-02T08:00:00'))).toEqual({ overdue: false, dueSoon: false });
  });

  it('is overdue after the due time and due soon from the working day before', () => {
    const due = vn('2026-12-03T17:00:00'); // Thursday
    expect(computeFlags('processing', due, vn('2026-12-01T16:00:00'))).toEqual({ overdue: false, dueSoon: false });
    expect(computeFlags('processing', due, vn('2026-12-02T07:30:00'))).toEqual({ overdue: false, dueSoon: true });
    expect(computeFlags('received', due, vn('2026-12-03T17:00:01'))).toEqual({ overdue: true, dueSoon: false });
  });

  it('skips the weekend: a Monday due date is due soon from Friday', () => {
    const monday = vn('2026-12-07T10:00:00');
    expect(computeFlags('processing', monday, vn('2026-12-03T23:59:00')).dueSoon).toBe(false);
    expect(computeFlags('processing', monday, vn('2026-12-04T00:00:00')).dueSoon).toBe(true);
  });

  it('uses Vietnam dates, not UTC ones', () => {
    // 2026-12-01T18:00Z is still Tuesday in UTC but Wednesday 01:00 in Vietnam, the day before the due date.
    expect(computeFlags('processing', vn('2026-12-03T17:00:00'), new Date('2026-12-01T18:00:00Z')).dueSoon).toBe(true);
  });

  it('takes the sweep’s flags (which know the holidays) on top of the clock', () => {
    expect(mergeFlags({ overdue: false, dueSoon: false }, { dueSoon: true })).toEqual({ overdue: false, dueSoon: true });
    expect(mergeFlags({ overdue: true, dueSoon: false }, { dueSoon: true })).toEqual({ overdue: true, dueSoon: false });
    expect(mergeFlags({ overdue: false, dueSoon: true }, undefined)).toEqual({ overdue: false, dueSoon: true });
  });
});
