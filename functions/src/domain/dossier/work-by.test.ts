import { describe, expect, it } from 'vitest';
import { NO_DEADLINE, workByOf } from './work-by.js';

const at = (iso: string) => new Date(iso);

describe('workBy: the instant the queue orders a dossier by', () => {
  it('is the intake deadline while registered, the due time afterwards', () => {
    const intake = { decideBy: at('2026-12-02T10:00:00Z') };
    expect(workByOf({ status: 'registered', intake })).toEqual(intake.decideBy);
    expect(workByOf({ status: 'processing', dueAt: at('2026-12-10T10:00:00Z'), intake })).toEqual(at('2026-12-10T10:00:00Z'));
    expect(workByOf({ status: 'awaitingSupplement', dueAt: at('2026-12-11T10:00:00Z') })).toEqual(at('2026-12-11T10:00:00Z'));
  });

  it('puts a dossier without a deadline after every dossier that has one', () => {
    expect(workByOf({ status: 'registered' })).toEqual(NO_DEADLINE);
    expect(workByOf({ status: 'registered', dueAt: at('2026-12-10T10:00:00Z') })).toEqual(NO_DEADLINE);
    expect(workByOf({ status: 'received' }).getTime()).toBeGreaterThan(at('9000-01-01T00:00:00Z').getTime());
  });
});
