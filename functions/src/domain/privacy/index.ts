export * from './notice.js';
export * from './data-request-facts.js';
export * from './data-request.js';
export * from './retention.js';
