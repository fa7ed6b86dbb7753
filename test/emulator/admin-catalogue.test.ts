// The admin console's reference data through the real Emulator Suite: procedure versions (a change is a
// new version; dossiers keep the one they pinned), working calendars (a correction is used by the very
// next due date, despite each instance's cache; the next-year warning), and the rule-set settings (the
// next dossier code follows them at once). Who may, bad input, stale saves, retries. Procedure 1.999001.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCalendar, CalendarFields, ProcedureVersionBody } from '../../functions/src/contract/index.js';
import {
  buildWorkingCalendar,
  computeDeadline,
  localDateOf,
  nextWorkingDay,
  nextYearCalendarWarning,
  type Calendar,
  type WorkingHours,
} from '../../functions/src/domain/index.js';
import { loadDemoData } from '../../seed/load.js';
import { api, call, landRenewal, PROVINCE_DESK, rid, submit, tryAct } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';

const { db, auth } = admin();
const CODE = '1.999001';

beforeAll(async () => {
  await loadDemoData(db, auth);
});

// The catalogue is shared with the tests that follow (they list it whole): the procedure of this file goes.
afterAll(async () => {
  await db.recursiveDelete(db.doc(`procedures/${CODE}`));
});

/** Submits at the province desk and receives it there; the dossier as the receipt set it. */
async function receiveOne(procedureCode = '1.012792') {
  const dossier = await submit({ ...landRenewal(rid('cat-submit')), procedureCode });
  const res = await tryAct(dossier, IDENTITIES.receptionistX, { type: 'receive' }, rid('cat-receive'));
  expect(res.status, res.text).toBe(200);
  return res.body.dossier;
}

