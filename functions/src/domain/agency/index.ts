export * from './agency-id.js';
export * from './agency.js';
