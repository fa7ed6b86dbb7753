// One entry of a dossier's append-only history. Every applied action yields exactly one event; the
// dossier is the fold of its events, so the event carries everything needed to rebuild the state.
import { z } from 'zod';
import { Actor } from '../lifecycle/actor.js';
import { ActionType, DossierAction } from './actions.js';
import { DossierStatus } from '../dossier/status.js';
import { EntityId, Instant } from '../shared/primitives.js';

export const DossierEvent = z.object({
  dossierId: EntityId,
  /** The dossier version this event produced: 1 for the first event, gap-free. */
  version: z.number().int().min(1),
  type: ActionType,
  actor: Actor,
  at: Instant,
  from: DossierStatus,
  to: DossierStatus,
  payload: DossierAction,
});
export type DossierEvent = z.infer<typeof DossierEvent>;
