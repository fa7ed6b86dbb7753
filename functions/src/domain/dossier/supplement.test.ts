import { describe, expect, it } from 'vitest';
import { actor, CALENDAR, CODE, DOSSIER_IN, NOW } from '../../../../test/fixtures/lifecycle.js';
import { decide, type DecisionFacts } from '../lifecycle/decide.js';
import type { Dossier } from './dossier.js';
import type { DossierComponent } from './component.js';
import { answersOnlyRequested, freshComponentId, mergeSupplementAnswer, supplementItemsProblem, supplementTargets } from './supplement.js';

const file = (id: string) => ({ id, fileName: `${id}.pdf`, contentType: 'application/pdf' as const, size: 10, sha256: 'a'.repeat(64) });
const component = (componentId: string, ...ids: string[]): DossierComponent => ({ componentId, originals: 1, certifiedCopies: 0, copies: 0, attachments: ids.map(file) });
const ON_RECORD = [component('application-form', 'form'), component('land-certificate', 'cert-old')];
const LATER = new Date(NOW.getTime() + 3_600_000);

describe('supplement items name their component', () => {
  it('accepts items about held components and explicitly new documents', () => {
    expect(
      supplementItemsProblem(
        [
          { componentId: 'land-certificate', replaceFiles: true, name: 'Giấy chứng nhận', problem: 'Ảnh mờ' },
          { componentId: 'giay-to-khac-1', isNew: true, name: 'Sơ đồ thửa đất', problem: 'Chưa nộp' },
        ],
        ON_RECORD,
      ),
    ).toBeUndefined();
  });

  it.each([
    ['free text without a component', { name: 'Sổ đỏ', problem: 'Mờ' }, 'supplementItemUnknown'],
    ['a component the dossier does not hold', { componentId: 'site-plan', name: 'Sơ đồ', problem: 'x' }, 'supplementItemUnknown'],
    ['a "new" document the dossier already holds', { componentId: 'land-certificate', isNew: true, name: 'GCN', problem: 'x' }, 'supplementItemUnknown'],
    ['replacing files of a new document', { componentId: 'giay-to-khac-1', isNew: true, replaceFiles: true, name: 'x', problem: 'x' }, 'supplementItemUnknown'],
  ])('refuses %s', (_, item, code) => {
    expect(supplementItemsProblem([item], ON_RECORD)).toBe(code);
  });

  it('refuses the same component twice', () => {
    const item = { componentId: 'application-form', name: 'Đơn', problem: 'x' };
    expect(supplementItemsProblem([item, item], ON_RECORD)).toBe('supplementItemRepeated');
  });

  it('finds a fresh id for a new document', () => {
    expect(freshComponentId(['application-form'])).toBe('giay-to-khac-1');
    expect(freshComponentId(['giay-to-khac-1', 'giay-to-khac-2'])).toBe('giay-to-khac-3');
  });

  it('files a legacy free-text item as a new document, never under the first component', () => {
    expect(supplementTargets([{ name: 'Giấy chứng nhận', problem: 'Mờ' }])).toEqual([
      { componentId: 'bo-sung-1', name: 'Giấy chứng nhận', problem: 'Mờ', isNew: true, replaceFiles: false },
    ]);
  });
});