describe('procedure versions', () => {
  let base: Omit<ProcedureVersionBody, 'requestId' | 'basedOnVersion'>;
  let firstDossierId: string;

  beforeAll(async () => {
    const res = await api('adminGetProcedure', { params: { code: '1.012792' } }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(200);
    const { code: _code, version: _version, ...fields } = res.body.procedure!;
    base = { ...fields, name: { vi: 'Cấp đổi Giấy chứng nhận (thử nghiệm quản trị)', en: 'Certificate replacement (admin test)' } };
  });

  it.each([
    ['anonymous', undefined, 401],
    ['a lead', IDENTITIES.leadX, 403],
    ['a monitor', IDENTITIES.monitor, 403],
  ] as const)('refuses %s', async (_who, as, status) => {
    expect((await api('adminGetProcedure', { params: { code: CODE } }, as)).status).toBe(status);
    expect((await api('createProcedureVersion', { params: { code: CODE }, body: { requestId: rid('no'), basedOnVersion: null, ...base } }, as)).status).toBe(status);
    expect((await db.doc(`procedures/${CODE}`).get()).exists).toBe(false);
  });

  it('creates a procedure with its first version, which new dossiers pin', async () => {
    const res = await api('createProcedureVersion', { params: { code: CODE }, body: { requestId: rid('v1'), basedOnVersion: null, ...base } }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ created: true, procedure: { code: CODE, version: 1 } });
    firstDossierId = (await submit({ ...landRenewal(rid('v1-dossier')), procedureCode: CODE })).id;
    expect((await db.doc(`dossiers/${firstDossierId}`).get()).get('procedure.version')).toBe(1);
  });

  it('a change is a new version: the catalogue and new dossiers take it at once, older dossiers keep theirs', async () => {
    const v1 = await db.doc(`procedures/${CODE}/versions/1`).get();
    const requestId = rid('v2');
    const body = { requestId, basedOnVersion: 1, ...base, legalDuration: { value: 8, unit: 'workingDays' as const }, effectiveFrom: localDateOf(new Date()), fees: [{ amountVnd: 60_000, description: { vi: 'Lệ phí mới', en: 'New fee' } }] };
    const res = await api('createProcedureVersion', { params: { code: CODE }, body }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ created: false, procedure: { version: 2, legalDuration: { value: 8 } } });
    expect((await api('createProcedureVersion', { params: { code: CODE }, body }, IDENTITIES.admin)).body).toMatchObject({ duplicate: true });
    // Version 1 is untouched; the public catalogue shows version 2.
    expect((await db.doc(`procedures/${CODE}/versions/1`).get()).updateTime!.isEqual(v1.updateTime!)).toBe(true);
    expect((await api('getProcedure', { params: { code: CODE } })).body.procedure).toMatchObject({ version: 2, fees: [{ amountVnd: 60_000 }] });
    const second = await receiveOne(CODE);
    expect(second.procedure.version).toBe(2);
    expect(second.dueExplanation?.vi).toMatch(/^8 ngày làm việc/);
    // The dossier pinned to version 1 keeps its 7 working days.
    const first = await db.doc(`dossiers/${firstDossierId}`).get();
    const res1 = await tryAct({ id: firstDossierId, version: first.get('version') as number }, IDENTITIES.receptionistX, { type: 'receive' });
    expect(res1.body.dossier.dueExplanation?.vi).toMatch(/^7 ngày làm việc/);
    const info = await api('adminGetProcedure', { params: { code: CODE } }, IDENTITIES.admin);
    expect(info.body.versions).toEqual([
      expect.objectContaining({ version: 1, pinnedBy: 1 }),
      expect.objectContaining({ version: 2, pinnedBy: 1 }),
    ]);
    const entry = await db.doc(`auditLog/${IDENTITIES.admin.uid}_${requestId}`).get();
    expect(entry.get('summary.vi')).toContain('phiên bản 2 thay phiên bản 1');
  });

  it('refuses a version written from an older one, or a "first" version of an existing procedure', async () => {
    for (const basedOnVersion of [1, null]) {
      const res = await api('createProcedureVersion', { params: { code: CODE }, body: { requestId: rid('stale'), basedOnVersion, ...base } }, IDENTITIES.admin);
      expect(res.status).toBe(409);
      expect(res.body.error?.reason).toBe('staleDocument');
    }
    expect((await db.collection(`procedures/${CODE}/versions`).get()).size).toBe(2);
  });

  it.each([
    ['a future start', { effectiveFrom: '2099-01-01' }, 'effectiveFrom'],
    ['an unknown agency in a step', { steps: [{ id: 'x', role: 'handling', performer: { kind: 'agency', agencyId: '000.99.99.H99' }, description: { vi: 'x', en: 'x' }, budget: { value: 1, unit: 'workingDays' } }] }, 'steps.0.performer.agencyId'],
    ['steps longer than the legal time', { legalDuration: { value: 2, unit: 'workingDays' } }, 'steps'],
    ['no components', { components: [] }, 'components'],
    ['half a calendar day', { legalDuration: { value: 1.5, unit: 'calendarDays' }, steps: [] }, 'legalDuration.value'],
    ['a version number sent by the client', { version: 9 }, ''],
    ['a sectoral period without its legal basis', { supplementExpiry: { value: 30 } }, 'supplementExpiry.legalBasis'],
  ] as const)('refuses %s with bilingual field errors', async (_label, patch, path) => {
    const res = await call('POST', `/admin/procedures/${CODE}/versions`, IDENTITIES.admin, { requestId: rid('bad'), basedOnVersion: 2, ...base, ...patch });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    expect(res.body.error?.fields.every((f) => f.message.vi && f.message.en)).toBe(true);
    expect((await db.collection(`procedures/${CODE}/versions`).get()).size).toBe(2);
  });
});

