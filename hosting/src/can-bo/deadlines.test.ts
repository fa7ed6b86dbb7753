import { describe, expect, it } from 'vitest';
import { attentionBoundary, computeFlags, intakeState, mergeFlags, spanText } from './deadlines.js';

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

  it('asks the server for what the flags would mark: due before midnight after the next working day', () => {
    expect(attentionBoundary(vn('2026-12-02T09:00:00'))).toEqual(vn('2026-12-04T00:00:00')); // Wednesday → Thursday's end
    expect(attentionBoundary(vn('2026-12-04T16:00:00'))).toEqual(vn('2026-12-08T00:00:00')); // Friday → Monday's end
    expect(attentionBoundary(new Date('2026-12-01T18:00:00Z'))).toEqual(vn('2026-12-04T00:00:00')); // already Wednesday in Vietnam
    // The boundary agrees with the flags on either side of it.
    for (const now of [vn('2026-12-02T09:00:00'), vn('2026-12-04T16:00:00'), vn('2026-12-05T11:00:00')]) {
      const b = attentionBoundary(now);
      expect(computeFlags('processing', new Date(b.getTime() - 1), now).dueSoon || computeFlags('processing', new Date(b.getTime() - 1), now).overdue).toBe(true);
      expect(computeFlags('processing', b, now)).toEqual({ overdue: false, dueSoon: false });
    }
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

describe('online intake deadline (Decree 118 Art. 17.2)', () => {
  const intake = { alertAt: vn('2026-12-02T10:00:00'), decideBy: vn('2026-12-02T16:00:00') };

  it('is pending, then past its alert time, then late — only while the dossier is not yet received', () => {
    expect(intakeState('registered', intake, vn('2026-12-02T09:59:00'))).toBe('pending');
    expect(intakeState('registered', intake, vn('2026-12-02T10:00:00'))).toBe('alert');
    expect(intakeState('registered', intake, vn('2026-12-02T16:00:00'))).toBe('alert');
    expect(intakeState('registered', intake, vn('2026-12-02T16:00:01'))).toBe('late');
    expect(intakeState('received', intake, vn('2026-12-02T16:00:01'))).toBeUndefined();
    expect(intakeState('registered', {}, vn('2026-12-02T16:00:01'))).toBeUndefined(); // a desk intake has none
  });

  it('says the time left in hours and minutes, in days beyond a day', () => {
    expect(spanText(3 * 3_600_000 + 20 * 60_000 + 59_000)).toEqual({ vi: '3 giờ 20 phút', en: '3 h 20 min' });
    expect(spanText(-(65 * 60_000))).toEqual({ vi: '1 giờ 5 phút', en: '1 h 5 min' });
    expect(spanText(2 * 3_600_000)).toEqual({ vi: '2 giờ', en: '2 h' });
    expect(spanText(30_000)).toEqual({ vi: '0 phút', en: '0 min' });
    expect(spanText(26 * 3_600_000 + 5 * 60_000)).toEqual({ vi: '1 ngày 2 giờ', en: '1 d 2 h' });
  });
});
