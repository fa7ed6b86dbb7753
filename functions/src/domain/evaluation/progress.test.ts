import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar, workingTimeBetween } from '../time/index.js';
import { fixtureYears } from '../../../../test/fixtures/calendars.js';
import type { DossierEvent } from '../lifecycle/event.js';
import { isProgressEnd, progressOf, type WorkingMs } from './progress.js';

const vn = (local: string) => new Date(`${local}:00+07:00`);
const H = 3_600_000;
/** Calendar time as working time: makes the hand computations below plain arithmetic. */
const wallClock: WorkingMs = (from, to) => Math.max(0, to.getTime() - from.getTime());

const due = (at: string) => ({ at: vn(at), explanation: { vi: 'x', en: 'x' } });
type P = Record<string, unknown> & { type: DossierEvent['type'] };
function log(steps: [string, P][]): DossierEvent[] {
  return steps.map(([at, payload], i) => ({
    dossierId: 'd1',
    version: i + 1,
    type: payload.type,
    actor: { role: 'handler', userId: 'u1', agencyId: '000.00.01.H99' },
    at: vn(at),
    from: 'processing',
    to: 'processing',
    payload: payload as DossierEvent['payload'],
  }));
}
const received: [string, P][] = [
  ['2026-07-13T08:00', { type: 'intake', channel: 'desk', code: 'x' }],
  ['2026-07-13T09:00', { type: 'receive', due: due('2026-07-17T17:00') }],
];

