export * from './intake-quota.js';
