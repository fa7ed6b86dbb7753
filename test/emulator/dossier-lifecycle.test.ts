// The lifecycle service through the real Emulator Suite: Hosting → api function → Firestore
// transaction, with real ID tokens from the Auth emulator.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ONLINE_QUOTA, parseDossierCode } from '../../functions/src/domain/index.js';
import { verifyChain, type ChainedEvent } from '../../functions/src/store/event-chain.js';
import { revive } from '../../functions/src/store/revive.js';
import { actOnDossier } from '../../functions/src/features/dossiers/act.handler.js';
import type { DossierDeps } from '../../functions/src/features/dossiers/dossier-deps.js';
import type { ApiError } from '../../functions/src/platform/api-error.js';
import { loadDemoData } from '../../seed/load.js';
import { APPLICANT, api, numbered, call, landRenewal, PROVINCE_DESK, rid, submitDossier, tryAct, uploadPdf, type Action, type Reply } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const LAND_OFFICE = '000.00.14.H99';

const submit = () => submitDossier();

const act = (id: string, version: number, as: TestIdentity, action: Action, requestId = rid('act')) => tryAct({ id, version }, as, action, requestId);

async function expectOk(answer: Promise<Reply<'actOnDossier'>>, status: string): Promise<number> {
  const res = await answer;
  expect(res.status, res.text).toBe(200);
  expect(res.body.dossier.status).toBe(status);
  return res.body.dossier.version;
}

const getDossier = (id: string, as: TestIdentity) => api('getDossier', { params: { dossierId: id } }, as);

async function storedEvents(id: string): Promise<ChainedEvent[]> {
  const snap = await db.collection(`dossiers/${id}/events`).orderBy('version').get();
  return snap.docs.map((d) => revive(d.data()) as ChainedEvent);
}

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('authorization comes first', () => {
  it('refuses anonymous callers and officers submitting as citizens', async () => {
    expect((await api('submitDossier', { body: landRenewal(rid('anon')) })).status).toBe(401);
    const asOfficer = await api('submitDossier', { body: landRenewal(rid('officer')) }, IDENTITIES.receptionistX);
    expect(asOfficer.status).toBe(403);
    expect(asOfficer.body.error?.code).toBe('permission-denied');
  });

  it('shows a dossier only to its owner and to officers in scope', async () => {
    const { id } = await submit();
    expect((await getDossier(id, IDENTITIES.citizenA)).body.dossier.applicant).toMatchObject({ kind: 'person', fullName: 'Nguyễn Thị Hoà' });
    expect((await getDossier(id, IDENTITIES.receptionistX)).status).toBe(200);
    expect((await getDossier(id, IDENTITIES.citizenB)).status).toBe(404);
    expect((await getDossier(id, IDENTITIES.handlerY)).status).toBe(404); // not routed to Y yet
    const monitor = await getDossier(id, IDENTITIES.monitor);
    expect(monitor.status).toBe(200);
    expect(monitor.body.dossier.applicant).toBeUndefined();
  });
});

