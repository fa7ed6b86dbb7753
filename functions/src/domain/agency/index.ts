export * from './agency-id.js';
export * from './agency.js';
export * from './receiving.js';
export * from './organisation.js';