describe('766 progress of one dossier', () => {
  it.each([
    // used 73, 105 and 168 h of the 104 h allowed (13/07 09:00 → 17/07 17:00)
    ['early', '2026-07-16T10:00', 'early', 702],
    ['on the due date, after the due hour', '2026-07-17T18:00', 'onTime', 1010],
    ['after the due date', '2026-07-20T09:00', 'late', 1615],
  ])('resolved %s', (_label, at, timeliness, permille) => {
    const p = progressOf(log([...received, [at, { type: 'resolve', outcome: 'approved' }], ['2026-07-21T09:00', { type: 'returnResult', via: 'desk' }]]), 'restart', wallClock)!;
    expect(p).toMatchObject({ timeliness, usedPermille: permille, finishedBy: 'resolve', finishedAt: vn(at), supplementRequests: 0 });
    expect(p.lateBecause).toBe(timeliness === 'late' ? 'due' : null);
  });

  it('the end is the first of resolved > returned > stopped', () => {
    expect(['resolve', 'returnResult', 'stop', 'confirmStop', 'closeUnsupplemented', 'withdraw'].every((t) => isProgressEnd(t as DossierEvent['type']))).toBe(true);
    expect(isProgressEnd('refuseAtReception')).toBe(false);
    const stopped = progressOf(log([...received, ['2026-07-15T09:00', { type: 'requestStop', reason: 'r' }], ['2026-07-15T10:00', { type: 'confirmStop' }]]), 'restart', wallClock)!;
    expect(stopped).toMatchObject({ finishedBy: 'confirmStop', timeliness: 'early', usedPermille: 471 }); // 49 h of 104 h
  });

  it('a restart policy counts from the supplement: 72 h of 104 h', () => {
    const p = progressOf(
      log([
        ...received,
        ['2026-07-14T09:00', { type: 'requestSupplement', items: [], reason: 'r' }],
        ['2026-07-20T09:00', { type: 'submitSupplement', due: due('2026-07-24T17:00') }],
        ['2026-07-23T09:00', { type: 'resolve', outcome: 'approved' }],
      ]),
      'restart',
      wallClock,
    )!;
    expect(p).toMatchObject({ timeliness: 'early', usedPermille: 692, supplementRequests: 1 });
  });

  it('a pause policy subtracts the 48 h wait: (120 − 48) of (152 − 48)', () => {
    const p = progressOf(
      log([
        ...received,
        ['2026-07-14T09:00', { type: 'requestSupplement', items: [], reason: 'r' }],
        ['2026-07-16T09:00', { type: 'submitSupplement', due: due('2026-07-19T17:00') }],
        ['2026-07-18T09:00', { type: 'resolve', outcome: 'approved' }],
      ]),
      'pause',
      wallClock,
    )!;
    expect(p).toMatchObject({ timeliness: 'early', usedPermille: 692 });
  });

  it('a payment wait that does not count is subtracted too', () => {
    const p = progressOf(
      log([
        ...received,
        ['2026-07-14T09:00', { type: 'requestPayment', amountVnd: 1000, description: 'x' }],
        ['2026-07-15T09:00', { type: 'confirmPayment', due: due('2026-07-18T17:00') }],
        ['2026-07-18T10:00', { type: 'resolve', outcome: 'approved' }],
      ]),
      'restart',
      wallClock,
    )!;
    // used (121 − 24) h of (128 − 24) h allowed
    expect(p).toMatchObject({ timeliness: 'onTime', usedPermille: Math.round((97 / 104) * 1000) });
  });

  it('more than one supplement request is late, whatever the dates', () => {
    const p = progressOf(
      log([
        ['2026-07-13T08:00', { type: 'intake', channel: 'desk', code: 'x' }],
        ['2026-07-13T08:10', { type: 'requestSupplement', items: [], reason: 'at reception' }],
        ['2026-07-13T08:50', { type: 'submitSupplement' }],
        ['2026-07-13T09:00', { type: 'receive', due: due('2026-07-17T17:00') }],
        ['2026-07-14T09:00', { type: 'requestSupplement', items: [], reason: 'after appraisal' }],
        ['2026-07-14T15:00', { type: 'submitSupplement', due: due('2026-07-20T15:00') }],
        ['2026-07-15T09:00', { type: 'resolve', outcome: 'approved' }],
      ]),
      'restart',
      wallClock,
    )!;
    expect(p).toMatchObject({ timeliness: 'late', lateBecause: 'supplements', supplementRequests: 2 });
  });

  it('closed while waiting for the supplement: the clock stood still from the request', () => {
    const p = progressOf(
      log([...received, ['2026-07-15T09:00', { type: 'requestSupplement', items: [], reason: 'r' }], ['2026-07-31T00:45', { type: 'closeUnsupplemented' }]]),
      'restart',
      wallClock,
    )!;
    expect(p).toMatchObject({ finishedBy: 'closeUnsupplemented', finishedAt: vn('2026-07-31T00:45'), timeliness: 'early', usedPermille: 462 }); // 48 h of 104 h
  });

  it('never received, or not ended: no progress', () => {
    expect(progressOf(log([['2026-07-13T08:00', { type: 'intake', channel: 'desk', code: 'x' }], ['2026-07-13T08:10', { type: 'refuseAtReception', reason: 'r' }]]), 'restart', wallClock)).toBeUndefined();
    expect(progressOf(log(received), 'restart', wallClock)).toBeUndefined();
  });

  it('with the working-day engine: 3 of 5 working days used', () => {
    const calendar = buildWorkingCalendar(fixtureYears);
    const working: WorkingMs = (from, to) => workingTimeBetween(from, to, calendar).milliseconds;
    // Received Mon 13/07 09:00, due Mon 20/07 09:00 (5 working days); resolved Thu 16/07 09:00 = 3 working days.
    const p = progressOf(
      log([['2026-07-13T08:00', { type: 'intake', channel: 'desk', code: 'x' }], ['2026-07-13T09:00', { type: 'receive', due: due('2026-07-20T09:00') }], ['2026-07-16T09:00', { type: 'resolve', outcome: 'approved' }]]),
      'restart',
      working,
    )!;
    expect(working(vn('2026-07-13T09:00'), vn('2026-07-16T09:00'))).toBe(24 * H);
    expect(p).toMatchObject({ timeliness: 'early', usedPermille: 600 });
  });
});