describe('working calendars', () => {
  const strip = ({ updateTime: _u, ...c }: AdminCalendar): Calendar => c;
  const fields = ({ year: _y, updateTime: _u, ...c }: AdminCalendar): CalendarFields => c;
  const calendars = async () => (await api('adminListCalendars', {}, IDENTITIES.admin)).body;

  it('lists every year with the next-year warning, to administrators only; the warning also to staff', async () => {
    const res = await calendars();
    expect(res.calendars.map((c) => c.year)).toEqual(expect.arrayContaining([2026, 2027]));
    const expected = nextYearCalendarWarning(res.calendars, new Date());
    expect(res.warning === null ? undefined : { year: res.warning.year, state: res.warning.state }).toEqual(expected);
    for (const [as, status] of [[IDENTITIES.leadX, 403], [IDENTITIES.citizenA, 403], [undefined, 401]] as const) {
      expect((await api('adminListCalendars', {}, as)).status).toBe(status);
    }
    for (const as of [IDENTITIES.receptionistX, IDENTITIES.handlerY, IDENTITIES.monitor, IDENTITIES.admin]) {
      const staff = await api('calendarWarning', {}, as);
      expect(staff.status).toBe(200);
      expect(staff.body.warning?.state).toBe(expected?.state);
      if (expected) expect(staff.body.warning?.message.vi).toContain(String(expected.year));
    }
    for (const as of [IDENTITIES.citizenA, IDENTITIES.kioskX]) expect((await api('calendarWarning', {}, as)).status).toBe(403);
  });

  it('a correction is used by the deadline engine at once: the next due date skips the new days off', async () => {
    const hours = (await db.doc(`agencies/${PROVINCE_DESK}`).get()).get('workingHours') as WorkingHours;
    // Every instance now holds the calendar in its cache (a due date was just computed with it).
    await receiveOne();
    const { calendars: years } = await calendars();
    const original = buildWorkingCalendar(years.map(strip));
    // The next two working days after today become days off (in one year's document).
    const first = nextWorkingDay(localDateOf(new Date()), original);
    const second = nextWorkingDay(first, original);
    const days = [first, second].filter((d) => d.startsWith(first.slice(0, 4)));
    const year = years.find((c) => c.year === Number(first.slice(0, 4)))!;
    const name = { vi: 'Nghỉ đột xuất (thử nghiệm)', en: 'Unexpected day off (test)' };
    const corrected = { ...fields(year), holidays: [...year.holidays, ...days.map((date) => ({ date, name }))] };
    const saved = await api('saveCalendar', { params: { year: String(year.year) }, body: { requestId: rid('cal'), expectedUpdateTime: year.updateTime, ...corrected } }, IDENTITIES.admin);
    expect(saved.status, saved.text).toBe(200);
    try {
      const dossier = await receiveOne();
      const receivedAt = new Date(dossier.receivedAt!);
      const duration = { value: 7, unit: 'workingDays' as const };
      const withCorrection = buildWorkingCalendar(years.map((c) => (c.year === year.year ? { ...strip(c), ...corrected } : strip(c))));
      const expected = computeDeadline({ start: receivedAt, duration, calendar: withCorrection, workingHours: hours });
      const before = computeDeadline({ start: receivedAt, duration, calendar: original, workingHours: hours });
      expect(expected.dueAt.getTime()).toBeGreaterThan(before.dueAt.getTime());
      expect(new Date(dossier.dueAt!).getTime()).toBe(expected.dueAt.getTime());
      expect(dossier.dueExplanation?.vi).toContain(name.vi);
    } finally {
      const restore = await api('saveCalendar', { params: { year: String(year.year) }, body: { requestId: rid('cal-restore'), expectedUpdateTime: saved.body.calendar.updateTime, ...fields(year) } }, IDENTITIES.admin);
      expect(restore.status, restore.text).toBe(200);
    }
  });

  it('creates a year (provisional), refuses a second creation and a stale save, and audits', async () => {
    const body: CalendarFields = {
      weeklyRestDays: [0, 6],
      holidays: [{ date: '2028-01-01', name: { vi: 'Tết Dương lịch', en: "New Year's Day" } }],
      makeUpWorkingDays: [],
      source: 'TẠM TÍNH: Bộ luật Lao động 2019 Điều 112',
      provisional: true,
    };
    const requestId = rid('cal-2028');
    const res = await api('saveCalendar', { params: { year: '2028' }, body: { requestId, expectedUpdateTime: null, ...body } }, IDENTITIES.admin);
    expect(res.status, res.text).toBe(201);
    expect(res.body.calendar).toMatchObject({ year: 2028, provisional: true });
    const twice = await api('saveCalendar', { params: { year: '2028' }, body: { requestId: rid('cal-2028-again'), expectedUpdateTime: null, ...body } }, IDENTITIES.admin);
    expect(twice.status).toBe(409);
    expect(twice.body.error?.reason).toBe('staleDocument');
    expect((await db.doc(`auditLog/${IDENTITIES.admin.uid}_${requestId}`).get()).get('summary.vi')).toBe('Lịch làm việc năm 2028: 1 ngày nghỉ, 0 ngày làm bù, tạm tính');
  });

  it.each([
    ['a make-up day on a weekday', { makeUpWorkingDays: [{ date: '2028-03-01', name: { vi: 'Làm bù', en: 'Make-up' } }] }, 'makeUpWorkingDays.0.date'],
    ['a holiday of another year', { holidays: [{ date: '2027-12-31', name: { vi: 'Sai năm', en: 'Wrong year' } }] }, 'holidays.0.date'],
    ['a day both off and worked', { holidays: [{ date: '2028-01-08', name: { vi: 'Nghỉ', en: 'Off' } }], makeUpWorkingDays: [{ date: '2028-01-08', name: { vi: 'Làm', en: 'Worked' } }] }, 'makeUpWorkingDays.0.date'],
    ['an impossible date', { holidays: [{ date: '2028-02-30', name: { vi: 'Không có', en: 'None' } }] }, 'holidays.0.date'],
    ['no source', { source: ' ' }, 'source'],
    ['a holiday without its name', { holidays: [{ date: '2028-01-01', name: { vi: '', en: 'x' } }] }, 'holidays.0.name.vi'],
  ] as const)('refuses %s with the problem at its field', async (_label, patch, path) => {
    const current = (await calendars()).calendars.find((c) => c.year === 2028)!;
    const res = await call('PUT', '/admin/calendars/2028', IDENTITIES.admin, { requestId: rid('cal-bad'), expectedUpdateTime: current.updateTime, ...fields(current), ...patch });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    expect(res.body.error?.fields.every((f) => f.message.vi && f.message.en)).toBe(true);
    expect((await calendars()).calendars.find((c) => c.year === 2028)!.updateTime).toBe(current.updateTime);
  });

  it('refuses a year out of range (404) and non-admins', async () => {
    expect((await call('PUT', '/admin/calendars/1999', IDENTITIES.admin, { requestId: rid('x') })).status).toBe(404);
    const res = await api('saveCalendar', { params: { year: '2028' }, body: { requestId: rid('lead'), expectedUpdateTime: null, weeklyRestDays: [0, 6], holidays: [], makeUpWorkingDays: [], source: 'x' } }, IDENTITIES.leadX);
    expect(res.status).toBe(403);
  });
});

