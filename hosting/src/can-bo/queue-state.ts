// The work queue's state: the agency's dossiers as rows (kept up to date from the listener's changes,
// with the ones that arrived while the officer watched marked new), the sweep's deadline flags, the
// chosen tab and filters (kept across going to a dossier and back), and which rows they show in which
// order: overdue first, then due soon, then by due date, then newest.
import type { DocumentData } from 'firebase/firestore';
import { toDate } from '../shared/timestamps.js';
import { computeFlags, mergeFlags, type Flags } from './deadlines.js';
import { isFinal } from './labels.js';
import type { QueueChange } from './store.js';

export type Row = {
  id: string;
  code: string;
  status: string;
  procedureCode: string;
  procedureName: { vi: string; en: string };
  dueAt?: Date;
  receivedAt?: Date;
  createdAt?: Date;
  currentAgencyId?: string;
  /** Arrived (or still unseen) since the queue was first shown. */
  fresh: boolean;
};

/** A tab: open work, what needs attention, everything, or one national status. */
export type Tab = 'open' | 'attention' | 'all' | string;

// The chosen tab and filters survive going to a dossier and back.
export const filters: { tab: Tab; procedure: string; search: string } = { tab: 'open', procedure: '', search: '' };

function rowOf(id: string, d: DocumentData, fresh: boolean): Row {
  return {
    id,
    code: String(d.code ?? ''),
    status: String(d.status ?? ''),
    procedureCode: String(d.procedure?.code ?? ''),
    procedureName: d.procedure?.name ?? { vi: '', en: '' },
    dueAt: toDate(d.dueAt),
    receivedAt: toDate(d.receivedAt),
    createdAt: toDate(d.createdAt),
    currentAgencyId: d.currentStep?.agencyId,
    fresh,
  };
}

const rank = (f: Flags): number => (f.overdue ? 0 : f.dueSoon ? 1 : 2);

export type Queue = ReturnType<typeof createQueue>;

export function createQueue() {
  const rows = new Map<string, Row>();
  let watch = new Map<string, Partial<Flags>>();
  let firstSnapshot = true;

  const flagsOf = (r: Row, now: Date): Flags => mergeFlags(computeFlags(r.status, r.dueAt, now), watch.get(r.id));

  function inTab(r: Row, f: Flags): boolean {
    if (filters.tab === 'all') return true;
    if (filters.tab === 'open') return !isFinal(r.status);
    if (filters.tab === 'attention') return f.overdue || f.dueSoon;
    return r.status === filters.tab;
  }

  return {
    rows,
    flagsOf,
    /** Applies a snapshot's changes; returns the codes of the dossiers added since the first snapshot. */
    apply(changes: QueueChange[]): string[] {
      const added: string[] = [];
      for (const change of changes) {
        if (change.type === 'removed') rows.delete(change.id);
        else {
          const fresh = !firstSnapshot && (change.type === 'added' || rows.get(change.id)?.fresh === true);
          if (!firstSnapshot && change.type === 'added') added.push(String(change.data.code ?? change.id));
          rows.set(change.id, rowOf(change.id, change.data, fresh));
        }
      }
      firstSnapshot = false;
      return added;
    },
    setFlags(flags: Map<string, Partial<Flags>>): void {
      watch = flags;
    },
    /** How many rows each tab would show. */
    counts(now: Date): { byStatus: Map<string, number>; open: number; attention: number } {
      const byStatus = new Map<string, number>();
      let open = 0;
      let attention = 0;
      for (const r of rows.values()) {
        byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
        if (!isFinal(r.status)) open++;
        const f = flagsOf(r, now);
        if (f.overdue || f.dueSoon) attention++;
      }
      return { byStatus, open, attention };
    },
    /** The rows the tab, procedure and code search select, in the order the officer works them. */
    shown(now: Date): { r: Row; f: Flags }[] {
      const needle = filters.search.trim().toUpperCase();
      return [...rows.values()]
        .map((r) => ({ r, f: flagsOf(r, now) }))
        .filter(({ r, f }) => inTab(r, f) && (!filters.procedure || r.procedureCode === filters.procedure) && (!needle || r.code.toUpperCase().includes(needle)))
        .sort((a, b) => rank(a.f) - rank(b.f) || (a.r.dueAt?.getTime() ?? Infinity) - (b.r.dueAt?.getTime() ?? Infinity) || (b.r.createdAt?.getTime() ?? 0) - (a.r.createdAt?.getTime() ?? 0));
    },
  };
}
