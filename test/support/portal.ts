// The local stand-in of the national portal and the payment gateway, as the tests drive it: started by
// scripts/emulator-layers.ts (its address in PORTAL_STAND_IN_URL), controlled over HTTP, with the same
// secrets as the functions emulator (functions/.secret.local). Also: delivery dependencies for running the
// sync worker in-process against the same stand-in (replays, concurrent workers).
import { devSecret } from '../../scripts/lib/emulator-env.js';
import { localParam } from '../../scripts/lib/portal-stand-in.js';
import type { PaymentExchange, ReceivedMessage } from '../../scripts/lib/portal-stand-in.js';
import type { SyncDeps } from '../../functions/src/features/portal-sync/deliver.js';
import { portalHttpClient } from '../../functions/src/features/portal-sync/portal-http.js';
import { admin } from './emulators.js';

export { devSecret, localParam };
export type { PaymentExchange, ReceivedMessage };

export function standInUrl(): string {
  const url = process.env.PORTAL_STAND_IN_URL;
  if (!url) throw new Error('PORTAL_STAND_IN_URL: run through `npm test -- --emulator` (scripts/emulator-layers.ts starts the stand-in)');
  return url;
}

async function control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${standInUrl()}/_stand-in/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(90_000) });
  const text = await res.text();
  if (!res.ok && res.status !== 400) throw new Error(`stand-in ${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Every message the portal received for a dossier code, in arrival order. */
export async function portalMessages(maHoSo: string, service?: string): Promise<ReceivedMessage[]> {
  const q = new URLSearchParams({ maHoSo, ...(service ? { service } : {}) });
  return (await control<{ messages: ReceivedMessage[] }>('GET', `messages?${q.toString()}`)).messages;
}

export type FailMode = 'ok' | 'down' | 'error' | 'refuse' | 'unauthorized' | 'slow';
/** Makes the portal fail: every message, or only `maHoSo`'s; `count` times, or until told otherwise. */
export async function failPortal(mode: FailMode, options: { count?: number; maHoSo?: string; delayMs?: number } = {}): Promise<void> {
  await control('POST', 'fail', { mode, ...options });
}

/** The portal files a dossier submitted on it (the sample filing, with overrides, or the given one). */
export async function fileOnPortal(input: { overrides?: Record<string, unknown>; filing?: Record<string, unknown> } = {}): Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string; fields: { path: string }[]; reason?: string; dossierId?: string; samePayload?: boolean } }; filing: Record<string, unknown> }> {
  return control('POST', 'file', input);
}

/** The collecting bank reports a transfer made by scanning this VietQR. */
export async function bankTransfer(payload: string): Promise<PaymentExchange> {
  return control('POST', 'bank/transfer', { payload });
}

export async function gatewayExchanges(): Promise<PaymentExchange[]> {
  return (await control<{ payments: PaymentExchange[] }>('GET', 'payments')).payments;
}

/** The sync worker's dependencies, in-process, delivering to the stand-in with the functions' credentials. */
export function testSyncDeps(now: () => Date = () => new Date()): SyncDeps {
  return { db: admin().db, now, portal: portalHttpClient({ baseUrl: `${standInUrl()}/dvcqg`, apiKey: devSecret('PORTAL_API_KEY') }), random: () => 0 };
}