describe('rule-set settings', () => {
  const settings = async () => (await api('listRuleSetSettings', {}, IDENTITIES.admin)).body.ruleSets.find((r) => r.ruleSet === 'nd118-2025')!;

  it('are read and written by administrators only', async () => {
    expect((await api('listRuleSetSettings', {}, IDENTITIES.leadX)).status).toBe(403);
    const res = await api('saveRuleSetSettings', { params: { ruleSet: 'nd118-2025' }, body: { requestId: rid('rs-lead'), expectedUpdateTime: null } }, IDENTITIES.leadX);
    expect(res.status).toBe(403);
    expect((await settings()).label.vi).toContain('118/2025');
  });

  it('the next dossier code follows a correction at once (portal identifier, 4-digit year, 6-digit sequence)', async () => {
    const current = await settings();
    const saved = await api(
      'saveRuleSetSettings',
      { params: { ruleSet: 'nd118-2025' }, body: { requestId: rid('rs'), expectedUpdateTime: current.updateTime, code: { yearDigits: 4, sequenceWidth: 6 }, onlineIssuer: 'G09.20', source: 'Công văn thử nghiệm' } },
      IDENTITIES.admin,
    );
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.view.settings).toEqual({ code: { yearDigits: 4, sequenceWidth: 6 }, onlineIssuer: 'G09.20', source: 'Công văn thử nghiệm' });
    try {
      const online = await submit(landRenewal(rid('rs-online')));
      expect(online.code).toMatch(/^G09\.20-\d{8}-\d{6}$/);
    } finally {
      const restored = await api('saveRuleSetSettings', { params: { ruleSet: 'nd118-2025' }, body: { requestId: rid('rs-restore'), expectedUpdateTime: saved.body.view.updateTime } }, IDENTITIES.admin);
      expect(restored.status, restored.text).toBe(200);
    }
    expect((await submit(landRenewal(rid('rs-default')))).code).toMatch(/^000\.00\.01\.H99-\d{6}-\d{4}$/);
  });

  it.each([
    [{ onlineIssuer: 'cổng' }, 'onlineIssuer'],
    [{ code: { yearDigits: 3, sequenceWidth: 5 } }, 'code.yearDigits'],
    [{ code: { yearDigits: 2, sequenceWidth: 3 } }, 'code.sequenceWidth'],
    [{ unknown: true }, ''],
  ])('refuses %j', async (patch, path) => {
    const res = await call('PUT', '/admin/rule-set-settings/nd118-2025', IDENTITIES.admin, { requestId: rid('rs-bad'), expectedUpdateTime: (await settings()).updateTime, ...patch });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    expect((await call('PUT', '/admin/rule-set-settings/nd00-2000', IDENTITIES.admin, { requestId: rid('rs-bad') })).status).toBe(404);
  });
});
