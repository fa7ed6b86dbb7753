// ESLint flat config. The one rule that carries architecture: functions/src/domain is pure TypeScript shared
// by Cloud Functions and the web apps, so it may not import any Firebase SDK nor Node built-ins.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'functions/lib/**', 'hosting/dist/**', '.emulator-data/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['hosting/src/**', 'hosting/inline/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['functions/src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['firebase', 'firebase/*', 'firebase-admin', 'firebase-admin/*', 'firebase-functions', 'firebase-functions/*', '@firebase/*', '@google-cloud/*'],
              message: 'Domain code is pure: no Firebase SDK here (see docs/adr/0002-pure-domain.md).',
            },
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'https', 'child_process'],
              message: 'Domain code is shared with the web apps: no Node built-ins here.',
            },
          ],
        },
      ],
    },
  },
);
