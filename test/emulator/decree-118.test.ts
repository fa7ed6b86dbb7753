// Decree 118/2025 through the API, the triggers and the scheduled jobs (docs/DECREE-118.md): stopping at the
// applicant's request (Art. 21), closing a dossier whose supplement never came (Art. 19.5), the online intake
// deadlines (Art. 17.2), reception at any desk of the province (Art. 14), and transfers whose deadlines the
// server computes from the procedure's process, in sequence or in parallel (Art. 18, 20).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkingCalendar, Calendar, computeDeadline, Procedure, signLookupToken, WorkingHours, type ProcedureInput } from '../../functions/src/domain/index.js';
import { pdfText } from '../support/pdf-probe.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, download, landRenewal, PROVINCE_DESK, rid, submit, tryAct, type DossierRef } from '../support/api.js';
import { admin, eventually, runSchedule } from '../support/emulators.js';
import { IDENTITIES, lookupSecret, type TestIdentity } from '../support/identity.js';
import { JUSTICE, LAND_OFFICE, routedProcedure } from '../fixtures/routed-procedure.js';

const { db, auth } = admin();
const COMMUNE = '000.21.02.H99';
const communeReceptionist: TestIdentity = { uid: 'test-receptionist-commune', claims: { role: 'receptionist', agencyId: COMMUNE } };
const justiceHandler: TestIdentity = { uid: 'test-handler-justice', claims: { role: 'handler', agencyId: JUSTICE } };

/** A provincial procedure handled in turn by the land office (3 working days) and, in parallel or after, justice (2). */
const ROUTED: ProcedureInput = routedProcedure('9.990118', { vi: 'Thủ tục thử nghiệm liên thông', en: 'Inter-agency test procedure' });
/** The same, but an on-site inspection keeps it at the competent agency's own desk (Art. 14.3). */
const { competentAgencyId: _named, ...unnamed } = ROUTED;
const ON_SITE: ProcedureInput = { ...unnamed, code: '9.990119', receptionExceptions: ['onSite'], competentLevels: ['commune'] };

/** Stored as the catalogue stores procedures: parsed, with the schema's defaults. */
async function putProcedure(input: ProcedureInput): Promise<void> {
  const p = Procedure.parse(input);
  await db.doc(`procedures/${p.code}`).set(p);
  await db.doc(`procedures/${p.code}/versions/${p.version}`).set(p);
}

const application = (code: string, receivingAgencyId: string) => ({
  ...landRenewal(rid('d118')),
  procedureCode: code,
  receivingAgencyId,
  components: [{ componentId: code === '1.012792' ? 'renewal-application' : 'application', originals: 1 }, ...(code === '1.012792' ? [{ componentId: 'certificate', originals: 1 }] : [])],
});

async function demoCalendar() {
  const snap = await db.collection('calendars').get();
  return buildWorkingCalendar(snap.docs.map((d) => Calendar.parse(d.data())));
}

async function dossierDoc(id: string) {
  const data = (await db.doc(`dossiers/${id}`).get()).data()!;
  return data as Record<string, unknown> & { status: string; version: number };
}

beforeAll(async () => {
  await loadDemoData(db, auth);
  await putProcedure(ROUTED);
  await putProcedure(ON_SITE);
});

// Later files (and the browser layer) count the seed's catalogue: leave it as the seed made it.
afterAll(async () => {
  for (const p of [ROUTED, ON_SITE]) await db.recursiveDelete(db.doc(`procedures/${p.code}`));
});

