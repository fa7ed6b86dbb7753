// Notification fan-out and delivery: a real transition through the emulators sends a real email to the local
// SMTP catcher (started by scripts/emulator-layers.ts); the ledger's retries, failures and lease run the
// same handlers in-process with injected transports against the Firestore emulator. Ids: `notif-test-…`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../functions/src/domain/time/local-time.js';
import { deliverDueNotifications, deliverNotification, type DeliveryDeps } from '../../functions/src/features/notifications/deliver.js';
import { fanOutRequest, notificationId } from '../../functions/src/features/notifications/fan-out.js';
import { DeliveryError, type OutgoingEmail, type OutgoingSms, type Transports } from '../../functions/src/features/notifications/channel-ports.js';
import type { OutgoingZalo } from '../../functions/src/features/notifications/channel-ports.js';
import { loadDemoData } from '../../seed/load.js';
import { api, APPLICANT, call, landRenewal, rid, submit, tryAct } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { TEMPLATE_VERSION } from '../../functions/src/features/notifications/templates.js';

const { db, auth } = admin();
const run = Date.now().toString(36);

/** An address of this run only, so the catcher's mail of earlier runs cannot match. */
const APPLICANT_EMAIL = `hoa.${run}@example.vn`;
const application = (requestId: string) => landRenewal(requestId, { ...APPLICANT, email: APPLICANT_EMAIL });
const putPrefs = (as: TestIdentity, body: unknown) => call('PUT', '/me/notification-preferences', as, body); // bad values on purpose
const follow = (dossierId: string, as: TestIdentity, following: boolean) => api('followDossier', { params: { dossierId }, body: { follow: following } }, as);
const markRead = (notificationId: string, as: TestIdentity) => api('markNotificationRead', { params: { notificationId } }, as);

/** Transports that record what they send and fail as told (a queue of outcomes, then success). */
function fakeTransports(failures: ('temporary' | 'permanent')[] = []) {
  const sent: (OutgoingEmail | OutgoingSms | OutgoingZalo)[] = [];
  const attempt = async (m: OutgoingEmail | OutgoingSms | OutgoingZalo) => {
    await new Promise((r) => setTimeout(r, 20)); // long enough for a concurrent worker to try its lease
    const failure = failures.shift();
    if (failure) throw new DeliveryError(failure, `injected ${failure} failure`);
    sent.push(m);
  };
  const transports: Transports = { email: { send: attempt }, sms: { send: attempt }, zalo: { send: attempt } };
  return { sent, transports };
}

const deps = (now: string, transports: Transports): DeliveryDeps => ({ db, now: () => new Date(now), transports, random: () => 0.5 });

