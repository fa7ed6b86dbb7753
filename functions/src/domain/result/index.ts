export * from './result-document.js';
