import { defineConfig } from 'vitest/config';

// Three layers, each run on its own by scripts/test.ts:
//  unit      pure code, no emulator (next to the code it tests)
//  emulator  needs the Firebase Emulator Suite (started once by `firebase emulators:exec`)
//  browser   drives Debian Chromium against the Hosting emulator
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['functions/src/**/*.test.ts', 'hosting/src/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['test/emulator/**/*.test.ts'],
          environment: 'node',
          // One emulator suite is shared by every file; files clear only the collections they own.
          fileParallelism: false,
          // Room for trigger chains on a loaded two-core machine; a passing test is not slowed by it.
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
