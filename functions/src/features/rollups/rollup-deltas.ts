// What one dossier event adds to the roll-ups of its receiving agency: the counters of the event's month and
// ISO week (Vietnam time), the maps by field and procedure, the live gauge, the tags that let a figure be
// drilled down to its dossiers, and the per-officer counters. Pure: the trigger reads the facts, this decides.
import { classifyTimeliness, type ActionType, type DossierIndices, type DossierProgress, type Timeliness } from '../../domain/index.js';
import { PER_DOSSIER_INDICES } from '../../domain/index.js';

/** What the trigger knows about the dossier when it counts an event (from `dossiers/{id}` and its log). */
export type RollupFacts = {
  receivedAt?: Date | undefined;
  dueAt?: Date | undefined;
  originalDueAt?: Date | undefined;
  channel: 'desk' | 'post' | 'online';
  legacy: boolean;
  /** At `receive`: every component the applicant handed in has a file. */
  digitised?: boolean;
  /** At the event that ends the dossier for Decision 766 (undefined at any other event). */
  progress?: DossierProgress;
  /** At the event that finishes it for Circular 01 (returned, withdrawn, stopped after reception). */
  indices?: DossierIndices;
  atDesk?: boolean;
  /** At `returnResult`: how the result went back. */
  returnedVia?: string | undefined;
  /** The officer handling it (per-officer figures). */
  handlerId?: string | undefined;
};

type Counts = Record<string, number>;
export type RollupDeltas = {
  /** Top-level counters of the period documents. */
  counters: Counts;
  /** Circular 01 sums over every dossier (the transparency page), and over legacy dossiers only. */
  indexSums: Counts;
  indexCounts: Counts;
  c01: Counts;
  legacy: { indexSums: Counts; indexCounts: Counts; counts: Counts };
  byField: Counts;
  byProcedure: Counts;
  /** `rollups/{agencyId}_live`. */
  live: Counts;
  /** Per-officer counters (the handler's), when there is one. */
  officer: Counts;
  /** Tags added to `dossierFacts/{id}.tags` for the drill-down, without the period (added per period). */
  tags: string[];
  timeliness: Timeliness | null;
};

export function emptyDeltas(): RollupDeltas {
  return { counters: {}, indexSums: {}, indexCounts: {}, c01: {}, legacy: { indexSums: {}, indexCounts: {}, counts: {} }, byField: {}, byProcedure: {}, live: {}, officer: {}, tags: [], timeliness: null };
}

export const isEmpty = (d: RollupDeltas) =>
  [d.counters, d.indexSums, d.c01, d.legacy.counts, d.live, d.officer].every((o) => Object.keys(o).length === 0) && d.tags.length === 0;

const add = (into: Counts, key: string, n = 1) => {
  into[key] = (into[key] ?? 0) + n;
};

/**
 * The roll-up changes of one event. Besides what the national index needs, the period documents keep the
 * counters the statistics documents `stats/` have (received, refused, resolved early / on time / late
 * against the original appointment, returned, withdrawn, stopped), with the same meaning, so the
 * transparency page reads them instead of every stats document.
 */
export function rollupDeltas(type: ActionType, at: Date, f: RollupFacts): RollupDeltas {
  const d = emptyDeltas();
  const wasReceived = f.receivedAt !== undefined && f.receivedAt.getTime() <= at.getTime();
  const close = (counter: 'returned' | 'withdrawn' | 'stopped') => {
    add(d.counters, counter);
    if (wasReceived) add(d.live, 'inProgress', -1);
  };
  switch (type) {
    case 'receive':
      add(d.counters, 'received');
      add(d.live, 'inProgress');
      add(d.byField, 'received');
      add(d.byProcedure, 'received');
      d.tags.push('received');
      if (f.channel === 'online') {
        add(d.counters, 'receivedOnline');
        add(d.byProcedure, 'receivedOnline');
      }
      if (f.digitised) add(d.counters, 'receivedDigitised');
      if (f.legacy) {
        add(d.legacy.counts, 'received');
        if (f.channel === 'online') add(d.legacy.counts, 'receivedOnline');
      }
      break;
    case 'refuseAtReception':
      add(d.counters, 'refused');
      break;
    case 'resolve': {
      const due = f.originalDueAt ?? f.dueAt;
      if (due !== undefined) {
        const t = classifyTimeliness(due, at);
        add(d.counters, t === 'early' ? 'resolvedEarly' : t === 'onTime' ? 'resolvedOnTime' : 'resolvedLate');
      }
      break;
    }
    case 'returnResult':
      close('returned');
      // A result returned online counts as an electronic result (766 sub-indicator 4.1).
      if (f.returnedVia === 'online') add(d.counters, 'returnedOnline');
      break;
    case 'withdraw':
      close('withdrawn');
      break;
    case 'stop':
    case 'confirmStop':
      close('stopped');
      break;
    case 'closeUnsupplemented':
      if (wasReceived) close('stopped');
      else add(d.counters, 'refused');
      break;
    default:
      break;
  }
  if (f.progress) {
    const onTime = f.progress.timeliness !== 'late';
    add(d.counters, 'finished');
    add(d.counters, onTime ? 'finishedOnTime' : 'finishedLate');
    add(d.byField, onTime ? 'finishedOnTime' : 'finishedLate');
    add(d.byProcedure, onTime ? 'finishedOnTime' : 'finishedLate');
    if (f.progress.usedPermille !== null) {
      add(d.counters, 'timeUsedPermilleSum', f.progress.usedPermille);
      add(d.counters, 'timeUsedCount');
    }
    d.tags.push('finished', onTime ? 'onTime' : 'late');
    d.timeliness = f.progress.timeliness;
    if (f.handlerId) {
      add(d.officer, 'finished');
      add(d.officer, onTime ? 'finishedOnTime' : 'finishedLate');
    }
  }
  if (f.indices) {
    for (const key of PER_DOSSIER_INDICES) {
      const score = f.indices[key];
      if (score === undefined) continue;
      add(d.indexSums, key, score);
      add(d.indexCounts, key);
      if (f.legacy) {
        add(d.legacy.indexSums, key, score);
        add(d.legacy.indexCounts, key);
      }
    }
    add(d.c01, 'evaluated');
    if (f.atDesk) add(d.c01, 'atDesk');
    if (f.legacy) {
      add(d.legacy.counts, 'evaluated');
      if (f.atDesk) add(d.legacy.counts, 'atDesk');
    }
  }
  return d;
}