describe('the full path', () => {
  it('submit → receive → assign → transfer → acknowledge → resolve → return', async () => {
    const { id, code, version } = await submit();
    // Decree 118 Art. 28: received at the province desk for the land office (an inter-agency group), the
    // code carries the receiving desk's identifier.
    expect(parseDossierCode(code).agencyCode).toBe(PROVINCE_DESK);
    expect(version).toBe(1);
    expect((await db.doc(`dossiers/${id}`).get()).get('applicant')).toBeUndefined(); // no personal data on the public doc
    expect((await db.doc(`dossiers/${id}/private/personal`).get()).get('applicant.fullName')).toBe(
      'Nguyễn Thị Hoà',
    );

    const received = await act(id, 1, IDENTITIES.receptionistX, { type: 'receive' });
    expect(received.status, received.text).toBe(200);
    expect(received.body.dossier.status).toBe('received');
    expect(new Date(received.body.dossier.dueAt ?? NaN).getTime()).toBeGreaterThan(Date.now());
    expect(received.body.dossier.dueExplanation?.vi).toContain('7 ngày làm việc');
    let v = received.body.dossier.version;

    v = await expectOk(
      act(id, v, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' }),
      'processing',
    );
    // The sub-deadline is computed from the procedure's process (the land office's step), never typed.
    v = await expectOk(
      act(id, v, IDENTITIES.leadX, {
        type: 'transfer',
        toAgencyId: LAND_OFFICE,
        task: 'Thẩm định hồ sơ gia hạn',
      }),
      'processing',
    );
    expect((await getDossier(id, IDENTITIES.handlerY)).status).toBe(200); // now in Y's scope
    v = await expectOk(act(id, v, IDENTITIES.handlerY, { type: 'acknowledgeTransfer' }), 'processing');
    v = await expectOk(
      act(id, v, IDENTITIES.handlerY, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý gia hạn' }),
      'resolved',
    );
    v = await expectOk(
      act(id, v, IDENTITIES.receptionistX, { type: 'returnResult', via: 'desk' }),
      'returned',
    );
    expect(v).toBe(7);

    const events = await storedEvents(id);
    expect(events.map((e) => e.type)).toEqual([
      'submit',
      'receive',
      'assign',
      'transfer',
      'acknowledgeTransfer',
      'resolve',
      'returnResult',
    ]);
    expect(verifyChain(events)).toEqual({ ok: true, length: 7 });

    const handoffs = (await db.collection(`dossiers/${id}/handoffs`).get()).docs.map((d) => d.data());
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({
      fromAgencyId: PROVINCE_DESK,
      toAgencyId: LAND_OFFICE,
      acknowledgedBy: IDENTITIES.handlerY.uid,
    });
    expect(['early', 'onTime']).toContain(handoffs[0]!.result);

    const slips = (await db.collection('slipRequests').where('dossierId', '==', id).get()).docs.map(
      (d) => d.get('form') as string,
    );
    // Circular 03/2025: the control slip is form 06.
    expect(slips.sort()).toEqual(['01', '06', '06']);
    const notices = (await db.collection('notificationRequests').where('dossierId', '==', id).get()).docs.map(
      (d) => d.get('eventType') as string,
    );
    // Plus the desk's own alert of an online dossier (Decree 118 Art. 17.2).
    expect(notices.sort()).toEqual(['onlineIntake', 'receive', 'resolve', 'returnResult', 'submit']);
  });

  it('detects an edited event through the hash chain', async () => {
    const { id } = await submit();
    await act(id, 1, IDENTITIES.receptionistX, { type: 'receive' });
    expect(verifyChain(await storedEvents(id)).ok).toBe(true);
    await db.doc(`dossiers/${id}/events/000001`).update({ 'actor.userId': 'someone-else' });
    expect(verifyChain(await storedEvents(id))).toEqual({ ok: false, brokenAtVersion: 1, length: 2 });
  });
});

describe('files', () => {
  it('attaches an uploaded file to the submitted dossier, once', async () => {
    const { uploadId, sha256 } = await uploadPdf(IDENTITIES.citizenA, 'Đơn đề nghị gia hạn.pdf');
    const body = landRenewal(rid('with-file'));
    body.components[0] = { ...body.components[0]!, uploadIds: [uploadId] };
    const res = await api('submitDossier', { body }, IDENTITIES.citizenA);
    expect(res.status, res.text).toBe(201);
    const personal = (await db.doc(`dossiers/${numbered(res).dossier.id}/private/personal`).get()).data()!;
    expect(personal.components[0].attachments[0]).toMatchObject({ id: uploadId, sha256, fileName: 'Đơn đề nghị gia hạn.pdf', contentType: 'application/pdf' });
    expect((await db.doc(`uploads/${uploadId}`).get()).get('dossierId')).toBe(numbered(res).dossier.id);

    const twice = await api('submitDossier', { body: { ...body, requestId: rid('same-file') } }, IDENTITIES.citizenA);
    expect(twice.status).toBe(409);
    const otherOwner = await api('submitDossier', { body: { ...body, requestId: rid('not-mine') } }, IDENTITIES.citizenB);
    expect(otherOwner.status).toBe(400);
  });
});

describe('rules of the law', () => {
  it('allows one supplement request after reception and refuses a second, even to a lead with a reason (Decree 118)', async () => {
    const { id } = await submit();
    let v = await expectOk(act(id, 1, IDENTITIES.receptionistX, { type: 'receive' }), 'received');
    v = await expectOk(
      act(id, v, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' }),
      'processing',
    );
    const items = [{ componentId: 'certificate', name: 'Giấy chứng nhận', problem: 'Bản chụp bị mờ, cần bản rõ' }];
    v = await expectOk(
      act(id, v, IDENTITIES.leadX, { type: 'requestSupplement', items, reason: 'Thiếu bản rõ nét' }),
      'awaitingSupplement',
    );
    const before = (await db.doc(`dossiers/${id}`).get()).get('dueAt').toDate() as Date;
    v = await expectOk(act(id, v, IDENTITIES.citizenA, { type: 'submitSupplement' }), 'processing');
    const after = (await db.doc(`dossiers/${id}`).get()).get('dueAt').toDate() as Date;
    expect(after.getTime()).toBeGreaterThanOrEqual(before.getTime()); // the clock restarted (policy: restart)

    const second = await act(id, v, IDENTITIES.leadX, {
      type: 'requestSupplement',
      items,
      reason: 'Lần hai',
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      currentStatus: 'processing',
      rule: 'supplementOnlyOnce',
    });
    expect(second.body.error?.allowedActions).toContain('resolve');
    // Decree 118 removed the lead's override: a written reason does not open a second round.
    const overridden = await act(id, v, IDENTITIES.leadX, {
      type: 'requestSupplement',
      items,
      reason: 'Lần hai',
      overrideReason: 'Phát hiện sai sót mới khi thẩm định',
    });
    expect(overridden.status).toBe(409);
    expect(overridden.body.error?.rule).toBe('supplementOnlyOnce');
  });

  it('allows one extension with a later date and refuses a second', async () => {
    const { id } = await submit();
    const received = await act(id, 1, IDENTITIES.receptionistX, { type: 'receive' });
    const due = new Date(received.body.dossier.dueAt ?? NaN);
    const extension = { reason: 'Chờ xác minh thực địa', apology: 'Cơ quan xin lỗi ông/bà vì sự chậm trễ' };
    const v = await expectOk(
      act(id, 2, IDENTITIES.leadX, {
        type: 'extend',
        newDueAt: new Date(due.getTime() + 5 * 86_400_000).toISOString(),
        ...extension,
      }),
      'received',
    );
    const again = await act(id, v, IDENTITIES.leadX, {
      type: 'extend',
      newDueAt: new Date(due.getTime() + 9 * 86_400_000).toISOString(),
      ...extension,
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.rule).toBe('extensionAlreadyUsed');
  });

  it('refuses service-set fields from clients', async () => {
    const { id } = await submit();
    // Malformed on purpose: `due` is not part of an action a client may send.
    const res = await call('POST', `/dossiers/${id}/actions`, IDENTITIES.receptionistX, {
      requestId: rid('act'),
      expectedVersion: 1,
      action: { type: 'receive', due: { at: '2030-01-01T00:00:00Z', explanation: { vi: 'x', en: 'x' } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.fields[0]?.path).toBe('action.due');
  });
});

describe('other paths', () => {
  it('refuses at reception with a reason, and the dossier is closed', async () => {
    const { id } = await submit();
    const res = await act(id, 1, IDENTITIES.receptionistX, { type: 'refuseAtReception', reason: 'Thủ tục không thuộc thẩm quyền tiếp nhận' });
    expect(res.status).toBe(200);
    expect(res.body.dossier.status).toBe('refused');
    expect(res.body.allowedActions).toEqual([]);
    const slips = (await db.collection('slipRequests').where('dossierId', '==', id).get()).docs.map((d) => d.get('form') as string);
    expect(slips).toEqual(['03']);
  });

  it('lets the citizen withdraw, and nobody else on their behalf online', async () => {
    const { id } = await submit();
    const other = await act(id, 1, IDENTITIES.citizenB, { type: 'withdraw', reason: 'Không còn nhu cầu' });
    expect(other.status).toBe(404); // a stranger is not even told the dossier exists (issue 12, finding 10)
    await expectOk(act(id, 1, IDENTITIES.citizenA, { type: 'withdraw', reason: 'Không còn nhu cầu' }), 'withdrawn');
  });

  it('asks another agency for its opinion, which that agency answers', async () => {
    const { id } = await submit();
    let v = await expectOk(act(id, 1, IDENTITIES.receptionistX, { type: 'receive' }), 'received');
    v = await expectOk(act(id, v, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' }), 'processing');
    const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    v = await expectOk(
      act(id, v, IDENTITIES.leadX, { type: 'requestOpinion', agencyId: LAND_OFFICE, question: 'Thửa đất có tranh chấp không?', dueAt }),
      'processing',
    );
    expect((await getDossier(id, IDENTITIES.handlerY)).status).toBe(200); // consulted agencies may read it
    v = await expectOk(act(id, v, IDENTITIES.handlerY, { type: 'provideOpinion', answer: 'Không có tranh chấp.' }), 'processing');
    const dossier = (await getDossier(id, IDENTITIES.leadX)).body.dossier;
    expect(dossier.opinions[0]).toMatchObject({ agencyId: LAND_OFFICE, answer: 'Không có tranh chấp.' });
    await expectOk(act(id, v, IDENTITIES.leadX, { type: 'stop', reason: 'Người nộp đề nghị dừng' }), 'stopped');
  });
});

describe('concurrency and retries', () => {
  // The functions emulator starts one worker process per in-flight request (production serves many per
  // instance), so the race is run on the handler itself, against the same real Firestore emulator.
  it('lets exactly one of 50 conflicting actions win', async () => {
    const { id } = await submit();
    const v = await expectOk(act(id, 1, IDENTITIES.receptionistX, { type: 'receive' }), 'received');
    const { userId, agencyId } = { userId: IDENTITIES.leadX.uid, agencyId: IDENTITIES.leadX.claims.agencyId };
    const deps: DossierDeps = {
      db,
      now: () => new Date(),
      caller: async () => ({ role: 'lead', userId, agencyId }),
      onlineQuota: () => DEFAULT_ONLINE_QUOTA,
    };
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        actOnDossier(
          {
            method: 'POST',
            path: '',
            params: { dossierId: id },
            query: {},
            header: () => undefined,
            body: {
              requestId: rid(`race${i}`),
              expectedVersion: v,
              action: { type: 'assign', handlerId: `handler-${i}` },
            },
          },
          deps,
        ).then(
          (r) => ({ status: r.status, error: undefined }),
          (e: unknown) => ({ status: (e as ApiError).status, error: e as ApiError }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(1);
    const losers = outcomes.filter((o) => o.status === 409);
    expect(losers).toHaveLength(49);
    expect(losers[0]!.error!.toBody().error).toMatchObject({
      reason: 'staleVersion',
      currentStatus: 'processing',
      currentVersion: v + 1,
    });
    expect(await storedEvents(id)).toHaveLength(3);
  }, 120_000); // 50 transactions on one document, while the triggers of other tests share two cores

  it('answers a retried request with the first answer and writes nothing new', async () => {
    const { id } = await submit();
    const requestId = rid('retry');
    const first = await act(id, 1, IDENTITIES.receptionistX, { type: 'receive' }, requestId);
    const again = await act(id, 1, IDENTITIES.receptionistX, { type: 'receive' }, requestId);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.dossier).toEqual(first.body.dossier);
    expect(await storedEvents(id)).toHaveLength(2);
    const reused = await act(id, 2, IDENTITIES.receptionistX, { type: 'withdraw' }, requestId);
    expect(reused.status).toBe(409);
  });

  it('gives a retried submission the same dossier and code', async () => {
    const body = landRenewal(rid('resubmit'));
    const first = await api('submitDossier', { body }, IDENTITIES.citizenA);
    const again = await api('submitDossier', { body }, IDENTITIES.citizenA);
    expect(first.status).toBe(201);
    expect(numbered(again).dossier.code).toBe(numbered(first).dossier.code);
    expect(numbered(again).duplicate).toBe(true);
  });
});

describe('bad input', () => {
  it.each([
    ['not an object', ['hello']],
    ['unknown procedure', { ...landRenewal('bad-proc-0001'), procedureCode: '9.999999' }],
    [
      'missing mandatory component',
      { ...landRenewal('bad-comp-0001'), components: [{ componentId: 'certificate', originals: 1 }] },
    ],
    ['agency without desk', { ...landRenewal('bad-agen-0001'), receivingAgencyId: '000.00.10.H99' }],
    ['invalid phone', { ...landRenewal('bad-phon-0001'), applicant: { ...APPLICANT, phone: '12345' } }],
    ['extra field', { ...landRenewal('bad-extr-0001'), status: 'returned' }],
  ])('%s → structured 4xx, nothing written', async (_label, body) => {
    const before = (await db.collection('dossiers').count().get()).data().count;
    const res = await call('POST', '/dossiers', IDENTITIES.citizenA, body); // bad on purpose: untyped
    expect([400, 404]).toContain(res.status);
    expect(res.body.error?.message.vi.length).toBeGreaterThan(0);
    expect(res.body.error?.message.en.length).toBeGreaterThan(0);
    expect((await db.collection('dossiers').count().get()).data().count).toBe(before);
  });
});

describe('a decision states its outcome and what was granted', () => {
  it('a resolve without a summary, or without an outcome, is refused beside the field and writes nothing', async () => {
    const { id } = await submit();
    let v = await expectOk(act(id, 1, IDENTITIES.receptionistX, { type: 'receive' }), 'received');
    v = await expectOk(act(id, v, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' }), 'processing');
    v = await expectOk(act(id, v, IDENTITIES.leadX, { type: 'transfer', toAgencyId: LAND_OFFICE, task: 'Thẩm định' }), 'processing');
    v = await expectOk(act(id, v, IDENTITIES.handlerY, { type: 'acknowledgeTransfer' }), 'processing');
    const eventsBefore = (await storedEvents(id)).length;
    const stored = async () => (await db.doc(`dossiers/${id}`).get()).data();
    const before = await stored();

    for (const summary of [undefined, '   ']) {
      const action = { type: 'resolve', outcome: 'approved', ...(summary === undefined ? {} : { summary }) } as const;
      const res = await act(id, v, IDENTITIES.handlerY, action);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error?.code).toBe('invalid-argument');
      const field = res.body.error?.fields.find((f) => f.path === 'action.summary');
      expect(field, res.text).toBeDefined();
      expect(field!.message.vi.length).toBeGreaterThan(0);
      expect(field!.message.en.length).toBeGreaterThan(0);
    }
    // No outcome: no default is taken for the handler (bad on purpose: untyped).
    const noOutcome = await call('POST', `/dossiers/${id}/actions`, IDENTITIES.handlerY, { requestId: rid('act'), expectedVersion: v, action: { type: 'resolve', summary: 'Cấp đổi' } });
    expect(noOutcome.status, noOutcome.text).toBe(400);
    expect(noOutcome.body.error?.fields.map((f: { path: string }) => f.path)).toContain('action.outcome');

    expect(await stored()).toEqual(before);
    expect((await storedEvents(id)).length).toBe(eventsBefore);
    expect((await db.collection('notificationRequests').where('dossierId', '==', id).where('eventType', '==', 'resolve').get()).size).toBe(0);

    const decided = await act(id, v, IDENTITIES.handlerY, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý gia hạn' });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.dossier.resolution).toMatchObject({ outcome: 'approved', summary: 'Đồng ý gia hạn' });
  });
});
