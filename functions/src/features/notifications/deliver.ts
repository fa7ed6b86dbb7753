// Delivery of queued notifications (email, SMS) with a lease: a transaction moves a document from
// `queued` to `sending` and stamps a lease id, so two workers (the trigger and the retry sweep, or two
// retried invocations) never both send it. The outcome is written only by the lease holder. The same
// transaction counts a message to an applicant's typed contact against that contact's daily limit
// (contact-policy.ts): past it, the message is `withheld`, never sent.
import { randomUUID } from 'node:crypto';
import { FieldValue } from 'firebase-admin/firestore';
import { z } from 'zod';
import { localDateOf, quotaDayEnd } from '../../domain/index.js';
import { revive } from '../../store/revive.js';
import { recipientLimitAllows } from './contact-policy.js';
import { backoffMs, DELIVERY_POLICY } from './delivery-policy.js';
import { NOTIFICATIONS, type FanOutDeps } from './fan-out.js';
import { emailText, smsText, type Message } from './templates.js';
import { DeliveryError, type Transports } from './channel-ports.js';

export type DeliveryDeps = FanOutDeps & { transports: Transports; random: () => number };

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped' | 'withheld';

/** `recipientLimits/{limitKey}_{YYMMDD}`: messages to one applicant contact on one Vietnam day. */
export const RECIPIENT_LIMITS_COLLECTION = 'recipientLimits';

const Stored = z.looseObject({
  channel: z.enum(['inApp', 'email', 'sms', 'zalo']),
  dossierCode: z.string().nullable().optional(),
  state: z.enum(['queued', 'sending', 'sent', 'failed', 'withheld']),
  limitKey: z.string().optional(),
  contactVerified: z.boolean().optional(),
  firstContact: z.boolean().optional(),
  to: z.string().nullable(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.date().nullable(),
  leaseId: z.string().optional(),
  subject: z.object({ vi: z.string(), en: z.string() }),
  body: z.object({ vi: z.string(), en: z.string() }),
  footer: z.object({ vi: z.string(), en: z.string() }).optional(),
});

/**
 * Sends one notification if it is due.
 * @idempotent by notification id: final states (`sent`, `failed`) return at once; a live lease held by
 * someone else means skip. (A worker that dies after sending but before recording lets the lease expire and
 * the message may go out again: at-least-once, as every SMTP client is.)
 */
export async function deliverNotification(deps: DeliveryDeps, id: string): Promise<DeliveryOutcome> {
  const { db } = deps;
  const ref = db.collection(NOTIFICATIONS).doc(id);
  const now = deps.now();
  const leaseId = randomUUID();
  const taken = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return undefined;
    const n = Stored.parse(revive(snap.data()));
    if (n.channel === 'inApp' || n.state === 'sent' || n.state === 'failed' || n.state === 'withheld') return undefined;
    // `nextAttemptAt` is the retry time while queued and the lease expiry while sending.
    if (n.nextAttemptAt && n.nextAttemptAt.getTime() > now.getTime()) return undefined;
    if (n.limitKey !== undefined && n.attempts === 0) {
      // A message to a typed contact counts once, on its first attempt, against the contact's day.
      const limitRef = db.collection(RECIPIENT_LIMITS_COLLECTION).doc(`${n.limitKey}_${localDateOf(now).replaceAll('-', '').slice(2)}`);
      const used = (await tx.get(limitRef)).data() ?? {};
      const use = { count: Number(used.count ?? 0), firstContacts: Number(used.firstContacts ?? 0) };
      if (!recipientLimitAllows(use, n.contactVerified === true)) {
        tx.update(ref, { state: 'withheld', failure: 'recipientLimit', nextAttemptAt: null });
        return 'withheld' as const;
      }
      tx.set(
        limitRef,
        { count: FieldValue.increment(1), ...(n.firstContact ? { firstContacts: FieldValue.increment(1) } : {}), expiresAt: quotaDayEnd(now) },
        { merge: true },
      );
    }
    const leaseUntil = new Date(now.getTime() + DELIVERY_POLICY.leaseMs);
    tx.update(ref, { state: 'sending', leaseId, attempts: n.attempts + 1, nextAttemptAt: leaseUntil });
    return { ...n, attempts: n.attempts + 1 };
  });
  if (!taken) return 'skipped';
  if (taken === 'withheld') return 'withheld';

  let error: DeliveryError | undefined;
  try {
    await send(deps, id, taken);
  } catch (err) {
    error = err instanceof DeliveryError ? err : new DeliveryError('temporary', err instanceof Error ? err.message : String(err));
  }

  const finishedAt = deps.now();
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.get('leaseId') !== leaseId) return 'skipped'; // another worker took over after our lease expired
    if (!error) {
      tx.update(ref, { state: 'sent', sentAt: finishedAt, nextAttemptAt: null, failure: null, lastError: null });
      return 'sent';
    }
    const giveUp = error.kind === 'permanent' || taken.attempts >= DELIVERY_POLICY.maxAttempts;
    if (giveUp) {
      tx.update(ref, { state: 'failed', failure: error.kind, lastError: error.message, failedAt: finishedAt, nextAttemptAt: null });
      return 'failed';
    }
    const retryAt = new Date(finishedAt.getTime() + backoffMs(taken.attempts, deps.random()));
    tx.update(ref, { state: 'queued', failure: 'temporary', lastError: error.message, nextAttemptAt: retryAt });
    return 'retry';
  });
}

async function send(deps: DeliveryDeps, id: string, n: z.infer<typeof Stored>): Promise<void> {
  if (!n.to) throw new DeliveryError('permanent', 'no address');
  const message: Message = { subject: n.subject, body: n.body, ...(n.footer ? { footer: n.footer } : {}) };
  if (n.channel === 'email') {
    await deps.transports.email.send({ to: n.to, subject: message.subject.vi, text: emailText(message), messageId: id });
  } else if (n.channel === 'zalo') {
    await deps.transports.zalo.send({ to: n.to, dossierCode: n.dossierCode ?? '', text: smsText(message), notificationId: id });
  } else {
    await deps.transports.sms.send({ to: n.to, text: smsText(message), notificationId: id });
  }
}

export type RetrySweepResult = { due: number; sent: number; retry: number; failed: number; skipped: number; withheld: number };

/**
 * The retry sweep: every notification whose attempt time has come (queued for retry or a quiet-hours SMS,
 * or `sending` with an expired lease). Index: `state ASC, nextAttemptAt ASC`.
 * @idempotent by notification id, through the lease of `deliverNotification`.
 */
export async function deliverDueNotifications(deps: DeliveryDeps, limit = 200): Promise<RetrySweepResult> {
  const snap = await deps.db
    .collection(NOTIFICATIONS)
    .where('state', 'in', ['queued', 'sending'])
    .where('nextAttemptAt', '<=', deps.now())
    .orderBy('nextAttemptAt')
    .limit(limit)
    .get();
  const result: RetrySweepResult = { due: snap.size, sent: 0, retry: 0, failed: 0, skipped: 0, withheld: 0 };
  for (const doc of snap.docs) result[await deliverNotification(deps, doc.id)] += 1;
  return result;
}
