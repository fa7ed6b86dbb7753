export * from './rule-set.js';
export * from './behaviour.js';
export * from './settings.js';