async function queuedEmail(label: string, nextAttemptAt: string): Promise<string> {
  const id = `notif-test-${run}-${label}`;
  await db.doc(`notifications/${id}`).set({
    dossierId: `notif-test-${run}`,
    requestId: 'notif-test',
    eventType: 'receive',
    channel: 'email',
    recipientUid: null,
    to: 'someone@example.vn',
    templateVersion: 1,
    subject: { vi: 'Chủ đề', en: 'Subject' },
    body: { vi: 'Nội dung', en: 'Body' },
    createdAt: new Date(nextAttemptAt),
    state: 'queued',
    attempts: 0,
    nextAttemptAt: new Date(nextAttemptAt),
    sentAt: null,
    readAt: null,
    failure: null,
    lastError: null,
  });
  return id;
}

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('fan-out from a transition', () => {
  it('emails the applicant the receipt with the appointment, in Vietnamese, through the local SMTP catcher', async () => {
    const mailDir = process.env.MAIL_CATCHER_DIR;
    expect(mailDir, 'MAIL_CATCHER_DIR: run through `npx tsx scripts/test.ts --emulator`').toBeTruthy();
    const { id, code, version } = await submit(application(rid('submit')));
    // The address was typed, not verified: its first notice carries the confirmation link, and the
    // applicant confirms it as the lookup page does when they press Confirm (issue 12, finding 12).
    const first = await eventually(async () => {
      for (const file of readdirSync(mailDir!)) {
        const parsed = await simpleParser(readFileSync(join(mailDir!, file)));
        if (parsed.text?.includes(`${code} đã được gửi`)) return parsed;
      }
      return undefined;
    }, 'the first notice in the catcher');
    const link = new URL(/http\S+\?xn=\S+/.exec(first.text ?? '')![0]);
    expect(link.pathname).toBe(`/tra-cuu/${encodeURIComponent(code)}`);
    const confirmed = await api('confirmContact', { body: { code, contact: link.searchParams.get('xn')! } }, undefined, { 'x-forwarded-for': `198.19.90.${Math.floor(Math.random() * 256)}` });
    expect(confirmed.status, confirmed.text).toBe(200);
    const received = await tryAct({ id, version }, IDENTITIES.receptionistX, { type: 'receive' }, rid('receive'));
    expect(received.status, received.text).toBe(200);
    const due = formatLocalDateTime(new Date(received.body.dossier.dueAt ?? NaN).getTime());

    const mail = await eventually(async () => {
      for (const file of readdirSync(mailDir!)) {
        const parsed = await simpleParser(readFileSync(join(mailDir!, file)));
        if (parsed.text?.includes(`${code} đã được tiếp nhận`)) return parsed;
      }
      return undefined;
    }, 'the receipt email in the catcher');
    expect(mail.text).toContain(`Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả ${due}.`);
    expect(mail.text).toContain(`Dossier ${code} has been received; result due ${due}.`);
    // The demo province's branding (settings/branding, seeded) names the province in the subject.
    expect(mail.subject).toBe(`[Một cửa tỉnh Bình An] Hồ sơ ${code}`);
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text).toBe(APPLICANT_EMAIL);

    // The ledger: one in-app entry and one sent email per transition for the owner (the desk's own alert of
    // an online dossier, Decree 118 Art. 17.2, goes to its receptionists and is checked below).
    const ledger = await eventually(async () => {
      const snap = await db.collection('notifications').where('dossierId', '==', id).get();
      const docs = snap.docs.map((d) => d.data()).filter((d) => d.eventType !== 'onlineIntake');
      return docs.filter((d) => d.state === 'sent').length === 4 ? docs : undefined;
    }, 'four sent notifications (submit and receive × inApp and email)');
    const alert = await eventually(async () => {
      const request = await db.doc(`notificationRequests/${id}_000001_reception`).get();
      return request.get('state') === 'done' ? request.data() : undefined;
    }, 'the reception alert fanned out');
    expect(alert).toMatchObject({ audience: 'reception', eventType: 'onlineIntake', receivingAgencyId: '000.00.01.H99' });
    expect(ledger.map((d) => `${d.eventType}:${d.channel}`).sort()).toEqual(['receive:email', 'receive:inApp', 'submit:email', 'submit:inApp']);
    const inbox = ledger.find((d) => d.channel === 'inApp' && d.eventType === 'receive')!;
    expect(inbox).toMatchObject({ recipientUid: IDENTITIES.citizenA.uid, readAt: null, templateVersion: TEMPLATE_VERSION });

    // A replayed request creates nothing and sends nothing.
    const requestId = `${id}_000002`;
    const request = (await db.doc(`notificationRequests/${requestId}`).get()).data();
    expect(request?.state).toBe('done');
    const replay = await fanOutRequest({ db, now: () => new Date() }, requestId, { ...request, state: 'pending' });
    expect(replay.created).toEqual([]);
    expect(replay.existing).toBe(2);
    const texts = await Promise.all(readdirSync(mailDir!).map(async (f) => (await simpleParser(readFileSync(join(mailDir!, f)))).text ?? ''));
    expect(texts.filter((t) => t.includes(`Hồ sơ ${code} `))).toHaveLength(2); // submit and receive, once each
  });

  it('follows the channel preferences set through the API, and holds SMS during quiet hours', async () => {
    const bad = await putPrefs(IDENTITIES.citizenB, { sms: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields[0]?.path).toBe('sms');
    const unknownKey = await putPrefs(IDENTITIES.citizenB, { fax: true });
    expect(unknownKey.status).toBe(400);
    const ok = await api('putNotificationPreferences', { body: { email: false, sms: true } }, IDENTITIES.citizenB);
    expect(ok.status, ok.text).toBe(200);
    expect((await db.doc(`users/${IDENTITIES.citizenB.uid}`).get()).get('notificationPrefs')).toEqual({ email: false, sms: true });

    const dossierId = `notif-test-${run}-prefs`;
    const nightNow = new Date('2026-11-28T15:30:00Z'); // 22:30 in Vietnam
    await db.doc(`dossiers/${dossierId}`).set({ id: dossierId, code: '000.00.01.H99-261128-9999', status: 'received', receivingAgencyId: '000.00.96.H99', ownerUserId: IDENTITIES.citizenB.uid });
    await db.doc(`dossiers/${dossierId}/private/personal`).set({ applicant: { email: 'b@example.vn', phone: '+84912345679' }, components: [] });
    // The phone was confirmed through the first notice's link: later notices may go to it (contact-policy.ts).
    await db.doc(`dossiers/${dossierId}/private/contacts`).set({ phone: { address: '+84912345679', confirmedAt: nightNow } });
    const result = await fanOutRequest({ db, now: () => nightNow }, `${dossierId}_000002`, {
      dossierId,
      version: 2,
      eventType: 'receive',
      at: nightNow,
      state: 'pending',
      audience: 'applicant',
      ownerUserId: IDENTITIES.citizenB.uid,
      status: 'received',
    });
    const docs = (await db.getAll(...result.created.map((i) => db.doc(`notifications/${i}`)))).map((s) => s.data()!);
    expect(docs.map((d) => d.channel).sort()).toEqual(['inApp', 'sms']);
    const sms = docs.find((d) => d.channel === 'sms')!;
    expect(sms.state).toBe('queued');
    expect((sms.nextAttemptAt as { toDate(): Date }).toDate().toISOString()).toBe('2026-11-29T00:00:00.000Z'); // 07:00
    expect(result.deliverNow).toEqual([]);
    expect(result.created).toContain(notificationId(dossierId, 'v000002', 'sms', IDENTITIES.citizenB.uid));
  });

  it('fans out to every officer who follows the agency, in batches of at most 500', async () => {
    const agency = '000.00.95.H99';
    const batch = db.batch();
    for (let i = 0; i < 520; i++) batch.set(db.doc(`users/notif-test-follower-${i}`), { role: 'handler', agencyId: agency, followAgency: true });
    batch.set(db.doc('users/notif-test-not-following'), { role: 'handler', agencyId: agency, followAgency: false });
    await batch.commit();
    const dossierId = `notif-test-${run}-followers`;
    await db.doc(`dossiers/${dossierId}`).set({ id: dossierId, code: '000.00.95.H99-261128-0001', status: 'processing', receivingAgencyId: agency });
    const request = { dossierId, version: 4, eventType: 'resolve', at: new Date(), state: 'pending', audience: 'applicant', ownerUserId: null, status: 'resolved' };
    const first = await fanOutRequest({ db, now: () => new Date() }, `${dossierId}_000004`, request);
    expect(first.created).toHaveLength(520);
    expect(first.commits).toBe(2);
    const again = await fanOutRequest({ db, now: () => new Date() }, `${dossierId}_000004`, request);
    expect(again).toMatchObject({ created: [], existing: 520 });
  });
});

