// How long records that exist only to make something safe or visible are kept. Each carries `expiresAt`,
// and a Firestore TTL policy on that field (firestore.indexes.json, fieldOverrides; applied by
// `firebase deploy --only firestore:indexes`) deletes the document within about a day after it. Every
// period is longer than anything that could still need the record: Cloud Functions retries an event for
// at most 7 days, and a client retries a request within minutes.
export const RETENTION_DAYS = {
  /** `dossiers/{id}/requests/{uid}_{requestId}`: the first answer returned to a retried request. */
  idempotencyRecord: 30,
  /** `processedEvents/{consumer}_…`: markers that stop a redelivered event being counted twice. */
  processedEvent: 30,
  /** `healthPings/{id}`: an administrator's end-to-end check. */
  healthPing: 7,
  /** `smsSink/`, `zaloSink/`: messages kept instead of sent (the emulators, a province without a contract). */
  messageSink: 30,
} as const;

/**
 * Collections (groups) whose documents carry `expiresAt`; `rateLimits` keeps its own window end there,
 * `intakeQuotas` and `recipientLimits` the end of the Vietnam day they count; `codeQueue` only a refused entry.
 */
export const TTL_COLLECTIONS = ['rateLimits', 'intakeQuotas', 'recipientLimits', 'requests', 'processedEvents', 'healthPings', 'smsSink', 'zaloSink', 'codeQueue'] as const;

export function expiresAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}
