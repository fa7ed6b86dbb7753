// The due date as the citizen should read it: the contract's (functions/src/contract/views/due-state.ts),
// which the server also uses when it sends the list already drawn.
export { changedNote, dueState, PAUSED, PAUSED_HINT, type DueState } from '../../../functions/src/contract/views/due-state.js';
