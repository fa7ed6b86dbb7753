// The national portal sync through the real Emulator Suite: transitions through the API write the outbox in
// their transaction, the trigger delivers through the real HTTP adapter to the local stand-in (which records
// what it receives and fails on demand), the retry sweep and the reconciliation job run as scheduled
// functions, and officers read the status through the API. docs/SYNC.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPortalTime } from '../../functions/src/domain/index.js';
import { drainDossier } from '../../functions/src/features/portal-sync/deliver.js';
import { onPortalSyncRequest } from '../../functions/src/features/portal-sync/sync.trigger.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, landRenewal, rid, submit, type DossierRef } from '../support/api.js';
import { admin, eventually, runSchedule } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { failPortal, portalMessages, testSyncDeps, type ReceivedMessage } from '../support/portal.js';

const { db, auth } = admin();
const { receptionistX, leadX, citizenA, citizenB, admin: adminUser, monitor, handlerY } = IDENTITIES;

beforeAll(async () => {
  await loadDemoData(db, auth);
  await failPortal('ok');
});

/** Messages of a dossier the portal received first (not replays), once `count` have arrived. */
// Triggers of earlier files may still be running on a loaded machine: deliveries get the test's whole budget.
const SYNC_WAIT_MS = 80_000;
const waitFor = <T>(probe: () => Promise<T | undefined>, what: string) => eventually(probe, what, SYNC_WAIT_MS);

async function received(code: string, count: number, what = `${count} messages for ${code}`): Promise<ReceivedMessage[]> {
  return eventually(
    async () => {
      const all = (await portalMessages(code)).filter((m) => !m.replay);
      return all.length >= count ? all : undefined;
    },
    what,
    SYNC_WAIT_MS,
  );
}

const request = async (dossierId: string, version: number) => (await db.doc(`portalSyncRequests/${dossierId}_${String(version).padStart(6, '0')}`).get()).data();
const cursor = async (dossierId: string) => (await db.doc(`portalSync/${dossierId}`).get()).data();
const toDate = (v: unknown) => (v as { toDate(): Date }).toDate();
const syncStatus = (dossierId: string, as: TestIdentity = leadX) => api('getDossierSync', { params: { dossierId } }, as);

async function synced(d: Pick<DossierRef, 'id' | 'version'>): Promise<void> {
  await waitFor(async () => ((await cursor(d.id))?.sentVersion === d.version ? true : undefined), `dossier ${d.id} synced up to version ${d.version}`);
}

