// Personal data (Law 91/2025, Decree 356/2025): notice and consents with their versions and log, the
// profile kept on consent, data subject requests with their legal deadlines and the officer queue,
// deletion within archiving duties, and the export of one's own data — everything about the person and
// nothing about anyone else (two citizens sharing an agency and an officer).
import { beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, APPLICANT, download, landRenewal, PROVINCE_CENTRE, PROVINCE_DESK, rid, submit, uploadPdf } from '../support/api.js';
import { admin, eventually, runSchedule } from '../support/emulators.js';
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

  it('refuses bad input with bilingual messages per field, and writes nothing', async () => {
    const who = person('bad');
    const mine = async () => (await db.collection('dataRequests').where('uid', '==', who.uid).get()).size;
    const bad = await api('postDataRequest', { body: { requestId: rid('bad'), kind: 'erase' as 'deletion', details: ' ' } }, who);
    expect(bad.status).toBe(400);
    const fields = bad.body.error?.fields ?? [];
    expect(fields.map((f) => f.path).sort()).toEqual(['details', 'kind']);
    for (const f of fields) {
      expect(f.message.vi).toBeTruthy();
      expect(f.message.en).toBeTruthy();
      expect(f.message.vi).not.toBe(f.message.en);
    }
    expect(await mine()).toBe(0);
    // The same requestId for a different request is a conflict, not a second request.
    const requestId = rid('reuse');
    expect((await api('postDataRequest', { body: { requestId, kind: 'correction', details: 'Sửa địa chỉ' } }, who)).status).toBe(201);
    const reused = await api('postDataRequest', { body: { requestId, kind: 'deletion', details: 'Xóa tài khoản' } }, who);
    expect(reused.status).toBe(409);
    expect(reused.body.error?.message.en).toMatch(/requestId/);
    expect(await mine()).toBe(1);
    const [stored] = (await db.collection('dataRequests').where('uid', '==', who.uid).get()).docs;

    // The officer's side: a malformed or unknown request, an empty message, an unknown action.
    const malformed = await api('actOnDataRequest', { params: { requestId: 'not-a-request' }, body: { type: 'reply', message: 'x' } }, IDENTITIES.admin);
    expect(malformed.status).toBe(400);
    const unknown = await api('actOnDataRequest', { params: { requestId: 'a'.repeat(24) }, body: { type: 'reply', message: 'x' } }, IDENTITIES.admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toMatchObject({ vi: expect.stringMatching(/Không có yêu cầu/), en: expect.stringMatching(/No such request/) });
    const empty = await api('actOnDataRequest', { params: { requestId: stored!.id }, body: { type: 'reply', message: '  ' } }, IDENTITIES.admin);
    expect(empty.status).toBe(400);
    expect(empty.body.error?.fields.map((f) => f.path)).toEqual(['message']);
    const action = await api('actOnDataRequest', { params: { requestId: stored!.id }, body: { type: 'erase' as 'complete', message: 'x' } }, IDENTITIES.admin);
    expect(action.status).toBe(400);
    expect(action.body.error?.fields.map((f) => f.path)).toEqual(['type']);
    // A citizen cannot act on the queue, not even on their own request.
    expect((await api('actOnDataRequest', { params: { requestId: stored!.id }, body: { type: 'complete', message: 'xong' } }, who)).status).toBe(403);
    expect((await db.doc(`dataRequests/${stored!.id}`).get()).data()).toEqual(stored!.data());
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
  it('holds everything about me and nothing about the other citizen at the same agency, nor the officers', async () => {
    const a = person('export-a');
    const b = person('export-b');
    const applicantB = { ...APPLICANT, fullName: 'Võ Minh Khang', identity: { kind: 'citizenId' as const, number: '044092007777' }, phone: '0933444555', email: 'khang.vo@example.vn' };
    let da = await submit(landRenewal(rid('exp-a')), a);
    let db2 = await submit(landRenewal(rid('exp-b'), applicantB), b);
    // The same officers take both through the same desk, to the end: received, assigned, resolved, returned.
    const { receptionist, lead } = PROVINCE_CENTRE;
    for (const step of [
      [receptionist, { type: 'receive' }],
      [lead, { type: 'assign', handlerId: 'handler-at-desk' }],
      [lead, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý' }],
      [receptionist, { type: 'returnResult', via: 'desk' }],
    ] as const) {
      da = await act(da, step[0], step[1]);
      db2 = await act(db2, step[0], step[1]);
    }
    // Both rate their dossier, with words only the rater wrote.
    for (const [d, who, comment] of [[da, a, 'Nhanh gọn, cảm ơn'], [db2, b, 'Chờ hơi lâu ở quầy']] as const) {
      const rated = await api('postRating', { body: { requestId: rid('rate'), code: d.code, channel: 'online', satisfaction: 'satisfied', officerAttitudeComplaint: false, comment } }, who, { 'x-forwarded-for': `198.18.${Math.floor(Math.random() * 256)}.1` });
      expect(rated.status, rated.text).toBe(201);
    }
    // A's profile (kept on consent), a consent for the survey, a data request, a draft; B's too.
    for (const [who, fullName, idNumber] of [[a, 'Nguyễn Văn An', '001190005555'], [b, 'Võ Minh Khang', '044092007777']] as const) {
      await api('putConsent', { params: { purpose: 'profile' }, body: { granted: true, noticeVersion: PRIVACY_NOTICE_VERSION } }, who);
      const saved = await api('putProfile', { body: { fullName, idNumber, phone: '0987 000 222', address: { line: '5 Hai Bà Trưng', communeName: 'Phường Đông Thành', provinceName: 'Tỉnh Bình An' } } }, who);
      expect(saved.status, saved.text).toBe(200);
    }
    await api('putConsent', { params: { purpose: 'satisfactionSurvey' }, body: { granted: true, noticeVersion: PRIVACY_NOTICE_VERSION } }, a);
    await api('postDataRequest', { body: { requestId: rid('exp'), kind: 'correction', details: 'Sửa email' } }, a);
    await api('postDataRequest', { body: { requestId: rid('exp'), kind: 'correction', details: 'Sửa tên đệm của Khang' } }, b);
    // Each keeps a file uploaded and never filed (the export lists one's uploads).
    await uploadPdf(a, 'giay-to-rieng-cua-an.pdf');
    await uploadPdf(b, 'giay-to-rieng-cua-khang.pdf');
    // Each files a judicial-record request with an ID-card copy (a sensitive component), and the same
    // receptionist opens both copies: each opening is logged for its data subject, and the export of each
    // holds the log of their own file only (Law 91/2025: the person sees who accessed their sensitive data).
    const withIdCard = async (who: TestIdentity, applicant: typeof APPLICANT | typeof applicantB, fileName: string) => {
      const upload = await uploadPdf(who, fileName);
      const filed = await submit(
        {
          requestId: rid('exp-id'),
          procedureCode: '2.000488',
          receivingAgencyId: PROVINCE_DESK,
          applicant,
          components: [
            { componentId: 'request-form', originals: 1 },
            { componentId: 'identity-copy', copies: 1, uploadIds: [upload.uploadId] },
          ],
          resultDelivery: 'desk',
        },
        who,
      );
      const opened = await download('getUpload', { params: { uploadId: upload.uploadId } }, receptionist);
      expect(opened.status).toBe(200);
      return { ...filed, uploadId: upload.uploadId };
    };
    const ja = await withIdCard(a, APPLICANT, 'cccd-cua-an.pdf');
    const jb = await withIdCard(b, applicantB, 'cccd-cua-khang.pdf');
    // The notifications of each transition reach each applicant (written by the fan-out trigger).
    const notified = (uid: string) => eventually(async () => ((await db.collection('notifications').where('recipientUid', '==', uid).get()).size >= 4 ? true : undefined), `notifications of ${uid}`);
    await Promise.all([notified(a.uid), notified(b.uid)]);

    const res = await download('exportMyData', {}, a);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="du-lieu-ca-nhan-/);
    const text = res.bytes.toString('utf8');
    type Export = {
      account: { uid: string };
      user: { profile?: { fullName: string; idNumber: string } } | null;
      dossiers: { dossier: { code: string }; personal: { applicant: { fullName: string } } | null; events: unknown[]; rating: { comment?: string; satisfaction: string } | null }[];
      consents: { id: string }[];
      consentLog: unknown[];
      notifications: { recipientUid: string; dossierCode: string | null }[];
      dataRequests: { details: string }[];
      uploads: { fileName: string; ownerUserId: string }[];
      accessLog: { subjectUid: string; actorUid: string; actorRole: string; actorAgencyId: string | null; uploadId: string; fileName: string; dossierId: string | null; at: string }[];
    };
    const data = JSON.parse(text) as Export;
    expect(data.account.uid).toBe(a.uid);
    expect(data.user?.profile).toMatchObject({ fullName: 'Nguyễn Văn An', idNumber: '001190005555' });
    expect(data.dossiers.map((d) => d.dossier.code).sort()).toEqual([da.code, ja.code].sort());
    const mine = data.dossiers.find((d) => d.dossier.code === da.code)!;
    expect(mine.personal?.applicant.fullName).toBe(APPLICANT.fullName);
    expect(mine.events.length).toBe(5);
    expect(mine.rating).toMatchObject({ satisfaction: 'satisfied', comment: 'Nhanh gọn, cảm ơn' });
    expect(text).toContain(APPLICANT.identity.number);
    expect(data.consents.map((c) => c.id).sort()).toEqual(['profile', 'satisfactionSurvey']);
    expect(data.consentLog.length).toBe(2);
    expect(data.dataRequests.map((r) => r.details)).toEqual(['Sửa email']);
    expect(data.uploads.map((u) => u.fileName)).toContain('giay-to-rieng-cua-an.pdf');
    expect(new Set(data.uploads.map((u) => u.ownerUserId))).toEqual(new Set([a.uid]));
    expect(data.notifications.length).toBeGreaterThanOrEqual(4);
    expect(new Set(data.notifications.map((n) => n.recipientUid))).toEqual(new Set([a.uid]));
    expect(data.notifications.map((n) => n.dossierCode)).toContain(da.code);
    for (const n of data.notifications) expect([da.code, ja.code]).toContain(n.dossierCode);
    // The opening of A's ID-card copy, with when and by which role at which desk — not the officer's account.
    expect(data.accessLog).toEqual([
      { id: expect.any(String), subjectUid: a.uid, actorUid: 'khác / someone else', actorRole: 'receptionist', actorAgencyId: PROVINCE_DESK, uploadId: ja.uploadId, fileName: 'cccd-cua-an.pdf', dossierId: ja.id, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
    ]);
    // Nothing about B, nothing naming an officer: the same desk, the same receptionist and lead for both.
    for (const other of [b.uid, db2.code, db2.id, jb.code, jb.id, jb.uploadId, 'cccd-cua-khang.pdf', 'Võ Minh Khang', '044092007777', 'khang.vo@example.vn', 'Chờ hơi lâu ở quầy', 'Sửa tên đệm của Khang', 'giay-to-rieng-cua-khang.pdf', receptionist.uid, lead.uid, 'handler-at-desk']) {
      expect(text, other).not.toContain(other);
    }
    expect(text).toContain('someone else');
    // And B's own export is B's.
    const bText = (await download('exportMyData', {}, b)).bytes.toString('utf8');
    expect(bText).toContain(db2.code);
    expect(bText).toContain('Chờ hơi lâu ở quầy');
    expect(bText).toContain('giay-to-rieng-cua-khang.pdf');
    expect((JSON.parse(bText) as Export).accessLog.map((e) => e.fileName)).toEqual(['cccd-cua-khang.pdf']);
    for (const other of [a.uid, da.code, ja.code, ja.uploadId, 'cccd-cua-an.pdf', 'Nguyễn Văn An', '001190005555', 'Nhanh gọn, cảm ơn', 'Sửa email', 'giay-to-rieng-cua-an.pdf']) expect(bText, other).not.toContain(other);
    expect((await download('exportMyData', {}, IDENTITIES.kioskX)).status).toBe(403);
    expect((await download('exportMyData', {})).status).toBe(401);
  });
});
