// Issue 12, finding 12 (misdirected notifications): email and SMS went to whatever address or phone the
// applicant typed, on every step, so anyone could have the province message a stranger at its cost. The
// attack here types a victim's address into applications and drives them, through Hosting, the functions
// emulator and the local SMTP catcher: the victim gets the first notice only, with a link to confirm
// (never followed), and nothing after it; many applications reach the victim at most a few times a day;
// a holder who confirms, or an owner whose account verified the address, gets everything as before.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentData } from 'firebase-admin/firestore';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactParam } from '../../functions/src/domain/index.js';
import { RECIPIENT_LIMITS } from '../../functions/src/features/notifications/contact-policy.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, APPLICANT, call, landRenewal, rid, submit, type DossierRef } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const run = Date.now().toString(36);
const anonymous = () => ({ 'x-forwarded-for': `198.19.91.${Math.floor(Math.random() * 256)}` });

/** Every message the local SMTP catcher received for `to`. */
async function mailTo(to: string): Promise<ParsedMail[]> {
  const dir = process.env.MAIL_CATCHER_DIR;
  if (!dir) throw new Error('MAIL_CATCHER_DIR: run through `npm test -- --emulator`');
  const mails = await Promise.all(readdirSync(dir).map(async (f) => simpleParser(readFileSync(join(dir, f)))));
  return mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text === to));
}

/** The ledger of a dossier's notifications (settled: nothing left queued or sending). */
async function ledger(dossierId: string, eventTypes: string[]): Promise<DocumentData[]> {
  return eventually(async () => {
    const docs = (await db.collection('notifications').where('dossierId', '==', dossierId).get()).docs.map((d) => d.data());
    const mine = docs.filter((d) => eventTypes.includes(d.eventType as string));
    const settled = mine.length >= eventTypes.length * 2 && mine.every((d) => !['queued', 'sending'].includes(d.state as string));
    return settled ? mine : undefined;
  }, `the notifications of ${eventTypes.join(', ')}`);
}

