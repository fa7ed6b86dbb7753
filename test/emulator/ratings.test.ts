// Ratings (POST /api/ratings) and the kiosk role through the real Emulator Suite: who may rate through
// which channel, when, how often; what is stored (no identity of the rater) and counted; that a desk
// rating needs the receipt (issue 12, finding 3: the kiosk's password is known to desk staff); and that a
// kiosk account can do nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRatingCode, ratingCodeOf, signLookupToken } from '../../functions/src/domain/index.js';
import { RATING_CODE_ATTEMPTS_PER_MINUTE } from '../../functions/src/features/ratings/submit-rating.handler.js';
import type { RatingBody } from '../../functions/src/contract/index.js';
import { minimalPdf } from '../fixtures/files.js';
import { loadDemoData } from '../../seed/load.js';
import { api, call, download, driveDossier, fullView, landRenewal, PROVINCE_DESK, rid, tryAct, upload, type DossierRef } from '../support/api.js';
import { admin, eventually } from '../support/emulators.js';
import { pdfText } from '../support/pdf-probe.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const token = (d: DossierRef) => signLookupToken(d.id, lookupSecret());
const ratingCode = (d: DossierRef) => ratingCodeOf(d.id, lookupSecret());
/** A fresh client each call: anonymous ratings count against the lookup's per-client quota. */
const fakeIp = () => `198.19.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

function rating(d: DossierRef, extra: Partial<RatingBody> = {}): RatingBody {
  return { requestId: rid('rate'), code: d.code, token: token(d), channel: 'online', satisfaction: 'satisfied', officerAttitudeComplaint: false, ...extra };
}
const rate = (body: RatingBody, as?: TestIdentity) => api('postRating', { body }, as, { 'x-forwarded-for': fakeIp() });
/** For bodies that are wrong on purpose (bad values, unknown fields, not an object): the untyped call. */
const rateRaw = (body: unknown, as?: TestIdentity) => call('POST', '/ratings', as, body, { 'x-forwarded-for': fakeIp() });
const ratingDoc = (d: DossierRef) => db.doc(`ratings/${d.id}`).get();
const statsOf = async (month: string) => (await db.doc(`stats/${PROVINCE_DESK}_land_${month}`).get()).data() ?? {};
const vnMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

let returned: DossierRef;
let resolved: DossierRef;

beforeAll(async () => {
  await loadDemoData(db, auth);
  [returned, resolved] = await Promise.all([driveDossier(), driveDossier({ until: 'resolved' })]);
});

afterAll(async () => {
  await auth.getUserByEmail('kiosk.moi@motcua.demo').then((u) => auth.deleteUser(u.uid), () => undefined);
});

describe('who may rate', () => {
  it.each([
    ['a receptionist', IDENTITIES.receptionistX],
    ['a lead', IDENTITIES.leadX],
    ['an admin', IDENTITIES.admin],
    ['a monitor', IDENTITIES.monitor],
  ] as const)('%s is refused (403), even with the token, and nothing is written', async (_who, as) => {
    for (const channel of ['online', 'deskDevice'] as const) {
      const res = await rate(rating(returned, { channel }), as);
      expect(res.status, res.text).toBe(403);
      expect(res.body.error?.code).toBe('permission-denied');
    }
    expect((await ratingDoc(returned)).exists).toBe(false);
  });

  it('a desk rating needs the kiosk: anonymous 401, citizen 403; a kiosk may not rate online (403)', async () => {
    expect((await rate(rating(returned, { channel: 'deskDevice' }))).status).toBe(401);
    expect((await rate(rating(returned, { channel: 'deskDevice' }), IDENTITIES.citizenA)).status).toBe(403);
    expect((await rate(rating(returned, { channel: 'online' }), IDENTITIES.kioskX)).status).toBe(403);
    expect((await ratingDoc(returned)).exists).toBe(false);
  });

  it('unknown code, wrong token, no token, another citizen, a kiosk of another agency: 404 alike', async () => {
    const missing = await rate(rating(returned, { code: '000.00.01.H99-351130-0999' }));
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not-found', message: { vi: expect.any(String), en: expect.any(String) } });
    const wrongToken = await rate(rating(returned, { token: signLookupToken('another-dossier', lookupSecret()) }));
    const { token: _t, ...noToken } = rating(returned);
    const answers = [
      wrongToken,
      await rate(noToken),
      await rate(noToken, IDENTITIES.citizenB),
      await rate({ ...rating(returned), channel: 'deskDevice' }, IDENTITIES.kioskY), // the receipt's QR, at another agency's desk
    ];
    for (const a of answers) expect(a.status, a.text).toBe(404);
    for (const a of answers) expect(a.body).toEqual(missing.body);
    expect((await ratingDoc(returned)).exists).toBe(false);
  });
});

describe('bad input', () => {
  it.each([
    [{ channel: 'paperSlip' }, 'channel'],
    [{ satisfaction: 'great' }, 'satisfaction'],
    [{ officerAttitudeComplaint: 'yes' }, 'officerAttitudeComplaint'],
    [{ code: 'not-a-code' }, 'code'],
    [{ requestId: 'x' }, 'requestId'],
    [{ token: 'has spaces' }, 'token'],
    [{ comment: 'x'.repeat(2001) }, 'comment'],
    [{ comment: '   ' }, 'comment'],
  ])('%o → a structured 400 at %s, nothing written', async (change, path) => {
    const res = await rateRaw({ ...rating(returned), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    expect(res.body.error?.fields[0]?.message).toEqual({ vi: expect.any(String), en: expect.any(String) });
    expect((await ratingDoc(returned)).exists).toBe(false);
  });

  it('unknown fields (the rater’s identity among them) are refused', async () => {
    const res = await rateRaw({ ...rating(returned), userId: IDENTITIES.citizenA.uid });
    expect(res.status).toBe(400);
    expect((await ratingDoc(returned)).exists).toBe(false);
  });

  it('no body, a JSON array, a string: 400', async () => {
    for (const body of [undefined, [], 'x', null]) expect((await rateRaw(body)).status).toBe(400);
  });
});

describe('when', () => {
  it('before the result is returned: 409 notRateable with the current status', async () => {
    const res = await rate(rating(resolved));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', reason: 'notRateable', currentStatus: 'resolved' });
    expect((await ratingDoc(resolved)).exists).toBe(false);
  });
});

describe('online rating with the receipt token', () => {
  it('stores the rating without the rater, counts it, and the lookup shows it rated', async () => {
    const month = vnMonth();
    const before = await statsOf(month);
    const body = rating(returned, { satisfaction: 'dissatisfied', officerAttitudeComplaint: true, comment: ' Phải chờ lâu ' });
    const res = await rate(body);
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      rating: {
        code: returned.code,
        channel: 'online',
        satisfaction: 'dissatisfied',
        satisfactionLabel: { vi: 'Không hài lòng', en: 'Dissatisfied' },
        officerAttitudeComplaint: true,
        comment: 'Phải chờ lâu',
        ratedAt: expect.stringMatching(/^\d{4}-/) as string,
      },
    });
    const stored = (await ratingDoc(returned)).data()!;
    expect(Object.keys(stored).sort()).toEqual(
      ['agencyId', 'channel', 'comment', 'complaintVerification', 'dossierId', 'officerAttitudeComplaint', 'ratedAt', 'satisfaction'].sort(),
    );
    expect(stored).toMatchObject({ dossierId: returned.id, agencyId: PROVINCE_DESK, channel: 'online', complaintVerification: 'pending' });
    // No trace of who rated, neither in the rating nor in its idempotency record.
    const record = (await db.doc(`dossiers/${returned.id}/requests/rating_${body.requestId}`).get()).data()!;
    expect(JSON.stringify([stored, record])).not.toContain(IDENTITIES.citizenA.uid);

    const after = await statsOf(month);
    const n = (o: Record<string, unknown>, k: string) => (k.split('.').reduce<unknown>((v, p) => (v as Record<string, unknown> | undefined)?.[p], o) as number | undefined) ?? 0;
    expect(n(after, 'rated') - n(before, 'rated')).toBe(1);
    expect(n(after, 'satisfaction.dissatisfied') - n(before, 'satisfaction.dissatisfied')).toBe(1);
    expect(n(after, 'attitudeComplaints') - n(before, 'attitudeComplaints')).toBe(1);

    const lookup = await api('lookup', { params: { code: returned.code }, query: { t: token(returned) } }, undefined, { 'x-forwarded-for': fakeIp() });
    expect(fullView(lookup.body).rating).toEqual({ rateable: false, rated: true });
  });

  it('a retry with the same requestId gets the first answer and writes nothing; a second rating is 409 alreadyRated', async () => {
    const d = await driveDossier();
    const body = rating(d);
    const first = await rate(body);
    expect(first.status).toBe(201);
    const storedFirst = await ratingDoc(d);
    const retry = await rate(body);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    const storedAgain = await ratingDoc(d);
    expect(storedAgain.updateTime!.isEqual(storedFirst.updateTime!)).toBe(true);

    const reused = await rate({ ...body, satisfaction: 'neutral' });
    expect(reused.status).toBe(409);
    expect(reused.body.error?.reason).toBe('requestIdReused');
    const second = await rate(rating(d, { satisfaction: 'verySatisfied' }));
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'conflict', reason: 'alreadyRated' });
    expect((await ratingDoc(d)).get('satisfaction')).toBe('satisfied');
  });

  it('the signed-in owner may rate without the token', async () => {
    const d = await driveDossier();
    const { token: _t, ...body } = rating(d, { satisfaction: 'verySatisfied' });
    const res = await rate(body, IDENTITIES.citizenA);
    expect(res.status, res.text).toBe(201);
    expect((await ratingDoc(d)).get('channel')).toBe('online');
  });
});

describe('the kiosk', () => {
  const desk = (d: DossierRef, proof: Pick<RatingBody, 'token' | 'ratingCode'>): RatingBody => ({
    requestId: rid('kiosk'),
    code: d.code,
    channel: 'deskDevice',
    satisfaction: 'neutral',
    officerAttitudeComplaint: false,
    ...proof,
  });

  it('cannot rate with the code alone: pre-rating every returned dossier of its desk fails (the attack)', async () => {
    // Desk staff know the kiosk's password and codes are sequential: they walk the day's codes.
    const [first, second] = await Promise.all([driveDossier(), driveDossier()]);
    for (const d of [first, second]) {
      const res = await rate({ requestId: rid('kiosk'), code: d.code, channel: 'deskDevice', satisfaction: 'verySatisfied', officerAttitudeComplaint: false }, IDENTITIES.kioskX);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error?.fields.map((f) => f.path)).toEqual(['ratingCode']);
      expect(res.body.error?.fields[0]?.message.vi).toContain('mã đánh giá');
      expect((await ratingDoc(d)).exists).toBe(false);
    }
    // A guessed rating code gets the 404 of a wrong code, and writes nothing.
    const guess = ratingCode(first) === '12345678' ? '87654321' : '12345678';
    const guessed = await rate(desk(first, { ratingCode: guess }), IDENTITIES.kioskX);
    expect(guessed.status).toBe(404);
    expect((await ratingDoc(first)).exists).toBe(false);
    // So the citizen's own rating is still theirs to give, online with the receipt's token.
    const own = await rate(rating(first, { satisfaction: 'dissatisfied' }));
    expect(own.status, own.text).toBe(201);
    expect((await ratingDoc(first)).get('satisfaction')).toBe('dissatisfied');
  });

  it('rates with the receipt in hand: the QR token scanned, or the rating code printed on it', async () => {
    const [scanned, typed] = await Promise.all([driveDossier(), driveDossier()]);
    const byQr = await rate(desk(scanned, { token: token(scanned) }), IDENTITIES.kioskX);
    expect(byQr.status, byQr.text).toBe(201);
    expect((await ratingDoc(scanned)).data()).toMatchObject({ channel: 'deskDevice', agencyId: PROVINCE_DESK, complaintVerification: 'none' });
    const byCode = await rate(desk(typed, { ratingCode: formatRatingCode(ratingCode(typed)) }), IDENTITIES.kioskX);
    expect(byCode.status, byCode.text).toBe(201);
    expect((await ratingDoc(typed)).get('channel')).toBe('deskDevice');
  });

  it('the rating code is printed on the receipt (form 01)', async () => {
    const d = await driveDossier({ until: 'received' });
    const slipId = `01-${String(d.version).padStart(6, '0')}`;
    const pdf = await eventually(async () => {
      const res = await download('downloadSlip', { params: { dossierId: d.id, slipId }, query: { t: token(d) } });
      return res.status === 200 ? res.bytes : undefined;
    }, 'the receipt');
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(`Mã đánh giá tại quầy / Desk rating code: ${formatRatingCode(ratingCode(d))}`);
  });

  it('another dossier’s rating code, or a kiosk of another desk with the right one, gets 404', async () => {
    const [d, other] = await Promise.all([driveDossier(), driveDossier()]);
    expect((await rate(desk(d, { ratingCode: ratingCode(other) }), IDENTITIES.kioskX)).status).toBe(404);
    expect((await rate(desk(d, { ratingCode: ratingCode(d) }), IDENTITIES.kioskY)).status).toBe(404);
    expect((await ratingDoc(d)).exists).toBe(false);
  });

  it('a kiosk trying codes is stopped after a few a minute, even on the right one', async () => {
    const kiosk = { uid: `test-kiosk-guesser-${Date.now().toString(36)}`, claims: { role: 'kiosk', agencyId: PROVINCE_DESK } };
    const d = await driveDossier();
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 20_000) await new Promise((r) => setTimeout(r, left + 100));
    for (let i = 0; i < RATING_CODE_ATTEMPTS_PER_MINUTE; i++) {
      const guess = String(10_000_000 + i) === ratingCode(d) ? '99999999' : String(10_000_000 + i);
      expect((await rate(desk(d, { ratingCode: guess }), kiosk)).status).toBe(404);
    }
    const right = await rate(desk(d, { ratingCode: ratingCode(d) }), kiosk);
    expect(right.status).toBe(429);
    expect(right.body.error?.code).toBe('resource-exhausted');
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await ratingDoc(d)).exists).toBe(false);
    // The QR token is not a guess: it still works on the same device.
    expect((await rate(desk(d, { token: token(d) }), kiosk)).status).toBe(201);
  });

  it('before the return: 409 notRateable', async () => {
    const res = await rate(desk(resolved, { token: token(resolved) }), IDENTITIES.kioskX);
    expect(res.status).toBe(409);
    expect(res.body.error?.reason).toBe('notRateable');
  });

  it('cannot read or act on dossiers, submit, upload, set preferences, print registers or provision', async () => {
    const d = await driveDossier({ until: 'received' });
    const kiosk = IDENTITIES.kioskX;
    expect((await api('getDossier', { params: { dossierId: d.id } }, kiosk)).status).toBe(403);
    for (const action of [{ type: 'assign', handlerId: 'x' }, { type: 'withdraw' }, { type: 'stop', reason: 'Thử' }] as const) {
      const res = await tryAct(d, kiosk, action, rid('kiosk-act'));
      expect(res.status, JSON.stringify(action)).toBe(403);
    }
    // An extension without its date, reason and apology: malformed, and still refused for the role first.
    const extend = await call('POST', `/dossiers/${d.id}/actions`, kiosk, { requestId: rid('kiosk-act'), expectedVersion: d.version, action: { type: 'extend' } });
    expect(extend.status, JSON.stringify({ type: 'extend' })).toBe(403);
    expect((await api('submitDossier', { body: landRenewal(rid('kiosk-submit')) }, kiosk)).status).toBe(403);
    const { receivingAgencyId: _r, ...intake } = landRenewal(rid('kiosk-intake'));
    expect((await api('intakeDossier', { body: intake }, kiosk)).status).toBe(403);
    expect((await api('putNotificationPreferences', { body: { inApp: true } }, kiosk)).status).toBe(403);
    expect((await api('followDossier', { params: { dossierId: d.id }, body: { follow: true } }, kiosk)).status).toBe(403);
    expect((await api('markNotificationRead', { params: { notificationId: 'some-notification' } }, kiosk)).status).toBe(403);
    expect((await download('getRegister', { params: { agencyId: PROVINCE_DESK }, query: { from: '2026-01-01', to: '2026-01-31' } }, kiosk)).status).toBe(403);
    expect((await api('provisionOfficer', { body: { email: 'x@motcua.demo', displayName: 'Thử', role: 'lead', agencyId: PROVINCE_DESK } }, kiosk)).status).toBe(403);
    expect((await download('downloadSlip', { params: { dossierId: d.id, slipId: '01-000002' } }, kiosk)).status).toBe(404);
    expect((await upload(kiosk, [{ name: 'file', fileName: 'a.pdf', bytes: minimalPdf() }])).status).toBe(403);
    // The dossier is untouched: still received, at the same version.
    expect((await db.doc(`dossiers/${d.id}`).get()).get('version')).toBe(d.version);
  });

  it('an admin provisions a kiosk account for an agency', async () => {
    const res = await api(
      'provisionOfficer',
      { body: { email: 'kiosk.moi@motcua.demo', displayName: 'Thiết bị đánh giá mới', role: 'kiosk', agencyId: '000.21.02.H99' } },
      IDENTITIES.admin,
    );
    expect(res.status, res.text).toBe(201);
    expect((await auth.getUser(res.body.uid)).customClaims).toEqual({ role: 'kiosk', agencyId: '000.21.02.H99' });
  });

  it('a kiosk claim without an agency, or a role the service does not know, is refused rather than taken for a citizen', async () => {
    for (const claims of [{ role: 'kiosk' }, { role: 'superuser', agencyId: PROVINCE_DESK }, { role: 'system' }]) {
      const as = { uid: `test-odd-${claims.role}-${'agencyId' in claims ? 'a' : 'n'}`, claims };
      expect((await api('submitDossier', { body: landRenewal(rid('odd')) }, as)).status, JSON.stringify(claims)).toBe(403);
      expect((await rate(rating(returned), as)).status).toBe(403);
    }
  });
});

describe('the demo kiosk', () => {
  it('is seeded with its claims', async () => {
    const user = await auth.getUserByEmail('kiosk.tinh@motcua.demo');
    expect(user.customClaims).toEqual({ role: 'kiosk', agencyId: PROVINCE_DESK });
  });
});
