// The draft slots firestore.rules allow a citizen, shared by finding a draft (draft-lookup.ts, no SDK) and
// saving one (draft-store.ts, the Firestore SDK).

/** As firestore.rules allow: `drafts/{uid}_0` … `{uid}_9`. */
export const MAX_DRAFTS = 10;

/** Every draft slot of the citizen holds an unfinished application of another procedure. */
export class DraftSlotsFull extends Error {
  constructor() {
    super('all draft slots are taken');
    this.name = 'DraftSlotsFull';
  }
}
