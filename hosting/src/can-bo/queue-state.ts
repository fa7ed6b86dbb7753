// The work queue's state: the pages of the chosen tab as the server ordered them (queue-query.ts: by
// `workBy`, overdue first, then due soon, then by due date), the dossiers that arrived while the officer
// watched (shown on top, marked new), the sweep's deadline flags for the rows on screen, and the chosen
// tab and filters (kept across going to a dossier and back). Nothing is sorted or filtered here beyond
// keeping arrivals to the tab they belong to: the order is the query's.
import type { DocumentData } from 'firebase/firestore';
import { toDate } from '../shared/timestamps.js';
import { computeFlags, intakeState, mergeFlags, type Flags, type IntakeState } from './deadlines.js';
import { CLOSED_STATUSES, OPEN_STATUSES, codePrefix, type QueueFilter, type Tab } from './queue-query.js';

export type { Tab };

export type Row = {
  id: string;
  code: string;
  status: string;
  procedureCode: string;
  procedureName: { vi: string; en: string };
  dueAt?: Date;
  receivedAt?: Date;
  submittedAt?: Date;
  createdAt?: Date;
  currentAgencyId?: string;
  channel: string;
  /** Decree 118 Art. 17.2: an online dossier's intake alert time and deadline (set by the server). */
  intake: { alertAt?: Date; decideBy?: Date };
  /** Arrived while the queue was shown. */
  fresh: boolean;
};

export type Doc = { id: string; data: DocumentData };

// The chosen tab and filters survive going to a dossier and back.
export const filters: QueueFilter = { tab: 'open', procedure: '', search: '' };

function rowOf({ id, data: d }: Doc, fresh: boolean): Row {
  return {
    id,
    code: String(d.code ?? ''),
    status: String(d.status ?? ''),
    procedureCode: String(d.procedure?.code ?? ''),
    procedureName: d.procedure?.name ?? { vi: '', en: '' },
    dueAt: toDate(d.dueAt),
    receivedAt: toDate(d.receivedAt),
    submittedAt: toDate(d.submittedAt),
    createdAt: toDate(d.createdAt),
    currentAgencyId: d.currentStep?.agencyId,
    channel: String(d.channel ?? ''),
    intake: { alertAt: toDate(d.intake?.alertAt), decideBy: toDate(d.intake?.decideBy) },
    fresh,
  };
}

const needsAttention = (f: Flags, i: IntakeState | undefined): boolean => f.overdue || f.dueSoon || i === 'alert' || i === 'late';

export type Shown = { r: Row; f: Flags; i: IntakeState | undefined };
export type Queue = ReturnType<typeof createQueue>;

export function createQueue() {
  let pages: Row[][] = [];
  let arrivals: Row[] = [];
  let watch = new Map<string, Partial<Flags>>();

  const flagsOf = (r: Row, now: Date): Flags => mergeFlags(computeFlags(r.status, r.dueAt, now), watch.get(r.id));
  const intakeOf = (r: Row, now: Date): IntakeState | undefined => intakeState(r.status, r.intake, now);

  /** Whether an arrival belongs on the tab (the pages are the server's answer for it already). */
  function inTab(r: Row, now: Date): boolean {
    if (filters.procedure && r.procedureCode !== filters.procedure) return false;
    const tab = filters.tab;
    if (tab === 'all') return true;
    if (tab === 'open') return (OPEN_STATUSES as readonly string[]).includes(r.status);
    if (tab === 'closed') return (CLOSED_STATUSES as readonly string[]).includes(r.status);
    if (tab === 'attention') return needsAttention(flagsOf(r, now), intakeOf(r, now));
    return r.status === tab;
  }

  return {
    flagsOf,
    intakeOf,
    /** Forgets the pages (another tab, procedure or search); arrivals stay. */
    reset(): void {
      pages = [];
    },
    /** The rows of page `n`, as its listener last saw them. */
    setPage(n: number, docs: Doc[]): void {
      pages[n] = docs.map((d) => rowOf(d, false));
    },
    pageCount: (): number => pages.length,
    /** The arrivals' listener answered; returns the codes of the dossiers not seen before (for the announcement). */
    setArrivals(docs: Doc[]): string[] {
      const before = new Set(arrivals.map((r) => r.id));
      arrivals = docs.map((d) => rowOf(d, true));
      return arrivals.filter((r) => !before.has(r.id)).map((r) => r.code || r.id);
    },
    setFlags(flags: Map<string, Partial<Flags>>): void {
      watch = flags;
    },
    /** Every row loaded (pages and arrivals), for the procedure filter's choices. */
    loaded(): Row[] {
      return [...arrivals, ...pages.flat()];
    },
    /** What the officer sees: arrivals of the tab first (not while searching a code), then the pages in the server's order. */
    shown(now: Date): Shown[] {
      const top = codePrefix(filters.search) ? [] : arrivals.filter((r) => inTab(r, now));
      const onTop = new Set(top.map((r) => r.id));
      const seen = new Set<string>();
      const rows = [...top, ...pages.flat().filter((r) => !onTop.has(r.id))].filter((r) => !seen.has(r.id) && seen.add(r.id));
      return rows.map((r) => ({ r, f: flagsOf(r, now), i: intakeOf(r, now) }));
    },
  };
}