describe('ordered delivery of every transition', () => {
  it('sends creation, reception, steps, the fee, the extension and the result in version order, with Vietnam times', async () => {
    let d = await submit(landRenewal(rid('sync-order')));
    d = await act(d, receptionistX, { type: 'receive' });
    d = await act(d, leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    const dueAt = new Date((await db.doc(`dossiers/${d.id}`).get()).get('dueAt').toDate());
    d = await act(d, leadX, { type: 'extend', newDueAt: new Date(dueAt.getTime() + 2 * 86_400_000).toISOString(), reason: 'Chờ xác minh của xã', apology: 'Xin lỗi ông/bà vì sự chậm trễ' });
    d = await act(d, leadX, { type: 'requestPayment', amountVnd: 50_000, description: 'Lệ phí cấp đổi Giấy chứng nhận' });
    d = await act(d, leadX, { type: 'confirmPayment', reference: 'BL-0001' });
    d = await act(d, leadX, { type: 'resolve', outcome: 'approved', summary: 'Giấy chứng nhận đã cấp đổi' });
    d = await act(d, receptionistX, { type: 'returnResult', via: 'desk' });
    expect(d.version).toBe(8);
    await synced(d);

    // 8 dossier snapshots and 7 progress rows (creation has none), each once, each after the one before.
    const messages = await received(d.code, 15);
    expect(messages).toHaveLength(15);
    const snapshots = messages.filter((m) => m.service === 'DongBoHoSoMC');
    expect(snapshots.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(snapshots.map((m) => m.body.TrangThaiHoSo)).toEqual([1, 2, 4, 4, 6, 4, 9, 10]);
    const versions = messages.map((m) => m.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(messages.filter((m) => m.service === 'CapNhatTienDoHoSoMC').map((m) => m.body.LoaiXuLy)).toEqual(['receive', 'assign', 'extend', 'requestPayment', 'confirmPayment', 'resolve', 'returnResult']);

    const stored = (await db.doc(`dossiers/${d.id}`).get()).data()!;
    const reception = snapshots[1]!.body;
    expect(reception).toMatchObject({ MaHoSo: d.code, MaTTHC: '1.012792', KenhThucHien: 2, MaDonViTiepNhan: '000.00.01.H99', NgayTiepNhan: formatPortalTime(toDate(stored.receivedAt)) });
    for (const field of ['NgayTiepNhan', 'NgayHenTra'] as const) expect(reception[field]).toMatch(/^20\d{12}$/);
    const extended = snapshots[3]!.body as { DanhSachHoSoBoSung: { LoaiBoSung: string; NgayHenTraTruoc: string; NgayHenTraMoi: string }[] };
    expect(extended.DanhSachHoSoBoSung).toEqual([expect.objectContaining({ LoaiBoSung: 'GiaHan', NgayHenTraTruoc: formatPortalTime(dueAt), NgayHenTraMoi: formatPortalTime(toDate(stored.dueAt)) })]);
    expect(snapshots[4]!.body.DanhSachLePhi).toEqual([expect.objectContaining({ Gia: 50_000, DaThanhToan: false })]);
    expect(snapshots[5]!.body.DanhSachLePhi).toEqual([expect.objectContaining({ DaThanhToan: true, ThanhToanTrucTuyen: false })]);
    expect(snapshots[7]!.body).toMatchObject({ NgayTra: formatPortalTime(toDate(stored.resultReturnedAt)), DanhSachGiayToKetQua: [expect.objectContaining({ TenGiayTo: 'Giấy chứng nhận đã cấp đổi' })] });

    const status = await syncStatus(d.id);
    expect(status.status, status.text).toBe(200);
    expect(status.body).toMatchObject({ state: 'synced', version: 8, sentVersion: 8, canRetry: false });
    expect(status.body.requests.map((r) => [r.version, r.state])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((v) => [v, 'sent']));
  }, 180_000);

  it('counts a dossier as synced once its reception reached the portal, once, in its agency’s statistics', async () => {
    const month = formatPortalTime(new Date()).slice(0, 4) + '-' + formatPortalTime(new Date()).slice(4, 6);
    const statsRef = db.doc(`stats/000.00.01.H99_land_${month}`);
    const before = ((await statsRef.get()).get('portalSynced') as number | undefined) ?? 0;
    let d = await submit(landRenewal(rid('sync-share')));
    d = await act(d, receptionistX, { type: 'receive' });
    await synced(d);
    expect((await statsRef.get()).get('portalSynced')).toBe(before + 1);
    // A replay of the reception's request counts nothing again.
    await onPortalSyncRequest(testSyncDeps(), `${d.id}_000002`, { dossierId: d.id });
    expect((await statsRef.get()).get('portalSynced')).toBe(before + 1);
  });

  it('shows the sync to officers in scope, monitors and admins only', async () => {
    const d = await submit(landRenewal(rid('sync-who')));
    for (const who of [receptionistX, monitor, adminUser]) expect((await syncStatus(d.id, who)).status).toBe(200);
    expect((await syncStatus(d.id, handlerY)).status).toBe(404); // another agency's officer learns nothing
    expect((await syncStatus(d.id, citizenB)).status).toBe(404);
    expect((await syncStatus(d.id, citizenA)).status).toBe(403); // the owner follows the dossier, not its sync
  });
});

describe('retries with backoff', () => {
  it('keeps a dossier’s queue in order while a message waits for its retry, then sends both', async () => {
    let d = await submit(landRenewal(rid('sync-retry')));
    await synced(d);
    await failPortal('down', { maHoSo: d.code, count: 1 });
    d = await act(d, receptionistX, { type: 'receive' });
    const failed = await waitFor(async () => {
      const r = await request(d.id, 2);
      return r?.attempts === 1 ? r : undefined;
    }, 'the first attempt of the reception to fail');
    expect(failed).toMatchObject({ state: 'pending', failure: 'temporary', lastError: expect.stringContaining('HTTP 503') });
    const retryAt = toDate(failed.nextAttemptAt);
    // The first retry waits a minute (no jitter beyond 50 %).
    expect(retryAt.getTime() - toDate(failed.lastAttemptAt).getTime()).toBeGreaterThanOrEqual(60_000);
    expect(retryAt.getTime() - toDate(failed.lastAttemptAt).getTime()).toBeLessThanOrEqual(90_000);

    // A step taken meanwhile waits behind it: the portal must not see version 3 before 2.
    d = await act(d, leadX, { type: 'assign', handlerId: 'handler-at-desk' });
    await waitFor(async () => ((await request(d.id, 3)) ? true : undefined), 'the assignment’s request');
    const status = await syncStatus(d.id);
    expect(status.body).toMatchObject({ state: 'pending', sentVersion: 1, lastError: expect.stringContaining('HTTP 503') });
    expect((await portalMessages(d.code)).map((m) => m.version)).toEqual([1]);

    // The retry sweep at the retry time sends 2, then 3.
    const tick = await runSchedule('retryPortalSync', new Date(retryAt.getTime() + 1_000).toISOString());
    expect(tick.status).toBe(200);
    await synced(d);
    expect((await received(d.code, 5)).map((m) => [m.version, m.service])).toEqual([
      [1, 'DongBoHoSoMC'],
      [2, 'DongBoHoSoMC'],
      [2, 'CapNhatTienDoHoSoMC'],
      [3, 'DongBoHoSoMC'],
      [3, 'CapNhatTienDoHoSoMC'],
    ]);
    expect(await request(d.id, 2)).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
  }, 180_000);

  it('stops at a refusal until an administrator retries it, and only an administrator may', async () => {
    let d = await submit(landRenewal(rid('sync-refused')));
    await synced(d);
    await failPortal('refuse', { maHoSo: d.code, count: 1 });
    d = await act(d, receptionistX, { type: 'receive' });
    const refused = await waitFor(async () => {
      const r = await request(d.id, 2);
      return r?.state === 'failed' ? r : undefined;
    }, 'the refused request to fail');
    expect(refused).toMatchObject({ failure: 'permanent', attempts: 1, nextAttemptAt: null, lastError: expect.stringContaining('error_code 99') });
    const asLead = await syncStatus(d.id);
    expect(asLead.body).toMatchObject({ state: 'failed', canRetry: false });
    expect((await syncStatus(d.id, adminUser)).body.canRetry).toBe(true);

    expect((await api('retryDossierSync', { params: { dossierId: d.id } }, leadX)).status).toBe(403);
    const retried = await api('retryDossierSync', { params: { dossierId: d.id } }, adminUser);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body).toMatchObject({ state: 'synced', sentVersion: 2, requeued: 1 });
    expect((await received(d.code, 3)).map((m) => m.version)).toEqual([1, 2, 2]);
  }, 180_000);
});

describe('replay without duplicates', () => {
  it('a replayed trigger, a second worker at once and a finished queue send nothing new', async () => {
    let d = await submit(landRenewal(rid('sync-replay')));
    d = await act(d, receptionistX, { type: 'receive' });
    await synced(d);
    const before = (await portalMessages(d.code)).length;
    const deps = testSyncDeps();
    await onPortalSyncRequest(deps, `${d.id}_000001`, { dossierId: d.id });
    await onPortalSyncRequest(deps, `${d.id}_000002`, undefined);
    const [a, b] = await Promise.all([drainDossier(deps, d.id), drainDossier(deps, d.id)]);
    expect([a.sent, b.sent]).toEqual([0, 0]);
    expect(await portalMessages(d.code)).toHaveLength(before);
  });

  it('two workers racing over a waiting queue deliver each message once, in order', async () => {
    let d = await submit(landRenewal(rid('sync-race')));
    await synced(d);
    // The portal is slow for this dossier, so both workers overlap on the same requests.
    await failPortal('slow', { maHoSo: d.code, count: 2, delayMs: 1_500 });
    d = await act(d, receptionistX, { type: 'receive' });
    const deps = testSyncDeps();
    const results = await Promise.all([drainDossier(deps, d.id), drainDossier(deps, d.id), drainDossier(deps, d.id)]);
    await synced(d);
    expect(results.filter((r) => r.outcome === 'busy').length).toBeGreaterThanOrEqual(1);
    const all = await portalMessages(d.code);
    expect(all.filter((m) => !m.replay).map((m) => [m.version, m.service])).toEqual([
      [1, 'DongBoHoSoMC'],
      [2, 'DongBoHoSoMC'],
      [2, 'CapNhatTienDoHoSoMC'],
    ]);
    expect(all.filter((m) => m.replay)).toEqual([]);
  });

  it('a worker that died after the portal accepted, before recording it, resends with the same key: the portal sees a replay', async () => {
    let d = await submit(landRenewal(rid('sync-crash')));
    d = await act(d, receptionistX, { type: 'receive' });
    await synced(d);
    // As if the worker had died between the portal's answer and its transaction.
    await db.doc(`portalSyncRequests/${d.id}_000002`).update({ state: 'pending', delivered: [], nextAttemptAt: new Date() });
    await db.doc(`portalSync/${d.id}`).update({ sentVersion: 1 });
    // The local scheduler's retry job may find the request due before this drain does: either one resends.
    await drainDossier(testSyncDeps(), d.id);
    const twice = await eventually(async () => {
      const messages = (await portalMessages(d.code)).filter((m) => m.version === 2);
      return messages.length >= 4 ? messages : undefined;
    }, 'the resent version 2');
    expect(twice.map((m) => [m.service, m.replay])).toEqual([
      ['DongBoHoSoMC', false],
      ['CapNhatTienDoHoSoMC', false],
      ['DongBoHoSoMC', true],
      ['CapNhatTienDoHoSoMC', true],
    ]);
    expect(twice[2]!.key).toBe(twice[0]!.key);
  });
});

describe('reconciliation after a simulated outage', () => {
  it('re-queues what gave up during the outage and rebuilds what was never written, then sends all in order', async () => {
    // Dossier A goes through the outage; dossier B loses a request (as if written before the sync existed).
    let a = await submit(landRenewal(rid('sync-outage-a')));
    let b = await submit(landRenewal(rid('sync-outage-b')));
    await Promise.all([synced(a), synced(b)]);
    await failPortal('down');
    try {
      a = await act(a, receptionistX, { type: 'receive' });
      a = await act(a, leadX, { type: 'assign', handlerId: 'handler-at-desk' });
      b = await act(b, receptionistX, { type: 'receive' });
      await waitFor(async () => ((await request(b.id, 2))?.attempts === 1 ? true : undefined), 'B’s reception to fail once');
      await db.doc(`portalSyncRequests/${b.id}_000002`).delete();
      b = await act(b, leadX, { type: 'assign', handlerId: 'handler-at-desk' });
      await waitFor(async () => ((await request(a.id, 2))?.attempts === 1 ? true : undefined), 'A’s reception to fail once');

      // The retry sweep keeps trying through the outage, hours of it, until A’s reception gives up.
      let at = Date.now();
      for (let i = 0; i < 12 && (await request(a.id, 2))?.state !== 'failed'; i++) {
        at += 2 * 3_600_000;
        expect((await runSchedule('retryPortalSync', new Date(at).toISOString())).status).toBe(200);
      }
      expect(await request(a.id, 2)).toMatchObject({ state: 'failed', failure: 'temporary', attempts: 8 });
      expect((await syncStatus(a.id)).body.state).toBe('failed');
      // B's queue is stuck at the gap: its version 3 waits for a 2 that does not exist.
      expect(await request(b.id, 2)).toBeUndefined();
      expect((await cursor(b.id))?.sentVersion).toBe(1);
    } finally {
      await failPortal('ok');
    }

    const health = await api('portalSyncHealth', {}, monitor);
    expect(health.status, health.text).toBe(200);
    expect(health.body.failed).toBeGreaterThanOrEqual(1);
    expect(health.body.failing.map((f) => f.dossierId)).toContain(a.id);

    // The portal is back: the reconciliation job puts everything right.
    const tick = await runSchedule('reconcilePortalSyncHourly', new Date().toISOString());
    expect(tick.status).toBe(200);
    await Promise.all([synced(a), synced(b)]);
    expect((await received(a.code, 5)).map((m) => m.version)).toEqual([1, 2, 2, 3, 3]);
    expect((await received(b.code, 5)).map((m) => m.version)).toEqual([1, 2, 2, 3, 3]);
    const rebuilt = await request(b.id, 2);
    expect(rebuilt).toMatchObject({ state: 'sent', rebuilt: true, eventType: 'receive' });
    const bReception = (await portalMessages(b.code, 'DongBoHoSoMC')).find((m) => m.version === 2)!;
    expect(bReception.body).toMatchObject({ TrangThaiHoSo: 2, PhienBan: 2 });
    expect((await syncStatus(b.id)).body.requests.find((r) => r.version === 2)).toMatchObject({ rebuilt: true, state: 'sent' });

    // Run again: nothing is missing, nothing is sent twice.
    const countA = (await portalMessages(a.code)).length;
    expect((await runSchedule('reconcilePortalSyncHourly', new Date().toISOString())).status).toBe(200);
    expect(await portalMessages(a.code)).toHaveLength(countA);
  }, 300_000);
});

describe('the province-wide health panel', () => {
  it('shows the share of received dossiers acknowledged by the portal, to monitors and admins only', async () => {
    const answer = await api('portalSyncHealth', { query: { months: '2' } }, adminUser);
    expect(answer.status, answer.text).toBe(200);
    const thisMonth = answer.body.share.months[1]!;
    expect(answer.body.share.months).toHaveLength(2);
    expect(thisMonth.received).toBeGreaterThanOrEqual(thisMonth.synced);
    expect(thisMonth.synced).toBeGreaterThan(0);
    expect(answer.body.share).toMatchObject({ maxPoints: 6 });
    expect(answer.body.share.points).toBeGreaterThan(0);
    for (const who of [leadX, citizenA]) expect((await api('portalSyncHealth', {}, who)).status).toBe(403);
    const bad = await api('portalSyncHealth', { query: { months: '99' } }, adminUser);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields[0]?.path).toBe('months');
  });
});
