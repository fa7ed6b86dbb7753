// Fan-out: one notification request becomes one `notifications/{id}` document per (channel, recipient).
// The id is a hash of (dossier, event key, channel, recipient), so a replayed request finds its documents
// and creates nothing; the notification documents are then the delivery ledger. Messages to the contacts
// an applicant typed follow contact-policy.ts: a contact nobody verified gets the first message only, with
// its confirmation link; later ones are recorded as `withheld` and never sent.
import { logs } from '../../platform/logs.js';
import { createHash } from 'node:crypto';
import type { DocumentData, DocumentReference, Firestore } from 'firebase-admin/firestore';
import { readBrand } from '../../store/branding.js';
import { NOTIFICATION_REQUESTS } from '../../store/outbox.js';
import { revive } from '../../store/revive.js';
import { APPLICANT_CHANNEL_DEFAULTS, type ContactKind } from '../../domain/index.js';
import { contactDelivery, isVerifiedContact, recipientLimitKey, type AccountContacts, type ContactDelivery } from './contact-policy.js';
import { afterQuietHours } from './delivery-policy.js';
import { NotificationPrefs, NotificationRequest, type Channel } from './notification-request.js';
import { renderMessage, TEMPLATE_VERSION, withConfirmation, type Message } from './templates.js';

export const NOTIFICATIONS = 'notifications';
/** `dossiers/{id}/private/contacts`: `{ email?, phone? }: { address, confirmedAt }`, written by confirm-contact.handler.ts. */
export const CONFIRMED_CONTACTS = 'contacts';
const BATCH = 500;

/** What fan-out needs to verify contacts and to link to their confirmation (wiring.ts). */
export type ContactDeps = {
  /** The confirmation address for a dossier code and the `<kind>.<token>` of one contact. */
  confirmationLink: (dossierId: string, code: string, kind: ContactKind, address: string) => string;
  /** What Firebase Auth verified of the owner's account; undefined when there is no such account. */
  account: (uid: string) => Promise<AccountContacts | undefined>;
};

/**
 * Without `contacts` (a test of the ledger alone) no link can be made, so an unverified contact gets
 * nothing at all: stricter, never looser.
 */
export type FanOutDeps = { db: Firestore; now: () => Date; contacts?: ContactDeps };

/** An applicant's contact: what it is, whether it is verified, and what this message does with it. */
type ContactRoute = { kind: ContactKind; address: string; verified: boolean; delivery: ContactDelivery };
type Recipient = { channel: Channel; uid: string | null; to: string | null; contact?: ContactRoute };

export function notificationId(dossierId: string, key: string, channel: Channel, recipient: string): string {
  return createHash('sha256').update(`${dossierId}\u0000${key}\u0000${channel}\u0000${recipient}`).digest('hex').slice(0, 40);
}

const prefsOf = (data: DocumentData | undefined): NotificationPrefs => {
  const parsed = NotificationPrefs.safeParse(data?.notificationPrefs ?? {});
  return parsed.success ? parsed.data : {};
};

/**
 * The applicant: in-app (with an account) and email (when known) unless they chose otherwise; SMS and
 * Zalo on request (APPLICANT_CHANNEL_DEFAULTS, the table the citizen's pages read too). Each typed contact with its verification (contact-policy.ts).
 */
async function applicantRecipients(deps: FanOutDeps, req: NotificationRequest): Promise<Recipient[]> {
  const { db } = deps;
  const uid = req.ownerUserId ?? null;
  const [personal, user, confirmed, account] = await Promise.all([
    db.doc(`dossiers/${req.dossierId}/private/personal`).get(),
    uid ? db.doc(`users/${uid}`).get() : Promise.resolve(undefined),
    db.doc(`dossiers/${req.dossierId}/private/${CONFIRMED_CONTACTS}`).get(),
    uid && deps.contacts ? deps.contacts.account(uid) : Promise.resolve(undefined),
  ]);
  const applicant = (personal.get('applicant') ?? {}) as { email?: string; phone?: string };
  const prefs = prefsOf(user?.data());
  // The dossier's first message (submit, intake): the one an unverified contact may get, with its link.
  const firstMessage = req.version === 1;
  const route = (kind: ContactKind, address: string): ContactRoute => {
    const onRecord: unknown = confirmed.get(`${kind}.address`);
    const verified = isVerifiedContact(kind, address, account, typeof onRecord === 'string' ? onRecord : undefined);
    return { kind, address, verified, delivery: contactDelivery(verified, firstMessage) };
  };
  const out: Recipient[] = [];
  const wants = (channel: keyof typeof APPLICANT_CHANNEL_DEFAULTS): boolean => prefs[channel] ?? APPLICANT_CHANNEL_DEFAULTS[channel];
  if (uid && wants('inApp')) out.push({ channel: 'inApp', uid, to: null });
  if (applicant.email && wants('email')) out.push({ channel: 'email', uid, to: applicant.email, contact: route('email', applicant.email) });
  if (applicant.phone && wants('sms')) out.push({ channel: 'sms', uid, to: applicant.phone, contact: route('phone', applicant.phone) });
  if (applicant.phone && wants('zalo')) out.push({ channel: 'zalo', uid, to: applicant.phone, contact: route('phone', applicant.phone) });
  return out;
}

