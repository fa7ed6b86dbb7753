// The work queue's state: the agency's dossiers as rows (kept up to date from the listener's changes,
// with the ones that arrived while the officer watched marked new), the sweep's deadline flags, the
// chosen tab and filters (kept across going to a dossier and back), and which rows they show in which
// order: overdue first (late online intake too), then due soon (online intake past its alert time), then
// by due date (the intake deadline for an online dossier not yet received), then newest.
import type { DocumentData } from 'firebase/firestore';
import { toDate } from '../shared/timestamps.js';
import { computeFlags, intakeState, mergeFlags, type Flags, type IntakeState } from './deadlines.js';
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
  submittedAt?: Date;
  createdAt?: Date;
  currentAgencyId?: string;
  channel: string;
  /** Decree 118 Art. 17.2: an online dossier's intake alert time and deadline (set by the server). */
  intake: { alertAt?: Date; decideBy?: Date };
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
    submittedAt: toDate(d.submittedAt),
    createdAt: toDate(d.createdAt),
    currentAgencyId: d.currentStep?.agencyId,
    channel: String(d.channel ?? ''),
    intake: { alertAt: toDate(d.intake?.alertAt), decideBy: toDate(d.intake?.decideBy) },
    fresh,
  };
}

const rank = (f: Flags, i: IntakeState | undefined): number => (f.overdue || i === 'late' ? 0 : f.dueSoon || i === 'alert' ? 1 : 2);
const needsAttention = (f: Flags, i: IntakeState | undefined): boolean => f.overdue || f.dueSoon || i === 'alert' || i === 'late';

/** The deadline the row is worked by: its due date, or the intake deadline of an online dossier not yet received. */
const deadlineOf = (r: Row, i: IntakeState | undefined): number => r.dueAt?.getTime() ?? (i ? r.intake.decideBy!.getTime() : Infinity);

export type Queue = ReturnType<typeof createQueue>;

export function createQueue() {
  const rows = new Map<string, Row>();
  let watch = new Map<string, Partial<Flags>>();
  let firstSnapshot = true;

  const flagsOf = (r: Row, now: Date): Flags => mergeFlags(computeFlags(r.status, r.dueAt, now), watch.get(r.id));
  const intakeOf = (r: Row, now: Date): IntakeState | undefined => intakeState(r.status, r.intake, now);

  function inTab(r: Row, f: Flags, i: IntakeState | undefined): boolean {
    if (filters.tab === 'all') return true;
    if (filters.tab === 'open') return !isFinal(r.status);
    if (filters.tab === 'attention') return needsAttention(f, i);
    return r.status === filters.tab;
  }

  return {
    rows,
    flagsOf,
    intakeOf,
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
        if (needsAttention(flagsOf(r, now), intakeOf(r, now))) attention++;
      }
      return { byStatus, open, attention };
    },
    /** The rows the tab, procedure and code search select, in the order the officer works them. */
    shown(now: Date): { r: Row; f: Flags; i: IntakeState | undefined }[] {
      const needle = filters.search.trim().toUpperCase();
      return [...rows.values()]
        .map((r) => ({ r, f: flagsOf(r, now), i: intakeOf(r, now) }))
        .filter(({ r, f, i }) => inTab(r, f, i) && (!filters.procedure || r.procedureCode === filters.procedure) && (!needle || r.code.toUpperCase().includes(needle)))
        .sort((a, b) => rank(a.f, a.i) - rank(b.f, b.i) || deadlineOf(a.r, a.i) - deadlineOf(b.r, b.i) || (b.r.createdAt?.getTime() ?? 0) - (a.r.createdAt?.getTime() ?? 0));
    },
  };
}
