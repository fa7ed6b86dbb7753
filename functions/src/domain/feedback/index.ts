export * from './feedback.js';
export * from './deadlines.js';
export * from './decide.js';
