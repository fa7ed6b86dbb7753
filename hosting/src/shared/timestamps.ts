// Dates as the pages receive them: Firestore Timestamps from live listeners, ISO strings from the API.
// Kept in the contract (the server's first view of My dossiers reads the same): a Firestore Timestamp
// (anything with `toDate()`), a Date or an ISO string as a Date; undefined otherwise.
export { stampDate as toDate } from '../../../functions/src/contract/views/due-state.js';
