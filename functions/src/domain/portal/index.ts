export * from './portal-time.js';
export * from './portal-dossier.js';
export * from './portal-filing.js';
export * from './sync-share.js';
