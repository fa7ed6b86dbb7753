import { describe, expect, it } from 'vitest';
import type { Dossier } from '../dossier/dossier.js';
import { deadlineFlags, findResolutionTimeliness } from './deadline-flags.js';
import {
  DossierStatus,
  STATUS_INFO,
  findPortalStatusCode,
  findStatusByPortalCode,
  isFinalStatus,
} from '../dossier/status.js';
import { CALENDAR, DOSSIER_IN, DUE_AT, vnTime } from '../../../../test/fixtures/lifecycle.js';

describe('national portal status mapping', () => {
  it('maps the ten synced statuses one to one onto codes 1–10 and the sync vocabulary', () => {
    const synced = DossierStatus.options.filter((s) => s !== 'draft');
    expect(synced.map(findPortalStatusCode).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(new Set(synced.map((s) => STATUS_INFO[s].sync)).size).toBe(10);
    for (const s of synced) expect(findStatusByPortalCode(findPortalStatusCode(s) ?? 0)).toBe(s);
  });

  it.each([
    [1, 'registered', 'receiving'],
    [2, 'received', 'new'],
    [3, 'refused', 'denied'],
    [4, 'processing', 'processing'],
    [5, 'awaitingSupplement', 'waiting'],
    [6, 'awaitingPayment', 'paying'],
    [7, 'withdrawn', 'cancelled'],
    [8, 'stopped', 'unresolved'],
    [9, 'resolved', 'releasing'],
    [10, 'returned', 'done'],
  ] as const)('code %i is %s (%s)', (code, status, sync) => {
    expect(findStatusByPortalCode(code)).toBe(status);
    expect(STATUS_INFO[status].sync).toBe(sync);
  });

  it('drafts are never synced; unknown codes find nothing', () => {
    expect(findPortalStatusCode('draft')).toBeUndefined();
    expect(findStatusByPortalCode(0)).toBeUndefined();
    expect(findStatusByPortalCode(11)).toBeUndefined();
  });

  it('final statuses are refused, withdrawn, stopped and returned', () => {
    expect(DossierStatus.options.filter(isFinalStatus)).toEqual([
      'refused',
      'withdrawn',
      'stopped',
      'returned',
    ]);
  });
});

describe('deadline flags are derived, not stored', () => {
  const processing: Dossier = DOSSIER_IN.processing; // due Fri 24/07/2026 16:10

  it.each([
    ['a week before', '2026-07-17T09:00', { overdue: false, dueSoon: false }],
    ['on the last working day before (Thu 23/07)', '2026-07-23T08:00', { overdue: false, dueSoon: true }],
    ['on the due date before the time', '2026-07-24T16:00', { overdue: false, dueSoon: true }],
    ['one minute late', '2026-07-24T16:11', { overdue: true, dueSoon: false }],
  ])('%s', (_label, at, expected) => {
    expect(deadlineFlags(processing, vnTime(at), { calendar: CALENDAR })).toEqual({
      ...expected,
      extended: false,
    });
  });

  it('without a calendar, due soon means within 24 hours', () => {
    expect(deadlineFlags(processing, vnTime('2026-07-23T16:00')).dueSoon).toBe(false);
    expect(deadlineFlags(processing, vnTime('2026-07-23T16:10')).dueSoon).toBe(true);
  });

  it('the clock does not run while a supplement is awaited, nor after resolution', () => {
    const late = vnTime('2026-08-10T09:00');
    expect(deadlineFlags(DOSSIER_IN.awaitingSupplement, late).overdue).toBe(false);
    expect(deadlineFlags(DOSSIER_IN.resolved, late).overdue).toBe(false);
    expect(deadlineFlags(DOSSIER_IN.awaitingPayment, late).overdue).toBe(true);
  });

  it('extended is a flag of its own', () => {
    expect(deadlineFlags({ ...processing, extensionCount: 1 }, vnTime('2026-07-17T09:00')).extended).toBe(
      true,
    );
  });

  it('timeliness of a resolution is judged against the original appointment', () => {
    const resolvedOn = (at: string, extra: Partial<Dossier> = {}): Dossier => ({
      ...DOSSIER_IN.resolved,
      ...extra,
      resolution: { outcome: 'approved', at: vnTime(at), by: 'lead-1' },
    });
    expect(findResolutionTimeliness(resolvedOn('2026-07-23T10:00'))).toBe('early');
    expect(findResolutionTimeliness(resolvedOn('2026-07-24T16:59'))).toBe('onTime');
    expect(
      findResolutionTimeliness(
        resolvedOn('2026-07-27T08:00', { dueAt: vnTime('2026-07-29T16:00'), originalDueAt: DUE_AT }),
      ),
    ).toBe('late');
    expect(findResolutionTimeliness(DOSSIER_IN.processing)).toBeUndefined();
  });
});