describe('stop processing at the applicant’s request (Art. 21)', () => {
  it('asked online, confirmed at the desk: status 8, form 05 issued, every step in the event log', async () => {
    let d = await submit(landRenewal(rid('stop')));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    // After reception the applicant no longer withdraws: they ask to stop.
    const withdraw = await tryAct(d, IDENTITIES.citizenA, { type: 'withdraw', reason: 'Không còn nhu cầu' });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error?.rule).toBe('useStopRequest');
    expect(withdraw.body.error?.allowedActions).toContain('requestStop');

    d = await act(d, IDENTITIES.citizenA, { type: 'requestStop', reason: 'Gia đình thay đổi kế hoạch' });
    const asked = await dossierDoc(d.id);
    expect(asked.status).toBe('received');
    expect(asked.stopRequest).toMatchObject({ via: 'online', reason: 'Gia đình thay đổi kế hoạch' });
    expect((await tryAct(d, IDENTITIES.citizenA, { type: 'requestStop', reason: 'Lần nữa' })).body.error?.rule).toBe('stopAlreadyRequested');
    // Only the desk confirms, not the applicant.
    expect((await tryAct(d, IDENTITIES.citizenA, { type: 'confirmStop' })).status).toBe(403);

    d = await act(d, IDENTITIES.receptionistX, { type: 'confirmStop', papersReturned: true, feesRefunded: false, note: 'Đã trả hồ sơ giấy' });
    const stopped = await dossierDoc(d.id);
    expect(stopped.status).toBe('stopped');
    expect(stopped.stopRequest).toMatchObject({ confirmedBy: IDENTITIES.receptionistX.uid, papersReturned: true, feesRefunded: false });

    const events = (await db.collection(`dossiers/${d.id}/events`).orderBy('version').get()).docs.map((e) => e.get('type') as string);
    expect(events).toEqual(['submit', 'receive', 'requestStop', 'confirmStop']);
    // Form 05 of Circular 03/2025, the applicant's to hold: their receipt's token opens it.
    const slipId = `05-${String(d.version).padStart(6, '0')}`;
    const token = signLookupToken(d.id, lookupSecret());
    const pdf = await eventually(async () => {
      const res = await download('downloadSlip', { params: { dossierId: d.id, slipId }, query: { t: token } });
      return res.status === 200 ? res.bytes : undefined;
    }, 'form 05');
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Gia đình thay đổi kế hoạch');
    expect(text).toContain('Đã tiếp nhận'); // the stage reached
    // The lookup page shows it, even with the code alone.
    const basic = await api('lookup', { params: { code: d.code } });
    expect(basic.body).toMatchObject({ view: 'basic', status: 'stopped', completed: true });
  });

  it('the desk records the request of an applicant who came in person', async () => {
    let d = await submit(landRenewal(rid('stop-desk')));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    d = await act(d, IDENTITIES.receptionistX, { type: 'requestStop', reason: 'Công dân đến quầy đề nghị dừng' });
    expect((await dossierDoc(d.id)).stopRequest).toMatchObject({ via: 'desk', requestedBy: IDENTITIES.receptionistX.uid });
  });
});

