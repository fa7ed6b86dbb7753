export * from './attachment.js';
export * from './component.js';
export * from './dossier.js';
export * from './status.js';
export * from './filer.js';
export * from './supplement.js';
export * from './work-by.js';
