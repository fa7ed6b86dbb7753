// TTL policies and index exemptions are declared in firestore.indexes.json (applied by
// `firebase deploy --only firestore:indexes`); this keeps them in step with what the code writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expiresAfter, RETENTION_DAYS, TTL_COLLECTIONS } from './retention.js';

type Override = { collectionGroup: string; fieldPath: string; ttl?: boolean; indexes: unknown[] };
type Index = { collectionGroup: string; fields: { fieldPath: string }[] };
const config = JSON.parse(readFileSync(join(import.meta.dirname, '../../../firestore.indexes.json'), 'utf8')) as { indexes: Index[]; fieldOverrides: Override[] };

describe('TTL policies', () => {
  it.each(TTL_COLLECTIONS.map((c) => [c]))('%s.expiresAt has a TTL policy and no single-field index', (collection) => {
    const override = config.fieldOverrides.find((o) => o.collectionGroup === collection && o.fieldPath === 'expiresAt');
    expect(override).toEqual({ collectionGroup: collection, fieldPath: 'expiresAt', ttl: true, indexes: [] });
  });

  it('declares no TTL policy the code does not know about', () => {
    expect(config.fieldOverrides.filter((o) => o.ttl).map((o) => o.collectionGroup).sort()).toEqual([...TTL_COLLECTIONS].sort());
  });

  it('keeps every record longer than Cloud Functions retries an event (7 days)', () => {
    expect(Math.min(RETENTION_DAYS.idempotencyRecord, RETENTION_DAYS.processedEvent)).toBeGreaterThan(7);
    expect(expiresAfter(new Date('2026-12-03T00:00:00Z'), 30)).toEqual(new Date('2027-01-02T00:00:00Z'));
  });
});

describe('index exemptions', () => {
  it('never exempt a field that a composite index uses', () => {
    for (const o of config.fieldOverrides.filter((x) => x.indexes.length === 0)) {
      const used = config.indexes.some((i) => i.collectionGroup === o.collectionGroup && i.fields.some((f) => f.fieldPath === o.fieldPath || f.fieldPath.startsWith(`${o.fieldPath}.`)));
      expect(used, `${o.collectionGroup}.${o.fieldPath}`).toBe(false);
    }
  });

  it('never exempt a field the code or the pages query (where / orderBy)', () => {
    const sources = ['functions/src/features/catalog/list-procedures.handler.ts', 'hosting/src/can-bo/store.ts', 'functions/src/store/agencies.ts'].map((f) =>
      readFileSync(join(import.meta.dirname, '../../..', f), 'utf8'),
    );
    const queried = new Set(sources.flatMap((s) => [...s.matchAll(/(?:where|orderBy)\('([A-Za-z.]+)'/gu)].map((m) => m[1]!)));
    for (const o of config.fieldOverrides.filter((x) => x.indexes.length === 0)) expect(queried.has(o.fieldPath), o.fieldPath).toBe(false);
  });
});
