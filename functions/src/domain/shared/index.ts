export * from './bilingual.js';
export * from './domain-error.js';
export * from './field-errors.js';
export * from './primitives.js';
