// The lifecycle as data: for each status, the actions allowed in it, who may take them and the status that
// follows. Read by applyAction, the tests, the officer UI (which buttons to show) and docs/DATA_MODEL.md.
// Rules that depend on the dossier's history or on time (supplement once, extension once and in time,
// denial before the deadline) are in rules.ts.
import type { ActionType } from './actions.js';
import type { Role } from './actor.js';
import type { DossierStatus } from '../dossier/status.js';

/**
 * Which agency an officer must belong to (citizens must own the dossier; admin and system act province-wide):
 * - receiving: the agency whose desk received the dossier (it deals with the applicant),
 * - current: the agency now holding the dossier in its route,
 * - consulted: an agency with an unanswered opinion request on the dossier.
 */
export type AgencyScope = 'receiving' | 'current' | 'consulted';

/**
 * `resume`: back to the status the supplement was requested in (reception check or handling).
 * `closeOut`: a supplement that never came closes the dossier — not received (refused) if it was asked at
 * the reception check, stopped if asked during handling.
 * `same`: the status does not change (a request recorded on the dossier, e.g. a stop request).
 */
export type NextStatus = DossierStatus | 'resume' | 'closeOut' | 'same';

export interface Transition {
  readonly roles: readonly Role[];
  readonly scope: AgencyScope;
  readonly next: NextStatus;
}

const withdraw = { roles: ['citizen', 'receptionist'], scope: 'receiving', next: 'withdrawn' } as const;
const stop = { roles: ['lead', 'admin', 'system'], scope: 'current', next: 'stopped' } as const;
// Decree 118 Art. 21: from valid reception until the result is issued (rule-set dependent, rules.ts).
const requestStop = { roles: ['citizen', 'receptionist'], scope: 'receiving', next: 'same' } as const;
const confirmStop = { roles: ['receptionist', 'lead'], scope: 'receiving', next: 'stopped' } as const;
// A merger moves every dossier not yet closed (rules.ts: only one that involves the merged agency).
const succeedAgency = { roles: ['system'], scope: 'receiving', next: 'same' } as const;

export const LIFECYCLE = {
  draft: {
    // The system files on behalf of the national portal, where the applicant applied (Decree 118 Art. 15).
    submit: { roles: ['citizen', 'system'], scope: 'receiving', next: 'registered' },
    intake: { roles: ['receptionist'], scope: 'receiving', next: 'registered' },
  },
  registered: {
    receive: { roles: ['receptionist', 'lead'], scope: 'receiving', next: 'received' },
    refuseAtReception: { roles: ['receptionist', 'lead'], scope: 'receiving', next: 'refused' },
    requestSupplement: { roles: ['receptionist', 'lead'], scope: 'receiving', next: 'awaitingSupplement' },
    withdraw,
    succeedAgency,
  },
  received: {
    assign: { roles: ['lead'], scope: 'current', next: 'processing' },
    transfer: { roles: ['receptionist', 'handler', 'lead'], scope: 'current', next: 'processing' },
    extend: { roles: ['lead'], scope: 'current', next: 'received' },
    withdraw,
    stop,
    requestStop,
    confirmStop,
    succeedAgency,
  },
  processing: {
    acknowledgeTransfer: { roles: ['receptionist', 'handler', 'lead'], scope: 'current', next: 'processing' },
    assign: { roles: ['lead'], scope: 'current', next: 'processing' },
    transfer: { roles: ['handler', 'lead'], scope: 'current', next: 'processing' },
    requestOpinion: { roles: ['handler', 'lead'], scope: 'current', next: 'processing' },
    provideOpinion: { roles: ['handler', 'lead'], scope: 'consulted', next: 'processing' },
    requestSupplement: { roles: ['handler', 'lead'], scope: 'current', next: 'awaitingSupplement' },
    requestPayment: { roles: ['handler', 'lead'], scope: 'current', next: 'awaitingPayment' },
    resolve: { roles: ['handler', 'lead'], scope: 'current', next: 'resolved' },
    extend: { roles: ['lead'], scope: 'current', next: 'processing' },
    withdraw,
    stop,
    requestStop,
    confirmStop,
    succeedAgency,
  },
  awaitingSupplement: {
    submitSupplement: { roles: ['citizen', 'receptionist'], scope: 'receiving', next: 'resume' },
    closeUnsupplemented: { roles: ['system'], scope: 'receiving', next: 'closeOut' },
    withdraw,
    stop,
    requestStop,
    confirmStop,
    succeedAgency,
  },
  awaitingPayment: {
    confirmPayment: { roles: ['handler', 'lead', 'system'], scope: 'current', next: 'processing' },
    extend: { roles: ['lead'], scope: 'current', next: 'awaitingPayment' },
    withdraw,
    stop,
    requestStop,
    confirmStop,
    succeedAgency,
  },
  resolved: {
    returnResult: { roles: ['receptionist', 'system'], scope: 'receiving', next: 'returned' },
    succeedAgency,
  },
  refused: {},
  withdrawn: {},
  stopped: {},
  returned: {},
} as const satisfies Record<DossierStatus, Partial<Record<ActionType, Transition>>>;

/** The table entry for an action in a status, if the action exists there at all. */
export function findTransition(status: DossierStatus, action: ActionType): Transition | undefined {
  const row: Partial<Record<ActionType, Transition>> = LIFECYCLE[status];
  // Own keys only: an action type arriving as "constructor" or "toString" must not find Object's members.
  return Object.hasOwn(row, action) ? row[action] : undefined;
}

/** Actions that exist in a status, whoever takes them. */
export function actionsInStatus(status: DossierStatus): ActionType[] {
  return Object.keys(LIFECYCLE[status]) as ActionType[];
}
