export * from './dossier-code.js';
