// One HTTP call to a message provider, with the failure split every adapter needs: network errors,
// timeouts, 429 and 5xx are temporary (the retry sweep tries again); other non-2xx answers are permanent.
import { DeliveryError } from './channel-ports.js';

export async function postToProvider(url: string, init: RequestInit, timeoutMs = 10_000): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new DeliveryError('temporary', `provider unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text();
  if (res.status === 429 || res.status >= 500) throw new DeliveryError('temporary', `provider HTTP ${res.status}`);
  if (!res.ok) throw new DeliveryError('permanent', `provider HTTP ${res.status}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DeliveryError('temporary', `provider answered non-JSON: ${text.slice(0, 200)}`);
  }
}
