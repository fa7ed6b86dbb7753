// The national portal behind a port: the worker asks for one message to be delivered and learns whether it
// was, and if not, whether trying again can help. One HTTP adapter implements it (portal-http.ts); the local
// stand-in (scripts/lib/portal-stand-in.ts) speaks the same wire format, so tests run the real adapter.
import type { PortalMessage } from '../../domain/index.js';

/**
 * `temporary`: the portal was unreachable, slow, overloaded or failing (network errors, timeouts, 408, 429,
 * 5xx): retried with backoff. `permanent`: it refused the message itself or our credentials (other 4xx, or
 * its own error code): retried only when an administrator asks, after fixing the cause.
 */
export class PortalError extends Error {
  constructor(
    readonly kind: 'temporary' | 'permanent',
    message: string,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

export type PortalClient = {
  /**
   * Delivers one message. `key` identifies it for good (`{requestId}:{service}`): sending the same key again
   * after a crash is a replay the portal may recognise. Resolves when the portal acknowledged it; rejects
   * with a PortalError.
   */
  send(message: PortalMessage, key: string): Promise<void>;
};
