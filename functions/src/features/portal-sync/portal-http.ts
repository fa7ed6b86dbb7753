// The HTTP adapter of the national portal (DVCQG). The wire format is an adapter detail (the reference
// gives the services and fields, not the envelope), written down in docs/SYNC.md and spoken by the local
// stand-in:
//   POST {PORTAL_SYNC_URL}/{service}          service = DongBoHoSoMC | CapNhatTienDoHoSoMC
//   Authorization: Bearer {PORTAL_API_KEY}     the province's credentials (a secret)
//   Idempotency-Key: {requestId}:{service}     the same message always carries the same key
//   Content-Type: application/json             body = the message body (domain/portal/portal-dossier.ts)
// Answer: 200 with `{ "error_code": 0, "message": "…" }` when accepted; any other error_code is the portal
// refusing the content (permanent). Network errors, timeouts, 408, 429 and 5xx are temporary; 401/403 and
// other 4xx are permanent (credentials or content: retrying cannot help until someone fixes them).
import type { PortalMessage } from '../../domain/index.js';
import { PortalError, type PortalClient } from './portal-port.js';

export type PortalHttpOptions = { baseUrl: string; apiKey: string; timeoutMs?: number };

export function portalHttpClient(options: PortalHttpOptions): PortalClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async send(message: PortalMessage, key: string): Promise<void> {
      if (base === '') throw new PortalError('permanent', 'PORTAL_SYNC_URL is not set');
      let res: Response;
      try {
        res = await fetch(`${base}/${message.service}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}`, 'idempotency-key': key },
          body: JSON.stringify(message.body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new PortalError('temporary', `portal unreachable: ${err instanceof Error ? err.message : String(err)}`);
      }
      const text = await res.text().catch(() => '');
      if (res.status === 408 || res.status === 429 || res.status >= 500) throw new PortalError('temporary', `portal HTTP ${res.status}: ${text.slice(0, 200)}`);
      if (!res.ok) throw new PortalError('permanent', `portal HTTP ${res.status}: ${text.slice(0, 200)}`);
      let answer: { error_code?: unknown; message?: unknown };
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        throw new PortalError('temporary', `portal answered non-JSON: ${text.slice(0, 200)}`);
      }
      if (answer.error_code !== 0 && answer.error_code !== '0') {
        throw new PortalError('permanent', `portal refused (error_code ${String(answer.error_code)}): ${String(answer.message ?? '').slice(0, 200)}`);
      }
    },
  };
}
