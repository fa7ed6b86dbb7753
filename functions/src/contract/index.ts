// The contract between the server, the pages and the tests: routes, what each takes and answers, the error
// shape, a typed client, and the zod-free facts of the law the pages show. Imports only the domain (types,
// and its zod-free modules at run time). docs/adr/0003-contract.md.
export * from './admin.js';
export * from './api.js';
export * from './catalog.js';
export * from './dashboard.js';
export * from './client.js';
export * from './contacts.js';
export * from './dossiers.js';
export * from './errors.js';
export * from './facts.js';
export * from './feedback.js';
export * from './health.js';
export * from './identity.js';
export * from './format.js';
export * from './lookup.js';
export * from './me.js';
export * from './officers.js';
export * from './privacy.js';
export * from './payments.js';
export * from './portal.js';
export * from './ratings.js';
export * from './reception-choices.js';
export * from './results.js';
export * from './routes.js';
export * from './session.js';
export * from './transparency.js';
export * from './uploads.js';
export * from './wire.js';
