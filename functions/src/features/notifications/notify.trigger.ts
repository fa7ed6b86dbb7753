// The notification worker's trigger: fan a request out, then try the messages that may go now. Whatever
// fails temporarily (or waits for the end of quiet hours) is picked up by the retry sweep.
import { logs } from '../../platform/logs.js';
import { deliverNotification, type DeliveryDeps } from './deliver.js';
import { fanOutRequest } from './fan-out.js';

/**
 * @idempotent by request id and notification id (see fanOutRequest and deliverNotification): a redelivered
 * event creates no new documents and sends nothing already sent or being sent.
 */
export async function onNotificationRequest(deps: DeliveryDeps, requestId: string, data: unknown): Promise<void> {
  const fanned = await fanOutRequest(deps, requestId, data);
  logs.notificationsFannedOut(requestId, fanned.created.length, fanned.existing, fanned.commits);
  for (const id of fanned.deliverNow) {
    const outcome = await deliverNotification(deps, id);
    logs.notificationDelivery(id, outcome);
  }
}
