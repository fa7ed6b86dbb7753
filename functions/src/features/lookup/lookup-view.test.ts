import { describe, expect, it } from 'vitest';
import { BASIC_VIEW_KEYS, FULL_VIEW_KEYS } from '../../contract/index.js';
import { basicView, EXTENDED_EXPLANATION, fullView, LookupDossier } from './lookup-view.js';

const stored = {
  id: 'd1',
  code: '000.00.01.H99-260701-0001',
  version: 4,
  status: 'processing',
  procedure: { code: '1.000001', version: 2, name: { vi: 'Cấp phép', en: 'Permit' }, supplementClockPolicy: 'restart' },
  receivingAgencyId: '000.00.01.H99',
  agencyIds: ['000.00.01.H99', '000.00.14.H99'],
  currentStep: { agencyId: '000.00.14.H99', stepId: 'appraise', task: 'Thẩm định hồ sơ của ông Nguyễn Văn A', since: new Date('2026-07-02T02:00:00Z'), dueAt: new Date('2026-07-06T10:00:00Z') },
  handlerId: 'officer-1',
  ownerUserId: 'citizen-1',
  receivedAt: new Date('2026-07-01T02:00:00Z'),
  dueAt: new Date('2026-07-10T10:00:00Z'),
  dueExplanation: { vi: '5 ngày làm việc', en: '5 working days' },
  extensionCount: 0,
  closingReason: 'bí mật',
};

describe('lookup views', () => {
  it('basic: only code, status and completion', () => {
    const view = basicView(LookupDossier.parse(stored));
    expect(Object.keys(view).sort()).toEqual([...BASIC_VIEW_KEYS].sort());
    expect(view).toMatchObject({ view: 'basic', status: 'processing', completed: false, statusLabel: { vi: 'Đang xử lý' } });
  });

  it('full: progress details, step from the published process, never people or their words', () => {
    const view = fullView(LookupDossier.parse(stored), {
      agencyNames: new Map([['000.00.01.H99', { vi: 'UBND xã A', en: 'A commune' }]]),
      steps: [{ id: 'appraise', role: 'appraisal', description: { vi: 'Thẩm định', en: 'Appraisal' } }],
      rated: false,
    });
    expect(Object.keys(view).sort()).toEqual([...FULL_VIEW_KEYS].sort());
    expect(view.receivingAgency).toEqual({ id: '000.00.01.H99', name: { vi: 'UBND xã A', en: 'A commune' } });
    expect(view.currentAgency).toEqual({ id: '000.00.14.H99', name: null });
    expect(view.step).toEqual({
      id: 'appraise',
      role: 'appraisal',
      roleLabel: { vi: 'Thẩm định', en: 'Appraisal' },
      description: { vi: 'Thẩm định', en: 'Appraisal' },
      since: '2026-07-02T02:00:00.000Z',
      dueAt: '2026-07-06T10:00:00.000Z',
    });
    expect(view.nationalStatusCode).toBe(4);
    const text = JSON.stringify(view);
    for (const secret of ['Nguyễn Văn A', 'officer-1', 'citizen-1', 'bí mật']) expect(text).not.toContain(secret);
  });

  it('says where to collect the result and what the receipt promised', () => {
    const atDesk = fullView(LookupDossier.parse(stored), {
      agencyNames: new Map([['000.00.01.H99', { vi: 'UBND xã A', en: 'A commune' }]]),
      steps: [],
      rated: false,
      receivingAddress: '1 Lê Lợi, xã A',
      receiptDueAt: new Date('2026-07-08T10:00:00Z'),
    });
    expect(atDesk.collect).toEqual({ via: 'desk', agency: { id: '000.00.01.H99', name: { vi: 'UBND xã A', en: 'A commune' } }, address: '1 Lê Lợi, xã A' });
    expect(atDesk.receiptDueAt).toBe('2026-07-08T10:00:00.000Z');
    const byPost = fullView(LookupDossier.parse({ ...stored, resultDelivery: 'post' }), { agencyNames: new Map(), steps: [], rated: false });
    expect(byPost.collect).toEqual({ via: 'post', agency: { id: '000.00.01.H99', name: null }, address: null });
    expect(byPost.receiptDueAt).toBeNull();
  });

  it('after an extension shows a fixed explanation, never the written reason', () => {
    const view = fullView(
      LookupDossier.parse({ ...stored, extensionCount: 1, dueExplanation: { vi: 'Lý do: ông A vắng nhà', en: 'Reason: Mr A away' } }),
      { agencyNames: new Map(), steps: [], rated: false },
    );
    expect(view.dueExplanation).toEqual(EXTENDED_EXPLANATION);
    expect(view.extended).toBe(true);
    expect(view.step?.description).toBeNull();
  });

  it('a stop request shows when it was made, never its reason (Decree 118 Art. 21)', () => {
    const requestedAt = new Date('2026-07-03T03:00:00Z');
    const view = fullView(
      LookupDossier.parse({ ...stored, stopRequest: { requestedAt, requestedBy: 'citizen-1', via: 'online', reason: 'Ông A đổi ý' } }),
      { agencyNames: new Map(), steps: [], rated: false },
    );
    expect(view.stopRequestedAt).toBe(requestedAt.toISOString());
    expect(JSON.stringify(view)).not.toContain('Ông A đổi ý');
    expect(fullView(LookupDossier.parse(stored), { agencyNames: new Map(), steps: [], rated: false }).stopRequestedAt).toBeNull();
  });

  it.each([
    ['processing', false, { rateable: false, rated: false }],
    ['resolved', false, { rateable: false, rated: false }],
    ['returned', false, { rateable: true, rated: false }],
    ['returned', true, { rateable: false, rated: true }],
  ] as const)('rating of a %s dossier, rated %s → %o', (status, rated, expected) => {
    const view = fullView(LookupDossier.parse({ ...stored, status }), { agencyNames: new Map(), steps: [], rated });
    expect(view.rating).toEqual(expected);
  });

  it.each([
    ['resolved', true],
    ['returned', true],
    ['refused', true],
    ['awaitingSupplement', false],
  ])('%s → completed %s', (status, completed) => {
    expect(basicView(LookupDossier.parse({ ...stored, status })).completed).toBe(completed);
  });
});