describe('following a dossier and the inbox', () => {
  it('an officer in scope follows one dossier and gets its transitions in the inbox; others are refused', async () => {
    const { id } = await submit(application(rid('follow-submit')));
    // Followers are read when a request fans out: let the submission's own request finish first, or a slow
    // trigger would count the lead, who follows only afterwards, among its recipients.
    await eventually(async () => ((await db.doc(`notificationRequests/${id}_000001`).get()).get('state') === 'done' ? true : undefined), 'the submission fanned out');

    const bad = await call('PUT', `/dossiers/${id}/follow`, IDENTITIES.leadX, { follow: 'yes' }); // not a boolean, on purpose
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields[0]?.path).toBe('follow');
    // Out of scope (another agency), or a citizen: as if the dossier did not exist.
    expect((await follow(id, IDENTITIES.handlerY, true)).status).toBe(404);
    expect((await follow(id, IDENTITIES.citizenA, true)).status).toBe(404);
    const followed = await follow(id, IDENTITIES.leadX, true);
    expect(followed.status, followed.text).toBe(200);
    expect((await follow(id, IDENTITIES.leadX, true)).status).toBe(200); // again: no change
    expect((await db.doc(`users/${IDENTITIES.leadX.uid}`).get()).get('followedDossierIds')).toEqual([id]);

    const received = await tryAct({ id, version: 1 }, IDENTITIES.receptionistX, { type: 'receive' }, rid('follow-receive'));
    expect(received.status, received.text).toBe(200);
    const entry = await eventually(async () => {
      const snap = await db.collection('notifications').where('recipientUid', '==', IDENTITIES.leadX.uid).where('dossierId', '==', id).get();
      return snap.docs.find((d) => d.get('eventType') === 'receive');
    }, "the lead's inbox entry for the receipt");
    expect(entry.get('channel')).toBe('inApp');

    // Marking read: only the recipient; the first time is kept.
    expect((await markRead(entry.id, IDENTITIES.citizenA)).status).toBe(404);
    expect((await markRead('not-an-id', IDENTITIES.leadX)).status).toBe(400);
    const read = await markRead(entry.id, IDENTITIES.leadX);
    expect(read.status, read.text).toBe(200);
    const again = await markRead(entry.id, IDENTITIES.leadX);
    expect(again.body.notification.readAt).toBe(read.body.notification.readAt);
    expect((await db.doc(`notifications/${entry.id}`).get()).get('readAt').toDate().toISOString()).toBe(read.body.notification.readAt);

    // Unfollowed: the next transition does not reach the lead.
    expect((await follow(id, IDENTITIES.leadX, false)).status).toBe(200);
    expect((await db.doc(`users/${IDENTITIES.leadX.uid}`).get()).get('followedDossierIds')).toEqual([]);
    const stopAsked = await tryAct({ id, version: 2 }, IDENTITIES.receptionistX, { type: 'requestStop', reason: 'Công dân xin dừng giải quyết' }, rid('follow-stop'));
    expect(stopAsked.status, stopAsked.text).toBe(200);
    await eventually(async () => ((await db.doc(`notificationRequests/${id}_000003`).get()).get('state') === 'done' ? true : undefined), 'the third request fanned out');
    const snap = await db.collection('notifications').where('recipientUid', '==', IDENTITIES.leadX.uid).where('dossierId', '==', id).get();
    expect(snap.docs.map((d) => d.get('eventType'))).toEqual(['receive']);
  });
});

