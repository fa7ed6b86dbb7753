import { beforeEach, describe, expect, it } from 'vitest';
import { createQueue, filters, type Doc } from './queue-state.js';

// Instants written in Vietnam time (+07:00), as officers read them.
const vn = (local: string) => new Date(`${local}+07:00`);
const stamp = (local: string) => ({ toDate: () => vn(local) });
const NOW = vn('2026-12-02T09:00:00'); // Wednesday

function dossier(id: string, status: string, o: { due?: string; procedure?: string; intake?: { alertAt: string; decideBy: string } } = {}): Doc {
  return {
    id,
    data: {
      code: `000.00.01.H99-261201-${id}`,
      status,
      channel: o.intake ? 'online' : 'desk',
      procedure: { code: o.procedure ?? '1.001', name: { vi: 'Thủ tục', en: 'Procedure' } },
      dueAt: o.due ? stamp(o.due) : undefined,
      createdAt: stamp('2026-11-20T08:00:00'),
      intake: o.intake ? { alertAt: stamp(o.intake.alertAt), decideBy: stamp(o.intake.decideBy) } : undefined,
    },
  };
}

const shownIds = (queue: ReturnType<typeof createQueue>) => queue.shown(NOW).map(({ r }) => r.id);

describe('work queue', () => {
  beforeEach(() => Object.assign(filters, { tab: 'open', procedure: '', search: '' }));

  it('shows the pages in the server’s order, one after the other, each dossier once', () => {
    const queue = createQueue();
    queue.setPage(0, [dossier('0002', 'processing', { due: '2026-12-01T17:00:00' }), dossier('0003', 'received', { due: '2026-12-03T17:00:00' })]);
    queue.setPage(1, [dossier('0003', 'received', { due: '2026-12-03T17:00:00' }), dossier('0001', 'processing', { due: '2026-12-10T17:00:00' })]); // a boundary that moved
    expect(shownIds(queue)).toEqual(['0002', '0003', '0001']);
    expect(queue.shown(NOW).map(({ f }) => f)).toEqual([
      { overdue: true, dueSoon: false },
      { overdue: false, dueSoon: true },
      { overdue: false, dueSoon: false },
    ]);
    expect(queue.pageCount()).toBe(2);
    queue.reset();
    expect(shownIds(queue)).toEqual([]);
  });

  it('puts dossiers that arrived while watching on top, marked new, on the tabs they belong to', () => {
    const queue = createQueue();
    queue.setPage(0, [dossier('0001', 'processing', { due: '2026-12-01T17:00:00' }), dossier('0009', 'registered')]);
    expect(queue.setArrivals([dossier('0009', 'registered')])).toEqual(['000.00.01.H99-261201-0009']);
    expect(queue.setArrivals([dossier('0009', 'received', { due: '2026-12-20T17:00:00' })])).toEqual([]);
    expect(shownIds(queue)).toEqual(['0009', '0001']);
    expect(queue.shown(NOW)[0]!.r).toMatchObject({ fresh: true, status: 'received' });
    filters.tab = 'registered'; // the server's answer for the tab: the arrival is no longer registered
    queue.reset();
    queue.setPage(0, []);
    expect(shownIds(queue)).toEqual([]);
    filters.tab = 'attention';
    queue.setPage(0, [dossier('0001', 'processing', { due: '2026-12-01T17:00:00' })]);
    expect(shownIds(queue)).toEqual(['0001']);
    filters.tab = 'open';
    filters.procedure = '2.002';
    expect(shownIds(queue)).toEqual(['0001']);
    filters.procedure = '';
    filters.search = '0009'; // a code search shows the server's matches only
    expect(shownIds(queue)).toEqual(['0001']);
  });

  it('marks online dossiers awaiting intake by their deadline', () => {
    const queue = createQueue();
    queue.setPage(0, [
      dossier('0004', 'registered', { intake: { alertAt: '2026-11-30T10:00:00', decideBy: '2026-12-01T08:00:00' } }),
      dossier('0002', 'registered', { intake: { alertAt: '2026-12-01T12:00:00', decideBy: '2026-12-02T10:00:00' } }),
      dossier('0003', 'registered', { intake: { alertAt: '2026-12-02T10:00:00', decideBy: '2026-12-02T16:00:00' } }),
      dossier('0001', 'registered'),
    ]);
    expect(queue.shown(NOW).map(({ i }) => i)).toEqual(['late', 'alert', 'pending', undefined]);
  });

  it('lets the sweep’s flags add what the local clock cannot see (holidays)', () => {
    const queue = createQueue();
    queue.setPage(0, [dossier('0001', 'processing', { due: '2026-12-10T17:00:00' })]);
    expect(queue.shown(NOW)[0]!.f.dueSoon).toBe(false);
    queue.setFlags(new Map([['0001', { dueSoon: true }]]));
    expect(queue.shown(NOW)[0]!.f.dueSoon).toBe(true);
  });
});
