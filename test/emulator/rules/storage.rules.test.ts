// Cloud Storage rules (issue 12, finding 9): no client touches a bucket, every file goes through the
// functions. The Storage emulator cannot run on these machines (its rules runtime only downloads from
// Google), so the rules are checked as text: after comments are removed, the file must be exactly one
// catch-all match that allows nothing. Any other `allow` (a new path, an `if` with a condition) fails
// here and has to be argued for. The second half shows that firebase-tools, with the `storage` section
// in firebase.json, still starts the emulators this suite runs on, and does not try to start Storage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/emulators.js';

const firebaseJson = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as {
  storage?: { rules?: string } | { rules?: string }[];
  emulators: Record<string, { host?: string; port?: number }>;
};

/** The rules without comments, with white space collapsed: what the rules compiler reads. */
function rulesText(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('storage.rules', () => {
  it('is the rules file of the storage section of firebase.json', () => {
    expect(firebaseJson.storage).toEqual({ rules: 'storage.rules' });
  });

  it('denies every read and write on every path of every bucket, and says nothing else', () => {
    const text = rulesText('storage.rules');
    expect(text).toBe(
      "rules_version = '2'; service firebase.storage { match /b/{bucket}/o { match /{allPaths=**} { allow read, write: if false; } } }",
    );
  });
});

describe('firebase-tools with a storage section', () => {
  it('started the suite this test runs in, without a Storage emulator', async () => {
    const hub = firebaseJson.emulators.hub!;
    const running = (await (await fetch(`http://${hub.host}:${hub.port}/emulators`)).json()) as Record<string, unknown>;
    expect(Object.keys(running)).toEqual(expect.arrayContaining(['auth', 'firestore', 'functions', 'hosting']));
    expect(Object.keys(running)).not.toContain('storage');
  });
});
