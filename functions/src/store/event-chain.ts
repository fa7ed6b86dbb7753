// The event log is hash-chained: each event stores the hash of the one before it and its own hash over
// that and its canonical JSON, so editing or deleting any stored event breaks every hash after it.
import { createHash } from 'node:crypto';
import type { DossierEvent } from '../domain/index.js';
import { GENESIS_HASH } from './dossiers.js';

/**
 * Deeper than anything we hash: stored events and requests are bounded by their schemas and client input
 * by the router (32 levels, platform/input-bounds.ts). A deeper value is refused, not a stack overflow.
 */
const MAX_DEPTH = 64;

/** JSON with sorted keys and Dates as ISO strings: the same event always gives the same text. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new RangeError(`canonicalJson: value nested deeper than ${MAX_DEPTH} levels`);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(',')}}`;
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
