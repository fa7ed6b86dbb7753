export * from './lookup-token.js';
export * from './rating-code.js';
export * from './contact-token.js';
