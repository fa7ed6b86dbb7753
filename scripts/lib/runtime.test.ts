// The deployed runtime is named in four places; they must agree, or the tests would exercise one Node
// and Cloud Functions run another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './emulator-env.js';
import { deployedNodeMajor, runtimeMismatch } from './runtime.js';

const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, Record<string, string>>;
const major = (range: string | undefined) => Number(/(\d+)/.exec(range ?? '')?.[1]);

describe('the deployed Node runtime', () => {
  const wanted = deployedNodeMajor();

  it('is a runtime Cloud Functions still accepts (nodejs20 was decommissioned on 2026-10-30)', () => {
    expect(wanted).toBeGreaterThanOrEqual(22);
  });

  it('is what functions/package.json declares in engines', () => {
    expect(json('functions/package.json').engines?.node).toBe(String(wanted));
  });

  it('is the Node that npm ci installs for the tests, and the @types/node the code is checked against', () => {
    const dev = json('package.json').devDependencies;
    expect(major(dev?.node)).toBe(wanted);
    expect(major(dev?.['@types/node'])).toBe(wanted);
  });

  it('is the Node running these tests', () => {
    expect(runtimeMismatch()).toBeUndefined();
    expect(runtimeMismatch('20.20.2')).toMatch(/deployed on nodejs22/);
  });

  it('is the one README names', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`Node ${wanted}`);
  });
});