/** An officer: the in-app inbox unless turned off, email only when asked for. */
function officerRecipients(uid: string, data: DocumentData | undefined): Recipient[] {
  const prefs = prefsOf(data);
  const out: Recipient[] = [];
  if (prefs.inApp ?? true) out.push({ channel: 'inApp', uid, to: null });
  const email = data?.email as string | undefined;
  if (email && (prefs.email ?? false)) out.push({ channel: 'email', uid, to: email });
  return out;
}

async function recipientsOf(deps: FanOutDeps, req: NotificationRequest, agencyId: string | undefined): Promise<Recipient[]> {
  const { db } = deps;
  const out: Recipient[] = [];
  if (req.audience === 'applicant') {
    out.push(...(await applicantRecipients(deps, req)));
    // Officers who follow the agency now holding the dossier, or this dossier, see its transitions too.
    const users = db.collection('users');
    const [agencyFollowers, dossierFollowers] = await Promise.all([
      agencyId ? users.where('agencyId', '==', agencyId).where('followAgency', '==', true).get() : undefined,
      users.where('followedDossierIds', 'array-contains', req.dossierId).get(),
    ]);
    for (const doc of [...(agencyFollowers?.docs ?? []), ...dossierFollowers.docs]) {
      if (doc.id !== req.ownerUserId) out.push(...officerRecipients(doc.id, doc.data()));
    }
  } else if (req.audience === 'reception') {
    // Decree 118 Art. 17.2: every receptionist of the receiving desk sees an online dossier at once.
    const desk = req.receivingAgencyId ?? agencyId;
    const staff = desk ? await db.collection('users').where('agencyId', '==', desk).where('role', '==', 'receptionist').get() : undefined;
    for (const doc of staff?.docs ?? []) out.push(...officerRecipients(doc.id, doc.data()));
  } else {
    const uids = [...new Set(req.recipientUids ?? [])];
    const users = uids.length ? await db.getAll(...uids.map((u) => db.doc(`users/${u}`))) : [];
    users.forEach((snap, i) => out.push(...officerRecipients(uids[i]!, snap.data())));
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const k = `${r.channel}:${r.uid ?? r.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type FanOutResult = { created: string[]; existing: number; commits: number; deliverNow: string[] };

/**
 * Writes the notifications of one request.
 * @idempotent by notification id = hash(dossierId, version or sweep key, channel, recipient): documents that
 * exist are skipped; the request is marked `done` in the last batch, and a done request returns at once.
 */
export async function fanOutRequest(deps: FanOutDeps, requestId: string, raw: unknown): Promise<FanOutResult> {
  const { db } = deps;
  const none: FanOutResult = { created: [], existing: 0, commits: 0, deliverNow: [] };
  // A final state returns first: a replayed event of a done request needs nothing else from its data.
  if ((raw as { state?: unknown } | undefined)?.state === 'done') return none;
  const parsed = NotificationRequest.safeParse(revive(raw));
  if (!parsed.success) {
    // A malformed request can never succeed: record why once instead of failing (and retrying) forever.
    if (raw !== undefined) {
      const error = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ');
      await db
        .collection(NOTIFICATION_REQUESTS)
        .doc(requestId)
        .update({ state: 'failed', error })
        .catch(() => undefined); // deleted meanwhile: nothing to record
      logs.notificationRequestRejected(requestId, error);
    }
    return none;
  }
  const req = parsed.data;
  const now = deps.now();
  const dossier = (revive((await db.doc(`dossiers/${req.dossierId}`).get()).data()) ?? {}) as {
    code?: string;
    dueAt?: Date;
    receivingAgencyId?: string;
    currentStep?: { agencyId?: string };
  };
  const key = req.version !== undefined ? `v${String(req.version).padStart(6, '0')}` : (req.key ?? requestId);
  const brand = await readBrand(db);
  const message = renderMessage(
    req.eventType,
    {
      code: dossier.code ?? req.dossierId,
      dueAt: req.dueAt ?? dossier.dueAt ?? null,
      level: req.level ?? null,
      overdueWorkingDays: typeof req.overdueWorkingDays === 'number' ? req.overdueWorkingDays : null,
    },
    brand,
  );
  const recipients = await recipientsOf(deps, req, dossier.currentStep?.agencyId ?? dossier.receivingAgencyId);
  /** The message one recipient gets: the first to an unverified contact carries its confirmation link. */
  const messageFor = (r: Recipient): Message | undefined => {
    if (r.contact?.delivery !== 'sendWithConfirmation') return message;
    if (!deps.contacts || !dossier.code) return undefined; // no link can be made: nothing goes
    return withConfirmation(message, r.contact.kind, deps.contacts.confirmationLink(req.dossierId, dossier.code, r.contact.kind, r.contact.address));
  };
  const planned = recipients.map((r) => ({
    r,
    ref: db.collection(NOTIFICATIONS).doc(notificationId(req.dossierId, key, r.channel, r.uid ?? r.to ?? '')),
  }));

  const requestRef = db.collection(NOTIFICATION_REQUESTS).doc(requestId);
  const result: FanOutResult = { ...none };
  // A concurrent replay may create some documents between our read and our batch (the batch then fails as a
  // whole on `create`): read again and write what is still missing.
  for (let attempt = 0; ; attempt++) {
    const missing: typeof planned = [];
    for (let i = 0; i < planned.length; i += BATCH) {
      const chunk = planned.slice(i, i + BATCH);
      const snaps = await db.getAll(...chunk.map((p) => p.ref));
      chunk.forEach((p, j) => (snaps[j]!.exists ? result.existing++ : missing.push(p)));
    }
    try {
      await writeBatches(db, missing, requestRef, (p) => docOf(req, requestId, p.r, messageFor(p.r), now, dossier.code ?? null), result);
      result.created.push(...missing.map((p) => p.ref.id));
      result.deliverNow.push(
        ...missing
          .filter((p) => p.r.channel !== 'inApp' && messageFor(p.r) !== undefined && p.r.contact?.delivery !== 'withhold')
          .filter((p) => nextAttemptOf(p.r.channel, now).getTime() <= now.getTime())
          .map((p) => p.ref.id),
      );
      return result;
    } catch (err) {
      if ((err as { code?: number }).code !== 6 || attempt >= 2) throw err; // 6 = ALREADY_EXISTS
      result.existing = 0;
    }
  }
}

async function writeBatches(
  db: Firestore,
  missing: { r: Recipient; ref: DocumentReference }[],
  requestRef: DocumentReference,
  docOf: (p: { r: Recipient; ref: DocumentReference }) => object,
  result: FanOutResult,
): Promise<void> {
  // The request's own `done` mark rides in the last batch (or alone when nothing is missing).
  const total = missing.length + 1;
  for (let i = 0; i < total; i += BATCH) {
    const batch = db.batch();
    for (const p of missing.slice(i, i + BATCH)) batch.create(p.ref, docOf(p));
    if (i + BATCH >= total) batch.set(requestRef, { state: 'done', notificationCount: missing.length }, { merge: true });
    await batch.commit();
    result.commits += 1;
  }
}

// Both land on the citizen's phone with a sound: neither goes out at night.
const nextAttemptOf = (channel: Channel, now: Date) => (channel === 'sms' || channel === 'zalo' ? afterQuietHours(now) : now);

function docOf(req: NotificationRequest, requestId: string, r: Recipient, rendered: Message | undefined, now: Date, dossierCode: string | null) {
  const inApp = r.channel === 'inApp';
  // Withheld: an unverified contact past its first message (or one no link could be made for). The
  // ledger keeps it, with the reason, so a citizen's "I got nothing" has an answer; nothing is sent.
  const withheld = r.contact !== undefined && (r.contact.delivery === 'withhold' || rendered === undefined);
  const message = rendered ?? renderMessage(req.eventType, { code: dossierCode ?? req.dossierId });
  return {
    dossierId: req.dossierId,
    dossierCode,
    requestId,
    eventType: req.eventType,
    channel: r.channel,
    recipientUid: r.uid,
    to: r.to,
    templateVersion: TEMPLATE_VERSION,
    subject: message.subject,
    body: message.body,
    ...(message.footer ? { footer: message.footer } : {}),
    createdAt: now,
    // The in-app document is the inbox entry itself: delivered once written.
    state: inApp ? 'sent' : withheld ? 'withheld' : 'queued',
    attempts: 0,
    nextAttemptAt: inApp || withheld ? null : nextAttemptOf(r.channel, now),
    sentAt: inApp ? now : null,
    readAt: null,
    failure: withheld ? 'unverifiedContact' : null,
    lastError: null,
    // An applicant's typed contact is counted per day at delivery (deliver.ts, recipientLimits/).
    ...(r.contact
      ? { limitKey: recipientLimitKey(r.contact.kind, r.contact.address), contactVerified: r.contact.verified, firstContact: r.contact.delivery === 'sendWithConfirmation' }
      : {}),
  };
}
