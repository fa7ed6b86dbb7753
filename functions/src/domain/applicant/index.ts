export * from './address.js';
export * from './applicant.js';
export * from './identity.js';
export * from './person-name.js';
export * from './phone.js';
export * from './tax-code.js';
export * from './notification-defaults.js';