describe('the answer lands on exactly the components asked for', () => {
  const items = [
    { componentId: 'land-certificate', replaceFiles: true, name: 'Giấy chứng nhận', problem: 'Ảnh mờ' },
    { componentId: 'application-form', name: 'Đơn', problem: 'Thiếu trang 2' },
    { componentId: 'giay-to-khac-1', isNew: true, name: 'Sơ đồ thửa đất', problem: 'Chưa nộp' },
  ];

  it('replaces the certificate (old file kept, marked), adds a page to the form and files the new document under its name', () => {
    const merged = mergeSupplementAnswer(ON_RECORD, items, [
      { ...component('land-certificate', 'cert-new'), originals: 0 },
      { ...component('application-form', 'form-page-2'), originals: 0 },
      { ...component('giay-to-khac-1', 'plan'), originals: 0 },
    ], LATER);
    expect(merged).toEqual([
      { ...component('application-form'), attachments: [file('form'), file('form-page-2')] },
      { ...component('land-certificate'), attachments: [{ ...file('cert-old'), replacedAt: LATER }, file('cert-new')] },
      { componentId: 'giay-to-khac-1', name: 'Sơ đồ thửa đất', originals: 0, certifiedCopies: 0, copies: 0, attachments: [file('plan')] },
    ]);
    expect(ON_RECORD[1]!.attachments[0]).not.toHaveProperty('replacedAt'); // the input is not mutated
    expect(answersOnlyRequested(items, ON_RECORD, merged)).toBe(true);
  });

  it('an answer for a component not asked for is not "only what was requested"', () => {
    const merged = mergeSupplementAnswer(ON_RECORD, items.slice(0, 1), [component('application-form', 'stray')], LATER);
    expect(answersOnlyRequested(items.slice(0, 1), ON_RECORD, merged)).toBe(false);
  });

  it('an answer that drops a file on record is refused', () => {
    expect(answersOnlyRequested(items, ON_RECORD, [ON_RECORD[0]!, component('land-certificate', 'cert-new')])).toBe(false);
  });
});

describe('decide: a supplement round for two components', () => {
  const FACTS: DecisionFacts = { calendar: CALENDAR, handoffCount: 0, code: CODE };
  const registered: Dossier = { ...DOSSIER_IN.registered, components: ON_RECORD };
  const request = {
    type: 'requestSupplement' as const,
    reason: 'Giấy tờ chưa đạt',
    items: [
      { componentId: 'land-certificate', replaceFiles: true, name: 'Giấy chứng nhận', problem: 'Ảnh mờ' },
      { componentId: 'application-form', name: 'Đơn', problem: 'Thiếu chữ ký' },
    ],
  };

  it('refuses a free-text item, an item about a component the dossier lacks and an answer for something not asked', () => {
    const free = decide(registered, { ...request, items: [{ name: 'Sổ đỏ', problem: 'Mờ' }] } as never, actor('receptionist'), NOW, FACTS);
    expect(free.ok).toBe(false);
    const unknown = decide(registered, { ...request, items: [{ componentId: 'site-plan', name: 'x', problem: 'y' }] }, actor('receptionist'), NOW, FACTS);
    expect(!unknown.ok && unknown.error.rule).toBe('supplementItemUnknown');
    const asked = decide(registered, { ...request, items: request.items.slice(0, 1) }, actor('receptionist'), NOW, FACTS);
    if (!asked.ok) throw new Error(asked.error.reason);
    const stray = decide(asked.dossier, { type: 'submitSupplement', additions: [component('application-form', 'x')] }, { ...actor('citizen'), userId: asked.dossier.ownerUserId! }, LATER, FACTS);
    expect(!stray.ok && stray.error.rule).toBe('supplementNotRequested');
  });

  it('files each answer under its own component and marks the replaced certificate', () => {
    const asked = decide(registered, request, actor('receptionist'), NOW, FACTS);
    if (!asked.ok) throw new Error(asked.error.reason);
    const answered = decide(
      asked.dossier,
      { type: 'submitSupplement', additions: [{ ...component('land-certificate', 'cert-new'), originals: 0 }, { ...component('application-form', 'form-signed'), originals: 0 }] },
      { ...actor('citizen'), userId: asked.dossier.ownerUserId! },
      LATER,
      FACTS,
    );
    if (!answered.ok) throw new Error(answered.error.reason);
    const byId = new Map(answered.dossier.components.map((c) => [c.componentId, c.attachments]));
    expect(byId.get('land-certificate')).toEqual([{ ...file('cert-old'), replacedAt: LATER }, file('cert-new')]);
    expect(byId.get('application-form')).toEqual([file('form'), file('form-signed')]);
  });
});

describe('the event log keeps reading older supplement requests', () => {
  it('a request logged before items named their component still parses', async () => {
    const { EventPayload } = await import('../lifecycle/event.js');
    expect(EventPayload.safeParse({ type: 'requestSupplement', items: [{ name: 'Sổ đỏ', problem: 'Mờ' }], reason: 'r' }).success).toBe(true);
  });
});
