export * from './dossier-code.js';
export * from './issuer.js';
