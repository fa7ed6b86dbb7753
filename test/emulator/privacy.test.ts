// Personal data (Law 91/2025, Decree 356/2025): notice and consents with their versions and log, the
// profile kept on consent, data subject requests with their legal deadlines and the officer queue,
// deletion within archiving duties, and the export of one's own data — everything about the person and
// nothing about anyone else (two citizens sharing an agency and an officer).
import { beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, APPLICANT, download, landRenewal, PROVINCE_CENTRE, rid, submit } from '../support/api.js';
import { admin, runSchedule } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const RUN = Date.now().toString(36);
const person = (name: string): TestIdentity => ({ uid: `privacy-${name}-${RUN}` });

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('notice and consent', () => {
  const who = person('consent');

  it('records the notice version read, gives and withdraws consent with one request each, logged', async () => {
    const ack = await api('acknowledgeNotice', { body: { version: PRIVACY_NOTICE_VERSION } }, who);
    expect(ack.status, ack.text).toBe(200);
    const stale = await api('acknowledgeNotice', { body: { version: '2025-01-01' } }, who);
    expect(stale.status).toBe(400);
    expect(stale.body.error?.fields[0]?.message.vi).toMatch(/tải lại trang/);

    // Saving a profile needs the consent first: refused, nothing saved.
    const profile = { fullName: 'Phạm Thu Hà', idNumber: '036190001111', phone: '0987 000 111', address: { line: '8 Trần Phú', communeName: 'Xã Tân Lập', provinceName: 'Tỉnh Bình An' } };
    const early = await api('putProfile', { body: profile }, who);
    expect(early.status).toBe(409);
    expect(early.body.error?.reason).toBe('consentRequired');
    expect((await db.doc(`users/${who.uid}`).get()).get('profile')).toBeUndefined();

    const give = await api('putConsent', { params: { purpose: 'profile' }, body: { granted: true, noticeVersion: PRIVACY_NOTICE_VERSION } }, who);
    expect(give.status, give.text).toBe(200);
    expect(give.body.consent).toMatchObject({ granted: true, noticeVersion: PRIVACY_NOTICE_VERSION });
    const saved = await api('putProfile', { body: profile }, who);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.profile).toMatchObject({ fullName: 'Phạm Thu Hà', phone: '+84987000111' });
    expect(saved.body.profileConsent).toBe(true);

    // Bad input: every field named, bilingual; nothing changed.
    const bad = await api('putProfile', { body: { ...profile, idNumber: '123', phone: '12', address: { ...profile.address, communeName: '' } } }, who);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields.map((f) => f.path).sort()).toEqual(['address.communeName', 'idNumber', 'phone']);
    expect((await api('getProfile', {}, who)).body.profile?.idNumber).toBe('036190001111');

    const withdraw = await api('putConsent', { params: { purpose: 'profile' }, body: { granted: false, noticeVersion: PRIVACY_NOTICE_VERSION } }, who);
    expect(withdraw.status).toBe(200);
    expect(withdraw.body.effect?.vi).toMatch(/xóa/);
    expect((await api('getProfile', {}, who)).body.profile).toBeNull();
    // Repeating the current state logs nothing more.
    await api('putConsent', { params: { purpose: 'profile' }, body: { granted: false, noticeVersion: PRIVACY_NOTICE_VERSION } }, who);
    const log = await db.collection(`users/${who.uid}/consentLog`).get();
    expect(log.docs.map((d) => d.get('granted')).sort()).toEqual([false, true]);
    const privacy = await api('getPrivacy', {}, who);
    expect(privacy.body.noticeAcknowledged?.version).toBe(PRIVACY_NOTICE_VERSION);
    expect(privacy.body.consents.profile).toMatchObject({ granted: false });

    const unknown = await api('putConsent', { params: { purpose: 'marketing' }, body: { granted: true, noticeVersion: PRIVACY_NOTICE_VERSION } }, who);
    expect(unknown.status).toBe(400);
    const officer = await api('putConsent', { params: { purpose: 'profile' }, body: { granted: true, noticeVersion: PRIVACY_NOTICE_VERSION } }, IDENTITIES.receptionistX);
    expect(officer.status).toBe(403);
  });
});