describe('malformed requests', () => {
  it('are marked failed with the reason, once, instead of failing the trigger forever', async () => {
    const ref = db.collection('notificationRequests').doc(`notify-test-malformed-${Date.now().toString(36)}`);
    await ref.set({ dossierId: 42, state: 'pending' });
    const failed = await eventually(async () => ((await ref.get()).get('state') === 'failed' ? (await ref.get()).data() : undefined), 'the request to be marked failed');
    expect(String(failed!.error)).toContain('dossierId');
    await ref.delete();
  });
});

describe('delivery ledger', () => {
  it('retries a temporary failure with backoff, then sends it', async () => {
    const id = await queuedEmail('retry', '2026-01-05T03:00:00Z');
    const flaky = fakeTransports(['temporary']);
    expect(await deliverNotification(deps('2026-01-05T03:00:00Z', flaky.transports), id)).toBe('retry');
    const queued = (await db.doc(`notifications/${id}`).get()).data()!;
    expect(queued).toMatchObject({ state: 'queued', attempts: 1, failure: 'temporary', lastError: 'injected temporary failure' });
    const retryAt = (queued.nextAttemptAt as { toDate(): Date }).toDate();
    expect(retryAt.toISOString()).toBe('2026-01-05T03:01:15.000Z'); // 60 s × (1 + 0.5 × 0.5)

    // Not yet due: the retry sweep leaves it.
    expect((await deliverDueNotifications(deps('2026-01-05T03:01:00Z', flaky.transports))).sent).toBe(0);
    const sweep = await deliverDueNotifications(deps('2026-01-05T03:01:15Z', flaky.transports));
    expect(sweep.sent).toBe(1);
    expect(flaky.sent).toHaveLength(1);
    expect((await db.doc(`notifications/${id}`).get()).data()).toMatchObject({ state: 'sent', attempts: 2, failure: null, nextAttemptAt: null });
    // A final state is final.
    expect(await deliverNotification(deps('2026-01-06T03:00:00Z', flaky.transports), id)).toBe('skipped');
    expect(flaky.sent).toHaveLength(1);
  });

  it('stops at a permanent failure and shows it', async () => {
    const id = await queuedEmail('permanent', '2026-01-05T03:00:00Z');
    const broken = fakeTransports(['permanent']);
    expect(await deliverNotification(deps('2026-01-05T03:00:00Z', broken.transports), id)).toBe('failed');
    expect((await db.doc(`notifications/${id}`).get()).data()).toMatchObject({ state: 'failed', failure: 'permanent', lastError: 'injected permanent failure', nextAttemptAt: null });
    expect(await deliverNotification(deps('2026-01-07T03:00:00Z', broken.transports), id)).toBe('skipped');
    expect(broken.sent).toHaveLength(0);
  });

  it('gives up after the last temporary attempt', async () => {
    const id = await queuedEmail('exhausted', '2026-01-05T03:00:00Z');
    const down = fakeTransports(Array(5).fill('temporary'));
    let t = new Date('2026-01-05T03:00:00Z').getTime();
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(await deliverNotification(deps(new Date(t).toISOString(), down.transports), id));
      t += 2 * 3_600_000;
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'failed']);
    expect((await db.doc(`notifications/${id}`).get()).data()).toMatchObject({ state: 'failed', failure: 'temporary', attempts: 5 });
  });

  it('never sends one notification twice when two workers race (lease)', async () => {
    const id = await queuedEmail('race', '2026-01-05T03:00:00Z');
    const counting = fakeTransports();
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => deliverNotification(deps('2026-01-05T03:00:00Z', counting.transports), id)));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(3);
    expect(counting.sent).toHaveLength(1);
  });
});
