// One entry of a dossier's append-only history. Every applied action yields exactly one event; the
// dossier is the fold of its events, so the event carries everything needed to rebuild the state — except
// personal data, which it references instead of copying: the log is read by more people than the personal
// part (monitors read it province-wide, firestore.rules), and it can never be edited afterwards (hash chain).
import { z } from 'zod';
import { Actor } from '../lifecycle/actor.js';
import { ComponentId } from '../procedure/component.js';
import { SupplementItem } from '../dossier/dossier.js';
import {
  AcknowledgeTransferAction,
  ActionType,
  AssignAction,
  CloseUnsupplementedAction,
  ConfirmPaymentAction,
  ConfirmStopAction,
  ExtendAction,
  IntakeAction,
  ProvideOpinionAction,
  ReceiveAction,
  RefuseAtReceptionAction,
  RequestOpinionAction,
  RequestPaymentAction,
  RequestStopAction,
  RequestSupplementAction,
  RecordedResolve,
  ReturnResultAction,
  StopAction,
  SucceedAgencyAction,
  SubmitAction,
  SubmitSupplementAction,
  TransferAction,
  WithdrawAction,
  type DossierAction,
} from './actions.js';
import { DossierStatus } from '../dossier/status.js';
import { EntityId, Instant } from '../shared/primitives.js';
import type { DossierComponent } from '../dossier/component.js';

const Count = z.number().int().min(0).max(20);

/**
 * A component as the event log names it: the paper counts and the ids of its files. The files' names
 * (which often carry the applicant's name or ID number), sizes, hashes and uploaders stay in the personal
 * part (`dossiers/{id}/private/personal`) and the upload records, under these ids (issue 12, finding 7).
 */
export const ComponentReference = z.strictObject({
  componentId: ComponentId,
  originals: Count,
  certifiedCopies: Count,
  copies: Count,
  attachmentIds: z.array(EntityId).max(20),
});
export type ComponentReference = z.infer<typeof ComponentReference>;

/** A supplement as recorded: the components after the merge, by reference. */
export const RecordedSubmitSupplement = SubmitSupplementAction.extend({
  components: z.array(ComponentReference).max(50).optional(),
});

/**
 * A supplement request as recorded: requests logged before items named their component lack it, and the
 * log is read forever (stats, roll-ups), so its items keep the older, looser shape.
 */
export const RecordedRequestSupplement = RequestSupplementAction.extend({ items: z.array(SupplementItem).min(1) });

/** What an event records of its action: the action itself, but a supplement's components by reference. */
export const EventPayload = z.discriminatedUnion('type', [
  SubmitAction,
  IntakeAction,
  ReceiveAction,
  RefuseAtReceptionAction,
  RecordedRequestSupplement,
  RecordedSubmitSupplement,
  AssignAction,
  TransferAction,
  AcknowledgeTransferAction,
  RequestOpinionAction,
  ProvideOpinionAction,
  RequestPaymentAction,
  ConfirmPaymentAction,
  RecordedResolve,
  ExtendAction,
  ReturnResultAction,
  WithdrawAction,
  StopAction,
  RequestStopAction,
  ConfirmStopAction,
  CloseUnsupplementedAction,
  SucceedAgencyAction,
]);
export type EventPayload = z.infer<typeof EventPayload>;
/** Every action type has its recorded form (compile-time check). */
type _EveryAction = [ActionType] extends [EventPayload['type']] ? ([EventPayload['type']] extends [ActionType] ? true : never) : never;
const _everyAction: _EveryAction = true;
void _everyAction;

export function componentReference(component: DossierComponent): ComponentReference {
  // A supplement's new document carries the officer's free-text name: the log keeps references only.
  const { attachments, name: _name, ...counts } = component;
  return { ...counts, attachmentIds: attachments.map((a) => a.id) };
}

/** The payload an event records for an applied action (no personal data; see ComponentReference). */
export function eventPayloadOf(action: DossierAction): EventPayload {
  if (action.type !== 'submitSupplement') return action;
  const { components, ...rest } = action;
  return components === undefined ? rest : { ...rest, components: components.map(componentReference) };
}

export const DossierEvent = z.object({
  dossierId: EntityId,
  /** The dossier version this event produced: 1 for the first event, gap-free. */
  version: z.number().int().min(1),
  type: ActionType,
  actor: Actor,
  at: Instant,
  from: DossierStatus,
  to: DossierStatus,
  payload: EventPayload,
});
export type DossierEvent = z.infer<typeof DossierEvent>;