describe('a supplement not completed in time closes the dossier (Art. 19.5)', () => {
  it('the nightly job closes it once its 15 days are over, tells the applicant, and does nothing more on a replay', async () => {
    let d = await submit(landRenewal(rid('expire')));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    d = await act(d, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    d = await act(d, IDENTITIES.leadX, { type: 'requestSupplement', items: [{ componentId: 'certificate', name: 'Bản đồ thửa đất', problem: 'Thiếu' }], reason: 'Thiếu bản đồ' });
    const asked = await dossierDoc(d.id);
    const expiresAt = (asked.supplement as { expiresAt: { toDate(): Date } }).expiresAt.toDate();
    // Fifteen days after the notice, at the close of the last day (moved to the next working day if it is a day off).
    const expected = computeDeadline({ start: new Date((asked.supplement as { requestedAt: { toDate(): Date } }).requestedAt.toDate()), duration: { value: 15, unit: 'calendarDays' }, calendar: await demoCalendar() });
    expect(expiresAt).toEqual(expected.dueAt);

    // The day before: nothing happens.
    const early = await runSchedule('closeExpiredSupplements', new Date(expiresAt.getTime() - 86_400_000).toISOString());
    expect(early.status, early.body).toBe(200);
    expect((await dossierDoc(d.id)).status).toBe('awaitingSupplement');

    const late = new Date(expiresAt.getTime() + 60_000).toISOString();
    expect((await runSchedule('closeExpiredSupplements', late)).status).toBe(200);
    const closed = await dossierDoc(d.id);
    expect(closed.status).toBe('stopped');
    expect(closed.version).toBe(d.version + 1);
    const event = (await db.doc(`dossiers/${d.id}/events/${String(closed.version).padStart(6, '0')}`).get()).data();
    expect(event).toMatchObject({ type: 'closeUnsupplemented', from: 'awaitingSupplement', to: 'stopped', actor: { role: 'system' } });
    const notice = await db.doc(`notificationRequests/${d.id}_${String(closed.version).padStart(6, '0')}`).get();
    expect(notice.get('eventType')).toBe('closeUnsupplemented');

    // Replayed: the dossier is no longer awaiting a supplement; nothing is written.
    expect((await runSchedule('closeExpiredSupplements', late)).status).toBe(200);
    expect((await dossierDoc(d.id)).version).toBe(closed.version);
  });

  it('a completed supplement is never closed', async () => {
    let d = await submit(landRenewal(rid('expire-done')));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    d = await act(d, IDENTITIES.leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    d = await act(d, IDENTITIES.leadX, { type: 'requestSupplement', items: [{ componentId: 'certificate', name: 'Bản đồ', problem: 'Thiếu' }], reason: 'Thiếu' });
    d = await act(d, IDENTITIES.citizenA, { type: 'submitSupplement' });
    const expiresAt = ((await dossierDoc(d.id)).supplement as { expiresAt: { toDate(): Date } }).expiresAt.toDate();
    await runSchedule('closeExpiredSupplements', new Date(expiresAt.getTime() + 60_000).toISOString());
    expect((await dossierDoc(d.id)).status).toBe('processing');
  });
});

describe('online intake: alerted at once, escalated after 2 hours, due within 8 working hours (Art. 17.2)', () => {
  it('the desk hears of it at once; the sweep escalates it untouched, then overdue, once each', async () => {
    const d = await submit(landRenewal(rid('intake')));
    const doc = await dossierDoc(d.id);
    const intake = doc.intake as { alertAt: { toDate(): Date }; decideBy: { toDate(): Date } };
    const submittedAt = (doc.submittedAt as { toDate(): Date }).toDate();
    expect(intake.alertAt.toDate().getTime() - submittedAt.getTime()).toBe(2 * 3_600_000);
    // Counted in the receiving desk's own working hours (which differ from the default ones).
    const workingHours = WorkingHours.parse((await db.doc(`agencies/${doc.receivingAgencyId as string}`).get()).get('workingHours'));
    const expectedBy = computeDeadline({ start: submittedAt, duration: { value: 8, unit: 'workingHours' }, calendar: await demoCalendar(), workingHours }).dueAt;
    expect(intake.decideBy.toDate()).toEqual(expectedBy);
    expect((await db.doc(`notificationRequests/${d.id}_000001_reception`).get()).get('audience')).toBe('reception');

    const task = (kind: string) => db.doc(`tasks/${d.id}_${kind}`).get();
    const sweepAt = async (at: Date) => expect((await runSchedule('deadlineSweep', at.toISOString())).status).toBe(200);
    await sweepAt(new Date(intake.alertAt.toDate().getTime() - 60_000));
    expect((await task('intakeUnseen')).exists).toBe(false);
    await sweepAt(new Date(intake.alertAt.toDate().getTime() + 60_000));
    expect((await task('intakeUnseen')).exists).toBe(true);
    expect((await task('intakeOverdue')).exists).toBe(false);
    await sweepAt(new Date(intake.decideBy.toDate().getTime() + 60_000));
    const overdue = await task('intakeOverdue');
    expect(overdue.get('kind')).toBe('intakeOverdue');
    expect((await db.doc(`notificationRequests/sweep_${d.id}_intakeOverdue`).get()).get('eventType')).toBe('intakeOverdue');
    // Replayed: the same two tasks, no more.
    await sweepAt(new Date(intake.decideBy.toDate().getTime() + 120_000));
    const tasks = await db.collection('tasks').where('dossierId', '==', d.id).get();
    expect(tasks.docs.map((t) => t.id).sort()).toEqual([`${d.id}_intakeOverdue`, `${d.id}_intakeUnseen`]);
  });

  it('received in time, it is no longer watched', async () => {
    let d = await submit(landRenewal(rid('intake-ok')));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    const intake = (await dossierDoc(d.id)).intake as { decideBy: { toDate(): Date } };
    expect((await runSchedule('deadlineSweep', new Date(intake.decideBy.toDate().getTime() + 60_000).toISOString())).status).toBe(200);
    expect((await db.doc(`tasks/${d.id}_intakeOverdue`).get()).exists).toBe(false);
  });
});

describe('reception at any desk of the province (Art. 14)', () => {
  it('a commune centre receives a provincial procedure for the land office, which decides it; the result comes back to the commune', async () => {
    let d: DossierRef = await submit(application('1.012792', COMMUNE));
    expect(d.code.startsWith(`${COMMUNE}-`)).toBe(true);
    expect((await dossierDoc(d.id)).competentAgencyId).toBe(LAND_OFFICE);
    d = await act(d, communeReceptionist, { type: 'receive' });
    d = await act(d, communeReceptionist, { type: 'transfer', stepId: 'land-office-handling' });
    expect((await dossierDoc(d.id)).currentStep).toMatchObject({ agencyId: LAND_OFFICE, stepId: 'land-office-handling' });
    d = await act(d, IDENTITIES.handlerY, { type: 'acknowledgeTransfer' });
    d = await act(d, IDENTITIES.handlerY, { type: 'resolve', outcome: 'approved', summary: 'Cấp đổi' });
    // Returned where it was received: the province desk has no part in it.
    const elsewhere = await tryAct(d, IDENTITIES.receptionistX, { type: 'returnResult', via: 'desk' });
    expect(elsewhere.status).toBeGreaterThanOrEqual(403);
    expect(elsewhere.status).toBeLessThanOrEqual(404);
    d = await act(d, communeReceptionist, { type: 'returnResult', via: 'desk' });
    expect((await dossierDoc(d.id)).status).toBe('returned');
  });

  it('an on-site procedure stays with the competent agency’s own desk', async () => {
    const elsewhere = await api('submitDossier', { body: { ...application(ON_SITE.code, PROVINCE_DESK), competentAgencyId: COMMUNE } }, IDENTITIES.citizenA);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error?.fields[0]).toMatchObject({ path: 'receivingAgencyId' });
    expect(elsewhere.body.error?.fields[0]?.message.vi).toContain('Điều 14');
    expect((await api('submitDossier', { body: application(ON_SITE.code, COMMUNE) }, IDENTITIES.citizenA)).status).toBe(201);
  });
});

describe('transfers with deadlines computed from the procedure’s process (Art. 18, 20)', () => {
  it('in sequence: each agency gets its step’s budget from the hand-over; a typed deadline is refused', async () => {
    let d = await submit(application(ROUTED.code, PROVINCE_DESK));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    const typed = await tryAct(d, IDENTITIES.receptionistX, { type: 'transfer', stepId: 'appraisal', dueAt: new Date().toISOString() } as never);
    expect(typed.status).toBe(400);
    expect(typed.body.error?.fields[0]?.path).toBe('action.dueAt');

    d = await act(d, IDENTITIES.receptionistX, { type: 'transfer', stepId: 'appraisal' });
    const row = (await db.doc(`dossiers/${d.id}/handoffs/001`).get()).data()!;
    const handedOverAt = (row.handedOverAt as { toDate(): Date }).toDate();
    const calendar = await demoCalendar();
    expect((row.dueAt as { toDate(): Date }).toDate()).toEqual(computeDeadline({ start: handedOverAt, duration: { value: 3, unit: 'workingDays' }, calendar }).dueAt);
    expect(row).toMatchObject({ n: 1, fromAgencyId: PROVINCE_DESK, toAgencyId: LAND_OFFICE, task: 'Thẩm định hồ sơ đất đai' });
  });

  it('in parallel: the lead holds the dossier, the other agency its own row, closed when it answers', async () => {
    let d = await submit(application(ROUTED.code, PROVINCE_DESK));
    d = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
    d = await act(d, IDENTITIES.receptionistX, { type: 'transfer', stepId: 'appraisal', parallelWith: [{ stepId: 'legal-check' }] });
    const doc = await dossierDoc(d.id);
    expect(doc.currentStep).toMatchObject({ agencyId: LAND_OFFICE, stepId: 'appraisal' });
    expect(doc.opinions).toEqual([expect.objectContaining({ agencyId: JUSTICE, handoffN: 2, question: 'Kiểm tra pháp lý' })]);
    const rows = (await db.collection(`dossiers/${d.id}/handoffs`).orderBy('n').get()).docs.map((r) => r.data());
    expect(rows.map((r) => [r.n, r.toAgencyId])).toEqual([
      [1, LAND_OFFICE],
      [2, JUSTICE],
    ]);
    d = await act(d, IDENTITIES.handlerY, { type: 'acknowledgeTransfer' });
    d = await act(d, justiceHandler, { type: 'provideOpinion', answer: 'Hồ sơ hợp pháp' });
    const closed = (await db.doc(`dossiers/${d.id}/handoffs/002`).get()).data()!;
    expect(closed.completedAt).not.toBeNull();
    expect(closed.result).toBe('early'); // answered the day it got two working days
  });
});
