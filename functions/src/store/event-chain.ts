// The event log is hash-chained: each event stores the hash of the one before it and its own hash over
// that and its canonical JSON, so editing or deleting any stored event breaks every hash after it.
import { createHash } from 'node:crypto';
import type { DossierEvent } from '../domain/index.js';
import { GENESIS_HASH } from './dossiers.js';

/** JSON with sorted keys and Dates as ISO strings: the same event always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical JSON: the idempotency fingerprint of a request (same request, same print). */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function hashEvent(prevHash: string, event: DossierEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

export type ChainedEvent = DossierEvent & { prevHash: string; hash: string };

export type ChainCheck =
  { ok: true; length: number } | { ok: false; brokenAtVersion: number; length: number };

/** Verifies a dossier's events in version order: links, hashes and gap-free versions. */
export function verifyChain(events: readonly ChainedEvent[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (const [i, stored] of events.entries()) {
    const { prevHash, hash, ...event } = stored;
    if (event.version !== i + 1 || prevHash !== prev || hashEvent(prevHash, event) !== hash) {
      return { ok: false, brokenAtVersion: i + 1, length: events.length };
    }
    prev = hash;
  }
  return { ok: true, length: events.length };
}
