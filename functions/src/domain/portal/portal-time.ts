// Instants on the national portal's wire: `yyyyMMddHHmmss` in Vietnam time (the reference's "Sync with the
// national portal"), e.g. 2026-12-03T02:05:09Z is `20261203090509`. Built from the epoch shifted by seven
// hours and read with UTC accessors, so the host's time zone never matters.
import { VIETNAM_OFFSET_MS } from '../time/local-time.js';

const PORTAL_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `yyyyMMddHHmmss`, Vietnam time; seconds are kept, milliseconds dropped. */
export function formatPortalTime(at: Date): string {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatPortalTime: invalid date');
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  return (
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1) +
    pad(local.getUTCDate()) +
    pad(local.getUTCHours()) +
    pad(local.getUTCMinutes()) +
    pad(local.getUTCSeconds())
  );
}

/** The same, or null for an absent instant (the portal's fields are nullable). */
export function portalTimeOrNull(at: Date | undefined): string | null {
  return at === undefined ? null : formatPortalTime(at);
}

/** Parses `yyyyMMddHHmmss` (Vietnam time); undefined when it is not a real moment (30 February, 24:00). */
export function parsePortalTime(text: string): Date | undefined {
  const m = PORTAL_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(utc);
  // Date.UTC rolls 30 February over to March: a rolled value is not what was written.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || back.getUTCHours() !== hour || back.getUTCMinutes() !== minute || back.getUTCSeconds() !== second) {
    return undefined;
  }
  return new Date(utc - VIETNAM_OFFSET_MS);
}
