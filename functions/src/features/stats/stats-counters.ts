// Which statistics counters one dossier event moves. Pure: the trigger reads the facts, this decides.
// Counters are per receiving agency, procedure field and month of the event in Vietnam time.
import { classifyTimeliness, type ActionType } from '../../domain/index.js';

export const STATS_COUNTERS = [
  'received',
  'refused',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'returned',
  'withdrawn',
  'stopped',
  'inProgress',
] as const;
export type StatsCounter = (typeof STATS_COUNTERS)[number];
export type CounterDeltas = Partial<Record<StatsCounter, number>>;

/** What the trigger knows about the dossier when it counts an event (read from `dossiers/{id}`). */
export type DossierFacts = {
  receivedAt?: Date;
  dueAt?: Date;
  /** The due time before any extension (the original appointment of form 04). */
  originalDueAt?: Date;
};

/**
 * The counter changes of one event, or an empty object when the event counts for nothing.
 *
 * `inProgress` is a gauge kept as monthly deltas: +1 when a dossier is received, −1 when a received
 * dossier is closed (returned, withdrawn, stopped). In progress at the end of month M = the sum of
 * `inProgress` over months ≤ M. Whether those dossiers are on time or late depends on the clock, not on
 * an event, so that split is left to the scheduled sweep.
 *
 * Resolution timeliness is judged by date against the original appointment (`originalDueAt`, falling back
 * to `dueAt`), as `findResolutionTimeliness` of the domain does: an apology with a new date keeps the
 * dossier lawful but does not make it on time.
 */
export function counterDeltas(type: ActionType, at: Date, dossier: DossierFacts): CounterDeltas {
  // A close after reception only: a dossier withdrawn before reception never entered the gauge.
  const wasReceived = dossier.receivedAt !== undefined && dossier.receivedAt.getTime() <= at.getTime();
  const close = (counter: 'returned' | 'withdrawn' | 'stopped'): CounterDeltas =>
    wasReceived ? { [counter]: 1, inProgress: -1 } : { [counter]: 1 };
  switch (type) {
    case 'receive':
      return { received: 1, inProgress: 1 };
    case 'refuseAtReception':
      return { refused: 1 };
    case 'resolve': {
      const due = dossier.originalDueAt ?? dossier.dueAt;
      if (due === undefined) return {}; // cannot happen through the lifecycle: resolve needs a received dossier
      const timeliness = classifyTimeliness(due, at);
      return timeliness === 'early'
        ? { resolvedEarly: 1 }
        : timeliness === 'onTime'
          ? { resolvedOnTime: 1 }
          : { resolvedLate: 1 };
    }
    case 'returnResult':
      return close('returned');
    case 'withdraw':
      return close('withdrawn');
    case 'stop':
    case 'confirmStop': // Decree 118 Art. 21: stopped at the applicant's request
      return close('stopped');
    case 'closeUnsupplemented': // Decree 118 Art. 19.5: stopped after reception, never received before it
      return wasReceived ? close('stopped') : { refused: 1 };
    default:
      return {};
  }
}