describe('data subject requests', () => {
  it('sets the legal deadlines, is idempotent, and goes through the officer queue', async () => {
    const who = person('correct');
    const requestId = rid('dsr');
    const body = { requestId, kind: 'correction' as const, details: 'Sửa ngày sinh trong hồ sơ cá nhân thành 12/01/1990' };
    const created = await api('postDataRequest', { body }, who);
    expect(created.status, created.text).toBe(201);
    const r = created.body.request;
    expect(r.status).toBe('open');
    // 2 working days to reply, 15 calendar days to complete.
    const received = new Date(r.receivedAt).getTime();
    expect(new Date(r.replyDueAt).getTime() - received).toBeGreaterThanOrEqual(2 * 8 * 3_600_000);
    expect(new Date(r.completeDueAt).getTime() - received).toBeGreaterThanOrEqual(14 * 86_400_000);
    expect(new Date(r.completeDueAt).getTime() - received).toBeLessThanOrEqual(19 * 86_400_000);
    const again = await api('postDataRequest', { body }, who);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.request.id).toBe(r.id);
    const empty = await api('postDataRequest', { body: { requestId: rid('dsr'), kind: 'correction', details: '   ' } }, who);
    expect(empty.status).toBe(400);

    expect((await api('listDataRequests', {}, who)).status).toBe(403);
    expect((await api('listDataRequests', {}, IDENTITIES.receptionistX)).status).toBe(403);
    const queue = await api('listDataRequests', {}, IDENTITIES.admin);
    expect(queue.status).toBe(200);
    expect(queue.body.requests.find((q) => q.id === r.id)?.uid).toBe(who.uid);

    const reply = await api('actOnDataRequest', { params: { requestId: r.id }, body: { type: 'reply', message: 'Đã nhận, đang kiểm tra giấy tờ.' } }, IDENTITIES.admin);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.allowedActions).toEqual(['extend', 'complete', 'refuse']);
    const extend = await api('actOnDataRequest', { params: { requestId: r.id }, body: { type: 'extend', message: 'Cần xác minh với cơ quan cấp.' } }, IDENTITIES.admin);
    expect(new Date(extend.body.request.completeDueAt).getTime() - new Date(r.completeDueAt).getTime()).toBe(15 * 86_400_000);
    const twice = await api('actOnDataRequest', { params: { requestId: r.id }, body: { type: 'extend', message: 'Lần nữa' } }, IDENTITIES.admin);
    expect(twice.status).toBe(409);
    expect(twice.body.error?.allowedActions).toEqual(['complete', 'refuse']);
    const done = await api('actOnDataRequest', { params: { requestId: r.id }, body: { type: 'complete', message: 'Đã sửa ngày sinh.' } }, IDENTITIES.admin);
    expect(done.body.request.status).toBe('completed');
    const mine = await api('getPrivacy', {}, who);
    expect(mine.body.requests[0]).toMatchObject({ id: r.id, status: 'completed', reply: 'Đã nhận, đang kiểm tra giấy tờ.' });
  });

  it('the sweep flags a request past its reply deadline', async () => {
    const who = person('late');
    const created = await api('postDataRequest', { body: { requestId: rid('late'), kind: 'correction', details: 'Sửa địa chỉ' } }, who);
    const r = created.body.request;
    const after = new Date(new Date(r.replyDueAt).getTime() + 3_600_000);
    // The sweep's office-hours schedule: run it at a time after the reply deadline.
    const res = await runSchedule('deadlineSweep', after.toISOString());
    expect(res.status).toBe(200);
    const stored = (await db.doc(`dataRequests/${r.id}`).get()).data();
    expect(stored?.late).toMatchObject({ reply: true, complete: false });
    const queue = await api('listDataRequests', {}, IDENTITIES.admin);
    expect(queue.body.requests.find((q) => q.id === r.id)?.status).toBe('open');
  });

  it('deletion erases the account and what is not archived, keeps the dossiers, and says so', async () => {
    const who = person('delete');
    await auth.createUser({ uid: who.uid, email: `${who.uid}@example.vn`, emailVerified: true });
    const dossier = await submit(landRenewal(rid('keep')), who);
    await db.collection('drafts').add({ ownerUserId: who.uid, procedureCode: '1.012792', createdAt: new Date(), updatedAt: new Date() });
    await api('putConsent', { params: { purpose: 'satisfactionSurvey' }, body: { granted: true, noticeVersion: PRIVACY_NOTICE_VERSION } }, who);
    const created = await api('postDataRequest', { body: { requestId: rid('del'), kind: 'deletion', details: 'Xóa tài khoản của tôi' } }, who);
    const done = await api('actOnDataRequest', { params: { requestId: created.body.request.id }, body: { type: 'complete', message: 'Đã xóa tài khoản.' } }, IDENTITIES.admin);
    expect(done.status, done.text).toBe(200);
    expect(done.body.erased).toMatchObject({ account: true });
    expect(done.body.request.outcome).toMatch(/được giữ theo thời hạn của pháp luật về lưu trữ/);
    await expect(auth.getUser(who.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' });
    expect((await db.collection('drafts').where('ownerUserId', '==', who.uid).get()).size).toBe(0);
    expect((await db.doc(`users/${who.uid}/consents/satisfactionSurvey`).get()).exists).toBe(false);
    expect((await db.doc(`dossiers/${dossier.id}`).get()).exists).toBe(true);
    expect((await db.doc(`dossiers/${dossier.id}/private/personal`).get()).exists).toBe(true);
    // Closed: nothing more to do on it.
    const more = await api('actOnDataRequest', { params: { requestId: created.body.request.id }, body: { type: 'refuse', message: 'x' } }, IDENTITIES.admin);
    expect(more.status).toBe(409);
  });
});

