// Feedback and petitions through the real emulators: the online form (signed in, or anonymous with a
// contact), the desk's hotline record, assignment to the responsible agency, the steps and who may take
// them, the sender's own page, the answer sent to the sender and published without personal data, the
// counters, and the sweep that escalates missed deadlines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackBody } from '../../functions/src/contract/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, call, rid } from '../support/api.js';
import { admin, eventually, runSchedule } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';

const { db, auth } = admin();
const DESK = '000.00.01.H99';
const OFFICE = '000.00.14.H99';
const fakeIp = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
const vnMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
const form = (extra: Partial<FeedbackBody> = {}): FeedbackBody => ({
  requestId: rid('fb'),
  category: 'staffConduct',
  subject: 'Cán bộ hướng dẫn chưa rõ',
  body: 'Tôi là Trần Thị Kiểm, số điện thoại 0912 345 678, được hướng dẫn ba lần mới đủ hồ sơ.',
  contact: { fullName: 'Trần Thị Kiểm', email: 'kiem.tran@example.vn', phone: '0912345678' },
  ...extra,
});
const send = (body: FeedbackBody, as?: Parameters<typeof api>[2]) => api('submitFeedback', { body }, as, { 'x-forwarded-for': fakeIp() });
const feedbackCounters = async (agencyId: string) => ((await db.doc(`rollups/${agencyId}_${vnMonth()}`).get()).get('feedback') ?? {}) as Record<string, number>;
const live = async (agencyId: string) => (await db.doc(`rollups/${agencyId}_live`).get()).data() ?? {};

beforeAll(async () => {
  await loadDemoData(db, auth);
  // The sweep tells the agency's leads and the province's monitors: make the test identities such.
  await db.doc(`users/${IDENTITIES.leadX.uid}`).set({ role: 'lead', agencyId: DESK }, { merge: true });
  await db.doc(`users/${IDENTITIES.leadY.uid}`).set({ role: 'lead', agencyId: OFFICE }, { merge: true });
  await db.doc(`users/${IDENTITIES.monitor.uid}`).set({ role: 'monitor', agencyId: '000.00.00.H99' }, { merge: true });
});

afterAll(async () => {
  await Promise.all([IDENTITIES.leadX, IDENTITIES.leadY, IDENTITIES.monitor].map((i) => db.doc(`users/${i.uid}`).delete()));
});

describe('the online form', () => {
  it('anonymous without a contact is refused (400) and writes nothing; with one it is received with its deadlines', async () => {
    const { contact: _dropped, ...withoutContact } = form();
    const refused = await send(withoutContact);
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error?.fields?.[0]?.path).toBe('contact');

    const before = await feedbackCounters(DESK);
    const res = await send(form({ agencyId: DESK }));
    expect(res.status, res.text).toBe(201);
    const { feedback, token, trackPath } = res.body;
    expect(feedback).toMatchObject({ status: 'received', category: 'staffConduct', answer: null });
    const d = feedback.deadlines;
    expect(Date.parse(d.refuseBy)).toBeLessThan(Date.parse(d.askInfoBy));
    expect(Date.parse(d.askInfoBy)).toBeLessThan(Date.parse(d.answerBy));
    expect(trackPath).toBe(`/phan-anh/theo-doi/${feedback.id}?t=${token}`);
    // The receipt and the case document carry no identity; the sender document does.
    expect(res.text).not.toContain('kiem.tran@example.vn');
    const stored = (await db.doc(`feedback/${feedback.id}`).get()).data()!;
    expect(JSON.stringify(stored)).not.toContain('kiem.tran@example.vn');
    expect((await db.doc(`feedback/${feedback.id}/private/sender`).get()).data()).toMatchObject({ email: 'kiem.tran@example.vn', agencyId: DESK, uid: null });
    expect((await feedbackCounters(DESK)).received ?? 0).toBe((before.received ?? 0) + 1);
  });

  it('a retry with the same request id gets the same case; a signed-in citizen is the sender; officers use the desk route', async () => {
    const body = form({ agencyId: DESK });
    const first = await send(body);
    const again = await send(body);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.feedback.id).toBe(first.body.feedback.id);
    const mine = await send(form({ contact: undefined }), IDENTITIES.citizenA);
    expect(mine.status, mine.text).toBe(201);
    expect((await db.doc(`feedback/${mine.body.feedback.id}/private/sender`).get()).get('uid')).toBe(IDENTITIES.citizenA.uid);
    // No agency named, no dossier: the province's one-stop centre takes it.
    expect((await db.doc(`feedback/${mine.body.feedback.id}`).get()).get('agencyId')).toBe(DESK);
    expect((await send(form(), IDENTITIES.receptionistX)).status).toBe(403);
  });

  it('the sender follows the case with the token; a wrong token learns nothing', async () => {
    const res = await send(form({ agencyId: DESK }));
    const { feedback, token } = res.body;
    const ok = await api('trackFeedback', { params: { feedbackId: feedback.id }, query: { t: token } });
    expect(ok.status).toBe(200);
    expect(ok.body.feedback.status).toBe('received');
    expect(ok.text).not.toContain('kiem.tran');
    const wrong = await api('trackFeedback', { params: { feedbackId: feedback.id }, query: { t: 'A'.repeat(22) } });
    expect(wrong.status).toBe(404);
  });
});

