// The admin console's agencies through the real Emulator Suite: who may, bad input, the hierarchy's rules,
// retries and stale saves, the audit entry; and a merger (the 2025 reform) with open dossiers: each one
// moves to the successor with one hash-chained event, closed ones stay, the old agency keeps its name as
// history, and its desk stops receiving at once. Agencies of this file: 000.21.9x.H99.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgencyFields, SaveAgencyBody } from '../../functions/src/contract/index.js';
import { localDateOf } from '../../functions/src/domain/index.js';
import { verifyChain, type ChainedEvent } from '../../functions/src/store/event-chain.js';
import { revive } from '../../functions/src/store/revive.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, call, landRenewal, rid, submit, tryAct, type DossierRef } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const PROVINCE = '000.00.00.H99';
const MERGED = '000.21.91.H99';
const SUCCESSOR = '000.21.92.H99';
const POINT = '001.21.91.H99';

const commune = (vi: string): AgencyFields => ({
  name: { vi, en: vi.replace('Trung tâm Phục vụ hành chính công xã', 'Service centre of') },
  level: 'commune',
  kind: 'communeCentre',
  parentId: PROVINCE,
  effectiveFrom: '2025-07-01',
  hasOneStopDesk: true,
  address: '1 đường Làng, tỉnh Bình An',
  phone: '0298 3821 091',
  email: 'motcua.xa@binhan.gov.vn',
  workingHours: { periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] },
  officers: [{ fullName: 'Đinh Thị Thu', title: 'Công chức một cửa', field: 'Hộ tịch; Đất đai', phone: '0298 3821 092' }],
});

const save = (id: string, body: SaveAgencyBody, as: TestIdentity = IDENTITIES.admin) => api('saveAgency', { params: { agencyId: id }, body }, as);
const list = async () => (await api('adminListAgencies', {}, IDENTITIES.admin)).body.agencies;
const updateTimeOf = async (id: string) => (await list()).find((a) => a.id === id)!.updateTime;

const deskOf = (agencyId: string, who: string): Record<'receptionist' | 'lead', TestIdentity> => ({
  receptionist: { uid: `test-admin14-${who}-recv`, claims: { role: 'receptionist', agencyId } },
  lead: { uid: `test-admin14-${who}-lead`, claims: { role: 'lead', agencyId } },
});
const OLD = deskOf(MERGED, 'old');
const NEW = deskOf(SUCCESSOR, 'new');

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('who may manage agencies', () => {
  it.each([
    ['anonymous', undefined, 401],
    ['a citizen', IDENTITIES.citizenA, 403],
    ['a lead', IDENTITIES.leadX, 403],
    ['a monitor', IDENTITIES.monitor, 403],
    ['a desk kiosk', IDENTITIES.kioskX, 403],
  ] as const)('refuses %s, writing nothing', async (_who, as, status) => {
    expect((await api('adminListAgencies', {}, as)).status).toBe(status);
    const res = await api('saveAgency', { params: { agencyId: '000.21.99.H99' }, body: { requestId: rid('forbidden'), expectedUpdateTime: null, ...commune('Xã lạ') } }, as);
    expect(res.status).toBe(status);
    const merge = await api('mergeAgency', { params: { agencyId: '000.21.02.H99' }, body: { requestId: rid('forbidden'), successorId: PROVINCE, effectiveOn: '2026-01-01', basis: 'x' } }, as);
    expect(merge.status).toBe(status);
    expect((await db.doc('agencies/000.21.99.H99').get()).exists).toBe(false);
    expect((await db.doc('agencies/000.21.02.H99').get()).get('effectiveTo')).toBeUndefined();
  });
});

