export * from './result-document.js';
export * from './policy.js';