describe('handling', () => {
  it('a desk records a hotline call; classified and assigned to the office; answered (verified), sent to the sender, published', async () => {
    const recorded = await api('recordFeedback', { body: { ...form({ category: 'dossierDelay', agencyId: undefined }), channel: 'hotline' } }, IDENTITIES.receptionistX);
    expect(recorded.status, recorded.text).toBe(201);
    const id = recorded.body.feedback.id;
    expect((await db.doc(`feedback/${id}`).get()).data()).toMatchObject({ channel: 'hotline', recordedBy: IDENTITIES.receptionistX.uid, agencyId: DESK });

    // Who sees the case and its sender.
    const desk = await api('getFeedback', { params: { feedbackId: id } }, IDENTITIES.receptionistX);
    expect(desk.status).toBe(200);
    expect(desk.body.feedback.sender?.email).toBe('kiem.tran@example.vn');
    expect((await api('getFeedback', { params: { feedbackId: id } }, IDENTITIES.handlerY)).status).toBe(404);
    expect((await api('getFeedback', { params: { feedbackId: id } }, IDENTITIES.monitor)).status).toBe(403);
    expect((await api('getFeedback', { params: { feedbackId: id } }, IDENTITIES.citizenA)).status).toBe(404);
    const monitorList = await api('listFeedback', { query: { state: 'open', agencyId: DESK } }, IDENTITIES.monitor);
    expect(monitorList.status).toBe(200);
    expect(monitorList.body.items.find((i) => i.id === id)).toMatchObject({ subject: null, status: 'received' });
    expect(monitorList.text).not.toContain('kiem.tran');

    const openBefore = { desk: (await live(DESK)).feedbackOpen ?? 0, office: (await live(OFFICE)).feedbackOpen ?? 0 };
    const assigned = await api('actOnFeedback', { params: { feedbackId: id }, body: { requestId: rid('fa'), expectedVersion: 1, action: { type: 'classify', category: 'staffConduct', agencyId: OFFICE } } }, IDENTITIES.receptionistX);
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.feedback).toMatchObject({ agencyId: OFFICE, status: 'inProgress', version: 2 });
    expect(((await live(DESK)).feedbackOpen ?? 0) - openBefore.desk).toBe(-1);
    expect(((await live(OFFICE)).feedbackOpen ?? 0) - openBefore.office).toBe(1);
    // Now only the office handles it: the desk no longer sees it.
    expect((await api('getFeedback', { params: { feedbackId: id } }, IDENTITIES.receptionistX)).status).toBe(404);
    expect((await api('getFeedback', { params: { feedbackId: id } }, IDENTITIES.handlerY)).body.feedback?.sender?.phone).toBe('+84912345678'); // stored as the domain normalises phones

    // A stale version is refused; a handler may not verify a complaint about staff; the lead may.
    const stale = await api('actOnFeedback', { params: { feedbackId: id }, body: { requestId: rid('fa'), expectedVersion: 1, action: { type: 'answer', answer: 'x' } } }, IDENTITIES.handlerY);
    expect(stale.status).toBe(409);
    const notLead = await api('actOnFeedback', { params: { feedbackId: id }, body: { requestId: rid('fa'), expectedVersion: 2, action: { type: 'answer', answer: 'x', verified: true } } }, IDENTITIES.handlerY);
    expect(notLead.status).toBe(403);
    const before = await feedbackCounters(OFFICE);
    const answerBody = { requestId: rid('fa'), expectedVersion: 2, action: { type: 'answer' as const, answer: 'Đã xác minh, cán bộ đã được nhắc nhở. Xin lỗi bà.', verified: true } };
    const answered = await api('actOnFeedback', { params: { feedbackId: id }, body: answerBody }, IDENTITIES.leadY);
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.feedback).toMatchObject({ status: 'answered', verified: true });
    // A replayed step answers the same and counts nothing twice.
    const replay = await api('actOnFeedback', { params: { feedbackId: id }, body: answerBody }, IDENTITIES.leadY);
    expect(replay.body.duplicate).toBe(true);
    const after = await feedbackCounters(OFFICE);
    expect((after.answered ?? 0) - (before.answered ?? 0)).toBe(1);
    expect((after.answeredOnTime ?? 0) - (before.answeredOnTime ?? 0)).toBe(1);
    expect((after.verifiedComplaints ?? 0) - (before.verifiedComplaints ?? 0)).toBe(1);

    // The answer goes to the sender by email and SMS, through the notification ledger and its retry job.
    const queued = await db.collection('notifications').where('feedbackId', '==', id).get();
    expect(queued.docs.map((d) => d.get('channel')).sort()).toEqual(['email', 'sms']);
    expect(queued.docs[0]!.get('body.vi')).toContain('Đã xác minh');
    await runSchedule('retryNotifications', new Date(Date.now() + 60_000).toISOString());
    await eventually(async () => {
      const docs = (await db.collection('notifications').where('feedbackId', '==', id).get()).docs;
      return docs.every((d) => d.get('state') === 'sent') ? docs : undefined;
    }, 'the answer sent to the sender');

    // Published without personal data, by the lead only.
    const publishBody = { requestId: rid('fa'), expectedVersion: 3, action: { type: 'publish' as const, question: 'Cán bộ hướng dẫn hồ sơ chưa một lần đầy đủ.', answer: 'Đã xác minh và nhắc nhở cán bộ.' } };
    expect((await api('actOnFeedback', { params: { feedbackId: id }, body: { ...publishBody, requestId: rid('fa') } }, IDENTITIES.handlerY)).status).toBe(403);
    const published = await api('actOnFeedback', { params: { feedbackId: id }, body: publishBody }, IDENTITIES.leadY);
    expect(published.status, published.text).toBe(200);
    const page = await api('publicFeedbackAnswers', { query: {} });
    expect(page.status).toBe(200);
    const mine = page.body.items.find((i) => i.id === id);
    expect(mine).toMatchObject({ agencyId: OFFICE, question: publishBody.action.question, answer: publishBody.action.answer });
    expect(page.text).not.toMatch(/kiem\.tran|912345678|Trần Thị Kiểm/);

    // The sender rates the answer once, with the token.
    const token = recorded.body.token;
    const rated = await api('senderFeedbackAction', { params: { feedbackId: id }, body: { requestId: rid('fs'), token, action: { type: 'rate', satisfied: true } } });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body.feedback.rated).toBe(true);
    expect((await api('senderFeedbackAction', { params: { feedbackId: id }, body: { requestId: rid('fs'), token, action: { type: 'rate', satisfied: false } } })).status).toBe(409);
    expect((await api('senderFeedbackAction', { params: { feedbackId: id }, body: { requestId: rid('fs'), token: 'B'.repeat(22), action: { type: 'rate', satisfied: true } } })).status).toBe(404);
  });

  it('malformed steps are refused with field errors, never a 500', async () => {
    const res = await send(form({ agencyId: DESK }));
    const id = res.body.feedback.id;
    for (const body of [{}, { requestId: rid('x'), expectedVersion: 1, action: { type: 'fly' } }, { requestId: rid('x'), expectedVersion: 'one', action: { type: 'refuse', reason: 'r' } }, { requestId: rid('x'), expectedVersion: 1, action: { type: 'refuse', reason: '' } }]) {
      const r = await call('POST', `/feedback/${id}/actions`, IDENTITIES.receptionistX, body);
      expect(r.status, r.text).toBe(400);
      expect(r.body.error?.message?.vi).toBeTruthy();
    }
  });
});