describe('saving an agency', () => {
  it('creates one (201), lists it with its kind, contact, hours and staff list, and audits it', async () => {
    const requestId = rid('agency-create');
    const res = await save(MERGED, { requestId, expectedUpdateTime: null, ...commune('Trung tâm Phục vụ hành chính công xã Đồng Cũ') });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ created: true, agency: { id: MERGED, kind: 'communeCentre', phone: '+842983821091', email: 'motcua.xa@binhan.gov.vn' } });
    expect(res.body.agency.updateTime).not.toBe('');
    const listed = (await list()).find((a) => a.id === MERGED);
    expect(listed).toMatchObject({ level: 'commune', parentId: PROVINCE, officers: [{ fullName: 'Đinh Thị Thu', phone: '+842983821092' }] });
    const entry = await db.doc(`auditLog/${IDENTITIES.admin.uid}_${requestId}`).get();
    expect(entry.data()).toMatchObject({ action: 'agency.save', target: { kind: 'agency', id: MERGED }, actor: { userId: IDENTITIES.admin.uid, role: 'admin' }, before: null });
    expect(entry.get('summary.vi')).toContain('Thêm cơ quan');
    // The public directory shows it at once.
    const pub = await api('listAgencies', {});
    expect(pub.body.items.map((a) => a.id)).toContain(MERGED);
  });

  it('a retry with the same requestId answers the first result and writes nothing more', async () => {
    const requestId = rid('agency-retry');
    const body = { requestId, expectedUpdateTime: null, ...commune('Trung tâm Phục vụ hành chính công xã Đồng Mới') };
    const first = await save(SUCCESSOR, body);
    expect(first.status, first.text).toBe(201);
    const updated = (await db.doc(`agencies/${SUCCESSOR}`).get()).updateTime!;
    const again = await save(SUCCESSOR, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, created: true });
    expect((await db.doc(`agencies/${SUCCESSOR}`).get()).updateTime!.isEqual(updated)).toBe(true);
    // The same requestId for another request is refused.
    const reused = await save(SUCCESSOR, { ...body, address: 'Địa chỉ khác' });
    expect(reused.status).toBe(409);
    expect(reused.body.error?.reason).toBe('requestIdReused');
  });

  it('refuses a save made from an older state (someone saved meanwhile), and one that would create over an existing agency', async () => {
    const current = await updateTimeOf(SUCCESSOR);
    const ok = await save(SUCCESSOR, { requestId: rid('agency-edit'), expectedUpdateTime: current, ...commune('Trung tâm Phục vụ hành chính công xã Đồng Mới'), address: '2 đường Làng' });
    expect(ok.status, ok.text).toBe(200);
    const stale = await save(SUCCESSOR, { requestId: rid('agency-stale'), expectedUpdateTime: current, ...commune('Xã ghi đè') });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', reason: 'staleDocument' });
    const overwrite = await save(SUCCESSOR, { requestId: rid('agency-over'), expectedUpdateTime: null, ...commune('Xã ghi đè') });
    expect(overwrite.status).toBe(409);
    expect((await db.doc(`agencies/${SUCCESSOR}`).get()).get('address')).toBe('2 đường Làng');
  });

  it.each([
    ['an unknown parent', { parentId: '000.99.99.H99' }, 'parentId'],
    ['a kind that does not exist at its level', { kind: 'department' }, 'kind'],
    ['a centre without a desk', { hasOneStopDesk: false }, 'hasOneStopDesk'],
    ['a phone that is not Vietnamese', { phone: '12' }, 'phone'],
    ['overlapping working hours', { workingHours: { periods: [{ start: '07:30', end: '12:00' }, { start: '11:00', end: '17:00' }] } }, 'workingHours.periods'],
    ['a new district (abolished on 01/07/2025)', { level: 'district', kind: 'peoplesCommittee' }, 'effectiveTo'],
    ['an unpublishable staff entry', { officers: [{ fullName: 'A B', title: 't', field: 'f', phone: '0298 3821 093', email: 'x@y.vn' }] }, 'officers.0'],
  ] as const)('refuses %s with bilingual field errors, writing nothing', async (_label, patch, path) => {
    const res = await call('PUT', '/admin/agencies/000.21.98.H99', IDENTITIES.admin, { requestId: rid('agency-bad'), expectedUpdateTime: null, ...commune('Xã sai'), ...patch });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error?.code).toBe('invalid-argument');
    const field = res.body.error!.fields.find((f) => f.path === path);
    expect(field, res.text).toBeDefined();
    expect(field!.message.vi).not.toBe('');
    expect(field!.message.en).not.toBe('');
    expect((await db.doc('agencies/000.21.98.H99').get()).exists).toBe(false);
  });

  it('refuses a malformed identifier (404) and a reception point outside a service centre (400)', async () => {
    expect((await call('PUT', '/admin/agencies/not-an-id', IDENTITIES.admin, { requestId: rid('x'), expectedUpdateTime: null, ...commune('X') })).status).toBe(404);
    const point = await save(POINT, { requestId: rid('point'), expectedUpdateTime: null, ...commune('Điểm tiếp nhận thôn Đông'), kind: 'receptionPoint', parentId: PROVINCE });
    expect(point.status).toBe(400);
    expect(point.body.error?.fields.map((f) => f.path)).toContain('parentId');
    const placed = await save(POINT, { requestId: rid('point-ok'), expectedUpdateTime: null, ...commune('Điểm tiếp nhận thôn Đông'), kind: 'receptionPoint', parentId: MERGED });
    expect(placed.status, placed.text).toBe(201);
  });
});

