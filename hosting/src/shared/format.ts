// Dates and amounts the way a Vietnamese reader expects them: kept in the contract, because the server
// renders some pages' first view with the same words (functions/src/platform/serve-pages.ts).
export { formatDate, formatDateTime, formatVnd } from '../../../functions/src/contract/format.js';
