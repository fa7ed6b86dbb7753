export * from './component.js';
export * from './field.js';
export * from './procedure.js';
export * from './step.js';
