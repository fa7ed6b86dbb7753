export * from './lookup-token.js';
