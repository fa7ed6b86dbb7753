// Side effects of a transition are requested through outbox documents, written in the same transaction
// as the state change and consumed by their own workers (slips: issue 5; notifications: issue 6).
// Document ids are `{dossierId}_{version}`, so a request can never be written twice.
import type { ActionType } from '../../domain/index.js';

/** Official slips (Circular 01/2018 forms) that a transition produces. */
export const SLIP_FOR_ACTION: Partial<Record<ActionType, '01' | '02' | '03' | '04' | '05'>> = {
  receive: '01',
  requestSupplement: '02',
  refuseAtReception: '03',
  extend: '04',
  transfer: '05',
  acknowledgeTransfer: '05',
};

/** Transitions the applicant is told about. Internal steps (assign, opinions) are not. */
export const NOTIFY_APPLICANT: ReadonlySet<ActionType> = new Set<ActionType>([
  'submit',
  'intake',
  'receive',
  'refuseAtReception',
  'requestSupplement',
  'submitSupplement',
  'requestPayment',
  'resolve',
  'extend',
  'returnResult',
  'withdraw',
  'stop',
]);

export const outboxId = (dossierId: string, version: number) =>
  `${dossierId}_${String(version).padStart(6, '0')}`;
