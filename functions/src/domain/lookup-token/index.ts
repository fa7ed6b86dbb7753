export * from './lookup-token.js';
export * from './rating-code.js';
