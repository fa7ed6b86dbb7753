import { beforeEach, describe, expect, it } from 'vitest';
import { createQueue, filters } from './queue-state.js';
import type { QueueChange } from './store.js';

// Instants written in Vietnam time (+07:00), as officers read them.
const vn = (local: string) => new Date(`${local}+07:00`);
const stamp = (local: string) => ({ toDate: () => vn(local) });
const NOW = vn('2026-12-02T09:00:00'); // Wednesday

function dossier(id: string, status: string, o: { due?: string; created?: string; procedure?: string; intake?: { alertAt: string; decideBy: string } } = {}): QueueChange {
  return {
    type: 'added',
    id,
    data: {
      code: `000.00.01.H99-261201-${id}`,
      status,
      channel: o.intake ? 'online' : 'desk',
      procedure: { code: o.procedure ?? '1.001', name: { vi: 'Thủ tục', en: 'Procedure' } },
      dueAt: o.due ? stamp(o.due) : undefined,
      createdAt: stamp(o.created ?? '2026-11-20T08:00:00'),
      intake: o.intake ? { alertAt: stamp(o.intake.alertAt), decideBy: stamp(o.intake.decideBy) } : undefined,
    },
  };
}

const shownIds = (queue: ReturnType<typeof createQueue>) => queue.shown(NOW).map(({ r }) => r.id);

describe('work queue', () => {
  beforeEach(() => Object.assign(filters, { tab: 'open', procedure: '', search: '' }));

  it('works overdue first, then due soon, then by due date, then newest; closed dossiers only under "all"', () => {
    const queue = createQueue();
    queue.apply([
      dossier('0001', 'processing', { due: '2026-12-10T17:00:00' }),
      dossier('0002', 'processing', { due: '2026-12-01T17:00:00' }), // overdue
      dossier('0003', 'received', { due: '2026-12-03T17:00:00' }), // due tomorrow
      dossier('0004', 'registered', { created: '2026-11-25T08:00:00' }),
      dossier('0005', 'registered', { created: '2026-11-26T08:00:00' }),
      dossier('0006', 'returned', { due: '2026-11-30T17:00:00' }),
    ]);
    expect(shownIds(queue)).toEqual(['0002', '0003', '0001', '0005', '0004']);
    filters.tab = 'attention';
    expect(shownIds(queue)).toEqual(['0002', '0003']);
    filters.tab = 'all';
    expect(shownIds(queue)).toHaveLength(6);
    expect(queue.counts(NOW)).toMatchObject({ open: 5, attention: 2 });
    expect(queue.counts(NOW).byStatus.get('registered')).toBe(2);
  });

  it('puts online dossiers awaiting intake first among the new ones, by their deadline; late or alerted ones need attention', () => {
    const queue = createQueue();
    queue.apply([
      dossier('0001', 'registered', { created: '2026-12-02T08:30:00' }), // at the desk: no intake deadline
      dossier('0002', 'registered', { created: '2026-12-01T10:00:00', intake: { alertAt: '2026-12-01T12:00:00', decideBy: '2026-12-02T10:00:00' } }), // past its alert time
      dossier('0003', 'registered', { created: '2026-12-02T08:00:00', intake: { alertAt: '2026-12-02T10:00:00', decideBy: '2026-12-02T16:00:00' } }), // pending
      dossier('0004', 'registered', { created: '2026-11-30T08:00:00', intake: { alertAt: '2026-11-30T10:00:00', decideBy: '2026-12-01T08:00:00' } }), // late
      dossier('0005', 'received', { due: '2026-12-20T17:00:00', intake: { alertAt: '2026-11-30T10:00:00', decideBy: '2026-12-01T08:00:00' } }), // received: done with intake
    ]);
    filters.tab = 'registered';
    expect(shownIds(queue)).toEqual(['0004', '0002', '0003', '0001']);
    expect(queue.shown(NOW).map(({ i }) => i)).toEqual(['late', 'alert', 'pending', undefined]);
    filters.tab = 'attention';
    expect(shownIds(queue)).toEqual(['0004', '0002']);
    expect(queue.counts(NOW).attention).toBe(2);
  });

  it('marks dossiers that arrive after the first snapshot as new, until they leave', () => {
    const queue = createQueue();
    expect(queue.apply([dossier('0001', 'registered')])).toEqual([]);
    expect(queue.rows.get('0001')?.fresh).toBe(false);
    expect(queue.apply([dossier('0002', 'registered')])).toEqual(['000.00.01.H99-261201-0002']);
    expect(queue.apply([{ ...dossier('0002', 'received'), type: 'modified' }])).toEqual([]);
    expect(queue.rows.get('0002')).toMatchObject({ fresh: true, status: 'received' });
    queue.apply([{ type: 'removed', id: '0002', data: {} }]);
    expect([...queue.rows.keys()]).toEqual(['0001']);
  });

  it('lets the sweep’s flags add what the local clock cannot see (holidays)', () => {
    const queue = createQueue();
    queue.apply([dossier('0001', 'processing', { due: '2026-12-10T17:00:00' })]);
    filters.tab = 'attention';
    expect(shownIds(queue)).toEqual([]);
    queue.setFlags(new Map([['0001', { dueSoon: true }]]));
    expect(shownIds(queue)).toEqual(['0001']);
  });

  it('filters by procedure and by any part of the code, in either case', () => {
    const queue = createQueue();
    queue.apply([dossier('0001', 'registered', { procedure: '1.001' }), dossier('0002', 'registered', { procedure: '2.002' })]);
    filters.procedure = '2.002';
    expect(shownIds(queue)).toEqual(['0002']);
    filters.procedure = '';
    filters.search = 'h99-261201-0001';
    expect(shownIds(queue)).toEqual(['0001']);
  });
});