describe('export of my data', () => {
  it('holds everything about me and nothing about the other citizen at the same agency, nor the officer', async () => {
    const a = person('export-a');
    const b = person('export-b');
    const applicantB = { ...APPLICANT, fullName: 'Võ Minh Khang', identity: { kind: 'citizenId' as const, number: '044092007777' }, phone: '0933444555', email: 'khang.vo@example.vn' };
    let da = await submit(landRenewal(rid('exp-a')), a);
    let db2 = await submit(landRenewal(rid('exp-b'), applicantB), b);
    // The same officer receives both at the same desk.
    da = await act(da, PROVINCE_CENTRE.receptionist, { type: 'receive' });
    db2 = await act(db2, PROVINCE_CENTRE.receptionist, { type: 'receive' });
    await api('putConsent', { params: { purpose: 'satisfactionSurvey' }, body: { granted: true, noticeVersion: PRIVACY_NOTICE_VERSION } }, a);
    await api('postDataRequest', { body: { requestId: rid('exp'), kind: 'correction', details: 'Sửa email' } }, a);

    const res = await download('exportMyData', {}, a);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="du-lieu-ca-nhan-/);
    const text = res.bytes.toString('utf8');
    const data = JSON.parse(text) as { dossiers: { dossier: { code: string }; events: unknown[] }[]; consents: unknown[]; dataRequests: unknown[] };
    expect(data.dossiers.map((d) => d.dossier.code)).toEqual([da.code]);
    expect(data.dossiers[0]!.events.length).toBe(2);
    expect(text).toContain(APPLICANT.identity.number);
    expect(data.consents.length).toBe(1);
    expect(data.dataRequests.length).toBe(1);
    // Nothing about B, nothing naming the officer.
    for (const other of [b.uid, db2.code, db2.id, 'Võ Minh Khang', '044092007777', 'khang.vo@example.vn', PROVINCE_CENTRE.receptionist.uid]) expect(text).not.toContain(other);
    expect(text).toContain('someone else');
    // And B's own export is B's.
    const bText = (await download('exportMyData', {}, b)).bytes.toString('utf8');
    expect(bText).toContain(db2.code);
    expect(bText).not.toContain(da.code);
    expect((await download('exportMyData', {}, IDENTITIES.kioskX)).status).toBe(403);
    expect((await download('exportMyData', {})).status).toBe(401);
  });
});