describe('merging an agency into its successor, with open dossiers', () => {
  let registered: DossierRef;
  let received: DossierRef;
  let awaiting: DossierRef;
  let returned: DossierRef;
  let elsewhere: DossierRef;
  const application = (label: string, agencyId = MERGED) => ({ ...landRenewal(rid(label)), receivingAgencyId: agencyId });

  beforeAll(async () => {
    registered = await submit(application('merge-registered'));
    received = await act(await submit(application('merge-received')), OLD.receptionist, { type: 'receive' });
    awaiting = await act(await submit(application('merge-awaiting')), OLD.receptionist, {
      type: 'requestSupplement',
      items: [{ componentId: 'certificate', name: 'Giấy chứng nhận', problem: 'Bản chụp mờ' }],
      reason: 'Chưa đọc được',
    });
    returned = await submit(application('merge-returned'));
    returned = await act(returned, OLD.receptionist, { type: 'receive' });
    returned = await act(returned, OLD.lead, { type: 'assign', handlerId: 'handler-old' });
    returned = await act(returned, OLD.lead, { type: 'resolve', outcome: 'approved', summary: 'Đồng ý' });
    returned = await act(returned, OLD.receptionist, { type: 'returnResult', via: 'desk' });
    elsewhere = await submit(application('merge-elsewhere', '000.00.01.H99'));
  });

  it('refuses a merger into itself, into an unknown agency, or ahead of its day, changing nothing', async () => {
    const today = localDateOf(new Date());
    for (const [body, path] of [
      [{ successorId: MERGED, effectiveOn: today }, 'successorId'],
      [{ successorId: '000.99.99.H99', effectiveOn: today }, 'successorId'],
      [{ successorId: SUCCESSOR, effectiveOn: '2099-01-01' }, 'effectiveOn'],
    ] as const) {
      const res = await api('mergeAgency', { params: { agencyId: MERGED }, body: { requestId: rid('merge-bad'), basis: 'Nghị quyết thử', ...body } }, IDENTITIES.admin);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    }
    const bad = await call('POST', `/admin/agencies/${MERGED}/merge`, IDENTITIES.admin, { requestId: rid('merge-bad'), successorId: SUCCESSOR, effectiveOn: 'hôm nay', basis: '' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.error?.fields.map((f) => f.path))].sort()).toEqual(['basis', 'effectiveOn']);
    expect((await db.doc(`agencies/${MERGED}`).get()).get('effectiveTo')).toBeUndefined();
    expect((await db.doc(`agencyMergers/${MERGED}`).get()).exists).toBe(false);
  });

  it('moves every open dossier to the successor with one event each, the chain intact; closed and unrelated ones stay', async () => {
    const today = localDateOf(new Date());
    const requestId = rid('merge');
    const res = await api('mergeAgency', { params: { agencyId: MERGED }, body: { requestId, successorId: SUCCESSOR, effectiveOn: today, basis: 'Nghị quyết số 1/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã' } }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(201);
    expect(res.body.merger).toMatchObject({ successorId: SUCCESSOR, effectiveOn: today, moved: 3, remaining: 0, done: true, orderedBy: IDENTITIES.admin.uid });
    expect(res.body.skipped).toEqual([]);
    expect(res.body.reparented).toEqual([POINT]);

    for (const before of [registered, received, awaiting]) {
      const snap = await db.doc(`dossiers/${before.id}`).get();
      expect(snap.get('version')).toBe(before.version + 1);
      expect(snap.get('receivingAgencyId')).toBe(SUCCESSOR);
      expect(snap.get('agencyIds')).toEqual(expect.arrayContaining([MERGED, SUCCESSOR]));
      expect(snap.get('code')).toBe(before.code);
      const events = (await db.collection(`dossiers/${before.id}/events`).orderBy('version').get()).docs.map((d) => revive(d.data()) as ChainedEvent);
      expect(verifyChain(events)).toEqual({ ok: true, length: before.version + 1 });
      const last = events[events.length - 1]!;
      expect(last).toMatchObject({ type: 'succeedAgency', actor: { role: 'system', userId: 'system' }, from: last.to });
      // The history keeps the old name, as it was on the day.
      expect(last.payload).toMatchObject({ fromAgencyId: MERGED, toAgencyId: SUCCESSOR, fromName: { vi: 'Trung tâm Phục vụ hành chính công xã Đồng Cũ' }, orderedBy: IDENTITIES.admin.uid });
      expect(snap.get('lastEventHash')).toBe(last.hash);
    }
    expect((await db.doc(`dossiers/${received.id}`).get()).get('currentStep.agencyId')).toBe(SUCCESSOR);
    for (const untouched of [returned, elsewhere]) {
      expect((await db.doc(`dossiers/${untouched.id}`).get()).get('version')).toBe(untouched.version);
    }
    // The old agency is history: same name and identifier, ended yesterday, pointing to its successor.
    const old = (await db.doc(`agencies/${MERGED}`).get()).data()!;
    expect(old).toMatchObject({ name: { vi: 'Trung tâm Phục vụ hành chính công xã Đồng Cũ' }, successorId: SUCCESSOR });
    expect(old.effectiveTo < today).toBe(true);
    expect((await db.doc(`agencies/${POINT}`).get()).get('parentId')).toBe(SUCCESSOR);
    const entry = await db.doc(`auditLog/${IDENTITIES.admin.uid}_${requestId}`).get();
    expect(entry.get('action')).toBe('agency.merge');
    expect(entry.get('summary.vi')).toContain('Sáp nhập');
  });

  it('the successor’s officers carry on; the merged desk’s officers and desk are done at once', async () => {
    const moved = { ...registered, version: registered.version + 1 };
    const refused = await tryAct(moved, OLD.receptionist, { type: 'receive' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.reason).toBe('outOfScope');
    const taken = await tryAct(moved, NEW.receptionist, { type: 'receive' });
    expect(taken.status, taken.text).toBe(200);
    const view = await api('getDossier', { params: { dossierId: awaiting.id } }, NEW.receptionist);
    expect(view.status).toBe(200);
    expect(view.body.allowedActions).toContain('submitSupplement');
    // No new dossier is received at the merged desk from today.
    const late = await api('submitDossier', { body: application('merge-late') }, IDENTITIES.citizenA);
    expect(late.status).toBe(400);
    expect(late.body.error?.fields.map((f) => f.path)).toContain('receivingAgencyId');
    // History is not edited.
    const edit = await save(MERGED, { requestId: rid('edit-merged'), expectedUpdateTime: await updateTimeOf(MERGED), ...commune('Tên mới') });
    expect(edit.status).toBe(409);
    expect(edit.body.error?.reason).toBe('agencyCeased');
  });

  it('calling the merger again moves nothing twice; another successor is refused', async () => {
    const again = await api('mergeAgency', { params: { agencyId: MERGED }, body: { requestId: rid('merge-again'), successorId: SUCCESSOR, effectiveOn: localDateOf(new Date()), basis: 'Tiếp tục' } }, IDENTITIES.admin);
    expect(again.status, again.text).toBe(200);
    expect(again.body.merger).toMatchObject({ moved: 3, remaining: 0, done: true });
    expect((await db.doc(`dossiers/${awaiting.id}`).get()).get('version')).toBe(awaiting.version + 1);
    const other = await api('mergeAgency', { params: { agencyId: MERGED }, body: { requestId: rid('merge-other'), successorId: '000.00.01.H99', effectiveOn: localDateOf(new Date()), basis: 'x' } }, IDENTITIES.admin);
    expect(other.status).toBe(409);
    expect(other.body.error?.reason).toBe('alreadyMerged');
    const listed = (await list()).find((a) => a.id === MERGED);
    expect(listed).toMatchObject({ successorId: SUCCESSOR, merger: { done: true, moved: 3 } });
  });
});
