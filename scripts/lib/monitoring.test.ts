// The alert policies in ops/monitoring watch log lines the code writes: every metric's filter names a
// message of the log vocabulary (functions/src/platform/logs.ts) and the fields it reads, and every policy
// watches a metric declared next to it. A renamed log line fails here, not in production's silence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './emulator-env.js';

const dir = join(ROOT, 'ops', 'monitoring');
const read = (sub: string) => readdirSync(join(dir, sub)).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(join(dir, sub, f), 'utf8'))] as [string, Record<string, unknown>]);
const metrics = read('metrics') as [string, { name: string; filter: string; valueExtractor?: string }][];
const policies = read('policies') as [string, { displayName: string; documentation: { content: string }; conditions: Record<string, { filter: string }>[] }][];
const logs = readFileSync(join(ROOT, 'functions', 'src', 'platform', 'logs.ts'), 'utf8');
const operations = readFileSync(join(ROOT, 'docs', 'OPERATIONS.md'), 'utf8');

describe('log-based metrics', () => {
  it.each(metrics)('%s is named after its file and reads log lines the code writes', (file, metric) => {
    expect(`${metric.name}.json`).toBe(file);
    const messages = [...metric.filter.matchAll(/jsonPayload\.message="([^"]+)"/gu)].map((m) => m[1]!);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(logs, message).toContain(`'${message}'`);
    for (const field of [...metric.filter.matchAll(/jsonPayload\.(\w+)/gu), ...(metric.valueExtractor ?? '').matchAll(/jsonPayload\.(\w+)/gu)].map((m) => m[1]!)) {
      if (field !== 'message') expect(logs + readFileSync(join(ROOT, 'functions', 'src', 'features', 'notifications', 'deliver.ts'), 'utf8'), field).toMatch(new RegExp(`\\b${field}\\b`, 'u'));
    }
  });
});

describe('alert policies', () => {
  it.each(policies)('%s watches a declared metric or the functions’ logs, and its documentation is in OPERATIONS.md', (_file, policy) => {
    expect(policy.displayName).toMatch(/^motcua: .+ \/ .+/u);
    for (const condition of policy.conditions) {
      const spec = Object.values(condition).find((v) => typeof v === 'object' && v !== null && 'filter' in v) as { filter: string };
      const metric = /logging\.googleapis\.com\/user\/(\w+)/u.exec(spec.filter)?.[1];
      if (metric) expect(metrics.map(([, m]) => m.name)).toContain(metric);
      else expect(spec.filter).toContain('resource.type="cloud_run_revision"');
    }
    expect(operations).toContain(policy.displayName);
  });
});
