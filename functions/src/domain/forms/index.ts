export * from './official-forms.js';
