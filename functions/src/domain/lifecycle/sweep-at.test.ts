import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../time/index.js';
import { fixtureYears } from '../../../../test/fixtures/calendars.js';
import { dueSoonStartOf, sweepAtAfter, type SweptFacts } from './sweep-at.js';

const calendar = buildWorkingCalendar(fixtureYears);
const vn = (local: string) => new Date(`${local}+07:00`);
const facts = (extra: Partial<SweptFacts> = {}): SweptFacts => ({
  status: 'processing',
  dueAt: vn('2026-12-07T10:00:00'),
  extensionCount: 0,
  receivingAgencyId: '000.00.01.H99',
  ...extra,
});
const NOW = vn('2026-11-20T09:00:00');

describe('sweepAt after a transition', () => {
  it('is the start of the due-soon window at reception (the working day before, across a weekend)', () => {
    // Due Monday 7 Dec: due soon from Friday 4 Dec, 00:00 in Vietnam.
    expect(dueSoonStartOf(vn('2026-12-07T10:00:00'), calendar).toISOString()).toBe(vn('2026-12-04T00:00:00').toISOString());
    expect(sweepAtAfter(undefined, facts(), undefined, NOW, calendar)?.toISOString()).toBe(vn('2026-12-04T00:00:00').toISOString());
    expect(sweepAtAfter(facts({ status: 'registered', dueAt: undefined }), facts(), undefined, NOW, calendar)?.toISOString()).toBe(vn('2026-12-04T00:00:00').toISOString());
  });
  it('keeps what the sweep stored when nothing the flags depend on changed', () => {
    const stored = vn('2026-12-09T14:00:00');
    expect(sweepAtAfter(facts(), facts({ status: 'received', handlerId: 'u1' } as Partial<SweptFacts>), stored, NOW, calendar)).toBe(stored);
    expect(sweepAtAfter(facts(), facts(), undefined, NOW, calendar)).toBeUndefined();
  });
  it('is now when a dossier that may carry flags changes: the next pass clears or rewrites them', () => {
    const late = facts({ dueAt: vn('2026-11-18T10:00:00') });
    // Resolved: the clock stops; its overdue flag must go.
    expect(sweepAtAfter(late, { ...late, status: 'resolved' }, undefined, NOW, calendar)?.toISOString()).toBe(NOW.toISOString());
    // Extended to a later date: looked at now, not only when the new date nears.
    expect(sweepAtAfter(late, { ...late, dueAt: vn('2026-12-30T10:00:00'), extensionCount: 1 }, undefined, NOW, calendar)?.toISOString()).toBe(NOW.toISOString());
    // Transferred with a step deadline sooner than the dossier's: the step's window.
    const step = { agencyId: '000.00.14.H99', since: NOW, dueAt: vn('2026-11-25T10:00:00') };
    expect(sweepAtAfter(facts(), facts({ currentStep: step }), undefined, NOW, calendar)?.toISOString()).toBe(vn('2026-11-24T00:00:00').toISOString());
  });
  it('is absent when the clock stops on a dossier that could not be flagged yet', () => {
    expect(sweepAtAfter(facts(), facts({ status: 'awaitingSupplement' }), vn('2026-12-04T00:00:00'), NOW, calendar)).toBeUndefined();
  });
});
