export * from './aggregate.js';
export * from './feedback.js';
export * from './indices.js';
export * from './rating.js';
export * from './rating-state.js';
export * from './evaluation-counters.js';
