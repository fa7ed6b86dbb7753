export * from './amount-in-words.js';
export * from './payment-reference.js';
export * from './fee-notice.js';
