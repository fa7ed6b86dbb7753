export * from './actions.js';
export * from './actor.js';
export * from './apply.js';
export * from './conflict.js';
export * from './deadline-flags.js';
export * from './rules.js';
export * from './event.js';
export * from './table.js';
