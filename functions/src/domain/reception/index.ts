export * from './reception.js';
