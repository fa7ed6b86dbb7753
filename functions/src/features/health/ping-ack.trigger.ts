// Acknowledges each health ping from a Firestore trigger, proving that triggers fire on real writes.
import type { Firestore } from 'firebase-admin/firestore';
import { HEALTH_PINGS } from './health.handler.js';
import { logs } from '../../platform/logs.js';

/**
 * @idempotent by event id: the acknowledgement is written once, in a transaction; a redelivered event
 * finds it and changes nothing.
 */
export async function acknowledgePing(db: Firestore, pingId: string, eventId: string, eventTime: string): Promise<boolean> {
  const ref = db.collection(HEALTH_PINGS).doc(pingId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists || snap.get('acknowledgedBy') !== undefined) {
      logs.duplicateEvent('healthPing', eventId);
      return false;
    }
    tx.update(ref, { acknowledgedBy: eventId, acknowledgedAt: new Date(eventTime) });
    logs.pingAcknowledged(pingId, eventId);
    return true;
  });
}