describe('deadlines and escalation', () => {
  it('the sweep escalates a case not triaged in 2 working days and not answered in 15 to the leads, then to the monitors, once', async () => {
    const res = await send(form({ agencyId: DESK, category: 'other' }));
    const id = res.body.feedback.id;
    const later = new Date(Date.parse(res.body.feedback.deadlines.answerBy) + 5 * 86_400_000).toISOString();
    const first = await runSchedule('feedbackSweep', later);
    expect(first.status).toBe(200);
    const tasks = await eventually(async () => {
      const snap = await db.collection('feedbackTasks').where('feedbackId', '==', id).get();
      return snap.size === 4 ? snap : undefined;
    }, 'four escalation tasks (triage and answer, levels 1 and 2)');
    const byId = Object.fromEntries(tasks.docs.map((d) => [d.id, d.data()]));
    expect(byId[`${id}_triage_1`]?.assigneeUids).toEqual(expect.arrayContaining([IDENTITIES.leadX.uid]));
    expect(byId[`${id}_answer_2`]?.assigneeUids).toEqual(expect.arrayContaining([IDENTITIES.leadX.uid, IDENTITIES.monitor.uid]));
    expect(byId[`${id}_answer_1`]?.assigneeUids).not.toContain(IDENTITIES.monitor.uid);
    expect((await db.doc(`feedback/${id}`).get()).get('escalations')).toHaveProperty('answer2');
    const createdAt = tasks.docs.map((d) => d.updateTime.toMillis()).sort();
    // A repeated tick creates nothing new.
    await runSchedule('feedbackSweep', later);
    const again = await db.collection('feedbackTasks').where('feedbackId', '==', id).get();
    expect(again.docs.map((d) => d.updateTime.toMillis()).sort()).toEqual(createdAt);
    // The backlog snapshot counts it as overdue for the desk.
    await runSchedule('backlogSnapshot', later);
    await eventually(async () => ((await db.doc(`backlog/${DESK}`).get()).get('feedbackOverdue') >= 1 ? true : undefined), 'the desk backlog with an overdue case');
    // An officer of the agency sees it overdue in the list.
    const list = await api('listFeedback', { query: { state: 'open' } }, IDENTITIES.receptionistX);
    expect(list.body.items.find((i) => i.id === id)?.subject).toBe('Cán bộ hướng dẫn chưa rõ');
  });
});