// SMS is off unless the citizen asked for it (users/{uid}.notificationPrefs): only email goes out here.
const applyWith = (email: string, as: TestIdentity = IDENTITIES.citizenA) => submit(landRenewal(rid('contact'), { ...APPLICANT, email }), as);

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('an address typed into an application is not verified', () => {
  const victim = `victim.${run}@example.vn`;
  let dossier: DossierRef;

  it('its holder gets the first notice, with a link to confirm, and nothing after it', async () => {
    dossier = await applyWith(victim);
    const first = await eventually(async () => (await mailTo(victim))[0], 'the first notice to the typed address');
    expect(first.text).toContain(`Hồ sơ ${dossier.code} đã được gửi`);
    expect(first.text).toContain('bấm Xác nhận');
    expect(first.text).toContain('Nếu bạn không nộp hồ sơ này, hãy bỏ qua');
    expect(first.text).toContain(`/tra-cuu/${dossier.code}?xn=email.`);

    // The applicant's dossier moves on; the victim never confirmed.
    const received = await act(dossier, IDENTITIES.receptionistX, { type: 'receive' });
    const entries = await ledger(dossier.id, ['submit', 'receive']);
    const receiveEmail = entries.find((d) => d.eventType === 'receive' && d.channel === 'email')!;
    expect(receiveEmail).toMatchObject({ state: 'withheld', failure: 'unverifiedContact', to: victim });
    expect(entries.find((d) => d.eventType === 'receive' && d.channel === 'inApp')).toMatchObject({ state: 'sent', recipientUid: IDENTITIES.citizenA.uid });
    expect(await mailTo(victim)).toHaveLength(1);
    // Nothing queued for later either: the retry sweep finds nothing of it.
    expect(receiveEmail.nextAttemptAt).toBeNull();
    dossier = received;
  });

  it('a forged or mismatched confirmation changes nothing (404), a malformed one is a 400', async () => {
    const other = await applyWith(`other.${run}@example.vn`);
    const secret = lookupSecret();
    const attempts = [
      contactParam(other.id, 'email', victim, secret), // the right address, another dossier
      contactParam(dossier.id, 'email', `attacker.${run}@example.vn`, secret), // another address
      contactParam(dossier.id, 'phone', victim, secret), // another kind
      `email.${'A'.repeat(22)}`,
    ];
    for (const contact of attempts) {
      const res = await api('confirmContact', { body: { code: dossier.code, contact } }, undefined, anonymous());
      expect(res.status, contact).toBe(404);
    }
    const malformed = await call('POST', '/contacts/confirm', undefined, { code: dossier.code, contact: 'email.short' }, anonymous());
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.fields.map((f) => f.path)).toEqual(['contact']);
    expect((await db.doc(`dossiers/${dossier.id}/private/contacts`).get()).exists).toBe(false);
  });

  it('once its holder confirms through the link, the next notices go to it', async () => {
    const [first] = await mailTo(victim);
    const xn = new URL(/http\S+\?xn=\S+/.exec(first!.text ?? '')![0]).searchParams.get('xn')!;
    const confirmed = await api('confirmContact', { body: { code: dossier.code, contact: xn } }, undefined, anonymous());
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toEqual({ confirmed: true, channel: 'email' });
    const again = await api('confirmContact', { body: { code: dossier.code, contact: xn } }, undefined, anonymous());
    expect(again.body).toEqual({ confirmed: true, channel: 'email', duplicate: true });
    expect((await db.doc(`dossiers/${dossier.id}/private/contacts`).get()).get('email.address')).toBe(victim);

    const assigned = await act(dossier, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    await act(assigned, IDENTITIES.leadX, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý' });
    const mail = await eventually(async () => (await mailTo(victim)).find((m) => m.text?.includes('đã có kết quả')), 'the result notice');
    expect(mail.text).toContain(dossier.code);
    expect(mail.text).not.toContain('xn='); // confirmed: no more links
  });
});

describe('many applications to one address (the attack at scale)', () => {
  it(`reach it with at most ${RECIPIENT_LIMITS.unverifiedFirstPerDay} first notices a day; the rest are withheld`, async () => {
    const victim = `flooded.${run}@example.vn`;
    const dossiers: DossierRef[] = [];
    for (let i = 0; i < RECIPIENT_LIMITS.unverifiedFirstPerDay + 2; i++) dossiers.push(await applyWith(victim));
    const emails = await eventually(async () => {
      const docs = (await db.collection('notifications').where('to', '==', victim).get()).docs.map((d) => d.data());
      return docs.length === dossiers.length && docs.every((d) => !['queued', 'sending'].includes(d.state as string)) ? docs : undefined;
    }, 'every first notice delivered or withheld');
    expect(emails.filter((d) => d.state === 'sent')).toHaveLength(RECIPIENT_LIMITS.unverifiedFirstPerDay);
    const held = emails.filter((d) => d.state === 'withheld');
    expect(held).toHaveLength(2);
    for (const d of held) expect(d.failure).toBe('recipientLimit');
    expect(await mailTo(victim)).toHaveLength(RECIPIENT_LIMITS.unverifiedFirstPerDay);
  });
});

describe('verified addresses need no link', () => {
  it("the owner's own account address, verified by Firebase Auth, gets every notice", async () => {
    const email = `owner.${run}@example.vn`;
    const owner: TestIdentity = { uid: `test-contact-owner-${run}`, onlineSubmissionsPerDay: 100 };
    await auth.createUser({ uid: owner.uid, email, emailVerified: true });
    const d = await applyWith(email, owner);
    await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    const entries = await ledger(d.id, ['submit', 'receive']);
    expect(entries.filter((e) => e.channel === 'email').map((e) => `${e.eventType}:${e.state}`).sort()).toEqual(['receive:sent', 'submit:sent']);
    const mails = await eventually(async () => {
      const got = await mailTo(email);
      return got.length === 2 ? got : undefined;
    }, 'both notices');
    for (const m of mails) expect(m.text).not.toContain('xn=');
  });
});
