// Importing the province's own data through the Firestore and Auth emulators: a national-format
// procedures file with bad rows (dry run, import, re-import, a changed row, the same file as XLSX and as
// semicolon CSV), an import cut off halfway and run again, agencies and officers (by invitation only).
import type { Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgencies } from '../../functions/src/features/agencies/import-agencies.js';
import { importProcedures } from '../../functions/src/features/catalog/import-procedures.js';
import { importOfficers } from '../../functions/src/features/officers/import-officers.js';
import { sendPasswordSetupEmail } from '../../functions/src/platform/auth-email.js';
import type { ImportProgress } from '../../functions/src/store/imports.js';
import { loadDemoData } from '../../seed/load.js';
import { nationalExport, toCsv, toXlsx } from '../fixtures/national-export.js';
import { admin, AUTH_HOST, PROJECT_ID } from '../support/emulators.js';

const { db, auth } = admin();
const NOW = new Date('2026-12-03T03:00:00Z');
const deps = (onProgress?: (p: ImportProgress) => void) => ({ db, now: () => NOW, by: 'test', ...(onProgress ? { onProgress } : {}) });
const run = (bytes: Buffer, dryRun = false, onProgress?: (p: ImportProgress) => void) => importProcedures(bytes, { dryRun, fileName: 'thu-tuc.csv' }, deps(onProgress));

async function clearCodes(prefix: string): Promise<void> {
  const snap = await db.collection('procedures').where('code', '>=', `${prefix}.`).where('code', '<', `${prefix}/`).get();
  await Promise.all(snap.docs.map((d) => db.recursiveDelete(d.ref)));
}
/** Update times of a procedure's documents: a write that changes nothing still moves them. */
async function stamps(codes: readonly string[]): Promise<string[]> {
  const refs = codes.flatMap((c) => [db.doc(`procedures/${c}`), db.doc(`procedures/${c}/versions/1`)]);
  const snaps = await db.getAll(...refs);
  return snaps.map((s) => `${s.ref.path}@${(s.updateTime as Timestamp | undefined)?.toMillis() ?? 'absent'}`);
}

// Rows 2–7 are good national rows; 8–14 are each wrong in one way (row 13 repeats row 2's code).
const good = nationalExport(6, { codePrefix: '4', seed: 7 });
const codeOf = (row: number) => good[row - 1]![1]!;
const bad = (patch: Partial<Record<number, string>>, code: string): string[] => {
  const row = [...good[1]!];
  row[1] = code;
  for (const [i, v] of Object.entries(patch)) row[Number(i)] = v!;
  return row;
};
const BAD_ROWS = [
  bad({ 7: '15 ngày làm việc; trường hợp phải xác minh: 30 ngày làm việc' }, '4.600008'),
  bad({ 8: '0,5% giá trị tài sản' }, '4.600009'),
  bad({}, '4.12'),
  bad({ 3: 'Chiêm tinh' }, '4.600011'),
  bad({ 4: 'Cấp Tỉnh', 6: 'Sở Du hành vũ trụ' }, '4.600012'),
  bad({}, codeOf(2)),
  bad({ 9: '' }, '4.600014'),
];
const FILE = [...good, ...BAD_ROWS];
const csv = toCsv(FILE);
const acceptedCodes = [3, 4, 5, 6, 7].map(codeOf);
const rejectedCodes = [codeOf(2), '4.600008', '4.600009', '4.600011', '4.600012', '4.600014'];

beforeAll(async () => {
  await loadDemoData(db, auth);
  await Promise.all([clearCodes('4'), clearCodes('6'), db.recursiveDelete(db.collection('imports'))]);
});
afterAll(async () => {
  await Promise.all([clearCodes('4'), clearCodes('6')]);
});

describe('a procedures file with bad rows', () => {
  it('dry run: reports every row, each rejected one with its row number and reason, and writes nothing', async () => {
    const result = await run(csv, true);
    expect(result.counts).toEqual({ new: 5, changed: 0, unchanged: 0, rejected: 8 });
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'rejected'], [3, 'new'], [4, 'new'], [5, 'new'], [6, 'new'], [7, 'new'],
      [8, 'rejected'], [9, 'rejected'], [10, 'rejected'], [11, 'rejected'], [12, 'rejected'], [13, 'rejected'], [14, 'rejected'],
    ]);
    const reasons = Object.fromEntries(result.rows.filter((r) => r.outcome === 'rejected').map((r) => [r.row, r.problems.map((p) => `${p.column}: ${p.message.en}`).join(' | ')]));
    expect(reasons[8]).toMatch(/^Thời hạn giải quyết: several different durations \(15 workingDays; 30 workingDays\)/);
    expect(reasons[9]).toMatch(/^Phí, lệ phí: no amount found in "0,5% giá trị tài sản"/);
    expect(reasons[10]).toMatch(/^Mã thủ tục: procedure code "4.12" must look like 1.001193/);
    expect(reasons[11]).toMatch(/^Lĩnh vực: field "Chiêm tinh" is not in the list/);
    expect(reasons[12]).toMatch(/^Cơ quan có thẩm quyền: no agency named "Sở Du hành vũ trụ"/);
    expect(reasons[2]).toMatch(new RegExp(`code ${codeOf(2).replace('.', '\\.')} is on several rows \\(2, 13\\)`));
    expect(reasons[13]).toBe(reasons[2]);
    expect(reasons[14]).toMatch(/^Thành phần hồ sơ: no required documents/);
    for (const r of result.rows.filter((r) => r.outcome === 'rejected')) expect(r.problems.every((p) => p.message.vi.length > 0)).toBe(true);
    expect(result.documents).toBe(0);
    expect((await stamps([...acceptedCodes, ...rejectedCodes])).every((s) => s.endsWith('@absent'))).toBe(true);
    expect((await db.collection('imports').get()).size).toBe(0);
  });

  it('planned a few codes at a time (as a province’s 2,000 are, to bound memory), the report is the same row for row', async () => {
    const whole = await importProcedures(csv, { dryRun: true, fileName: 'thu-tuc.csv' }, { ...deps(), planChunkCodes: 10_000 });
    // Two codes a chunk: the duplicate code's rows (2 and 13) far apart in the file, the unreadable code (row 10) alone.
    const chunked = await importProcedures(csv, { dryRun: true, fileName: 'thu-tuc.csv' }, { ...deps(), planChunkCodes: 2 });
    expect(chunked.counts).toEqual({ new: 5, changed: 0, unchanged: 0, rejected: 8 });
    expect(chunked.rows).toEqual(whole.rows);
  });

  it('import: writes the accepted rows whole (version 1 and the version in force) and nothing of a rejected row', async () => {
    const result = await run(csv);
    expect(result.counts).toEqual({ new: 5, changed: 0, unchanged: 0, rejected: 8 });
    expect(result.documents).toBe(10);
    for (const code of acceptedCodes) {
      const [current, v1] = await Promise.all([db.doc(`procedures/${code}`).get(), db.doc(`procedures/${code}/versions/1`).get()]);
      expect(current.data()).toEqual(v1.data());
      expect(current.get('version')).toBe(1);
      expect(current.get('steps')).toHaveLength(1); // the national export has no internal process
    }
    expect((await stamps(rejectedCodes)).every((s) => s.endsWith('@absent'))).toBe(true);
    const record = (await db.doc(`imports/${result.jobId}`).get()).data()!;
    expect(record).toMatchObject({ kind: 'procedures', state: 'done', total: 5, done: 5, documents: 10, by: 'test' });
    expect((record.rejected as { row: number }[]).map((r) => r.row)).toEqual([2, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('re-import of the same file, as CSV, semicolon CSV without BOM or XLSX: every row unchanged, nothing written', async () => {
    const before = await stamps(acceptedCodes);
    for (const bytes of [csv, toCsv(FILE, { delimiter: ';', bom: false }), await toXlsx(FILE)]) {
      const result = await run(bytes);
      expect(result.counts).toEqual({ new: 0, changed: 0, unchanged: 5, rejected: 8 });
      expect(result.documents).toBe(0);
      expect(result.jobId).toBeUndefined();
    }
    expect(await stamps(acceptedCodes)).toEqual(before);
  });

  it('a changed row becomes version 2; version 1, which dossiers may have pinned, is never edited', async () => {
    const code = codeOf(3);
    const v1Before = await db.doc(`procedures/${code}/versions/1`).get();
    const changed = FILE.map((r) => [...r]);
    changed[2]![7] = '25 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ';
    const result = await run(toCsv(changed));
    expect(result.rows.find((r) => r.row === 3)).toMatchObject({ outcome: 'changed', version: 2, key: code });
    expect(result.counts).toEqual({ new: 0, changed: 1, unchanged: 4, rejected: 8 });
    expect(result.documents).toBe(2);
    const v1After = await db.doc(`procedures/${code}/versions/1`).get();
    expect(v1After.updateTime?.isEqual(v1Before.updateTime!)).toBe(true);
    expect(v1After.data()).toEqual(v1Before.data());
    expect((await db.doc(`procedures/${code}/versions/2`).get()).get('legalDuration')).toEqual({ value: 25, unit: 'workingDays' });
    expect((await db.doc(`procedures/${code}`).get()).data()).toMatchObject({ version: 2, legalDuration: { value: 25, unit: 'workingDays' }, effectiveFrom: '2026-12-03' });
    expect((await run(toCsv(changed))).documents).toBe(0);
  });

  it('refuses a file without the required columns as a whole, naming them', async () => {
    const noLegalTime = FILE.map((r) => r.filter((_, i) => i !== 7));
    await expect(run(toCsv(noLegalTime), true)).rejects.toMatchObject({ reason: { en: expect.stringContaining('"Thời hạn giải quyết"') } });
  });
});

describe('an import cut off halfway', () => {
  const file = toCsv(nationalExport(300, { codePrefix: '6', seed: 11 }));

  it('keeps whole procedures only, and running the same file again completes it', async () => {
    let batches = 0;
    await expect(
      run(file, false, () => {
        batches += 1;
        if (batches === 1) throw new Error('connection lost (test)');
      }),
    ).rejects.toThrow('connection lost (test)');
    const written = await db.collection('procedures').where('code', '>=', '6.').where('code', '<', '6/').get();
    expect(written.size).toBe(225); // the first batch: 450 writes, two per procedure
    for (const doc of written.docs) expect((await doc.ref.collection('versions').doc('1').get()).exists).toBe(true);
    const failed = (await db.collection('imports').where('kind', '==', 'procedures').where('state', '==', 'failed').get()).docs[0]!.data();
    expect(failed).toMatchObject({ total: 300, done: 225, error: 'connection lost (test)' });

    const progress: ImportProgress[] = [];
    const again = await run(file, false, (p) => progress.push(p));
    expect(again.counts).toEqual({ new: 75, changed: 0, unchanged: 225, rejected: 0 });
    expect(again.documents).toBe(150);
    expect(again.resumed).toMatchObject({ done: 225, total: 300 });
    expect(progress.at(-1)).toMatchObject({ kind: 'procedures', done: 75, total: 75, documents: 150 });
    expect((await db.doc(`imports/${again.jobId}`).get()).get('state')).toBe('done');
    expect((await db.collection('procedures').where('code', '>=', '6.').where('code', '<', '6/').count().get()).data().count).toBe(300);
    expect((await run(file)).documents).toBe(0);
  });
});

describe('agencies', () => {
  const header = ['Mã định danh', 'Tên cơ quan', 'Cấp', 'Cơ quan cấp trên', 'Hoạt động từ ngày', 'Hoạt động đến ngày', 'Có Bộ phận Một cửa', 'Điện thoại', 'Giờ làm việc'];
  const rows = [
    header,
    ['000.21.71.H99', 'Ủy ban nhân dân xã Thử Nghiệm', 'Cấp Xã', '000.00.00.H99', '01/07/2025', '', 'Có', '0298 3821 910', '7h30 - 11h30; 13h - 17h'],
    ['000.21.72.H99', 'Điểm tiếp nhận Thử Nghiệm', 'Cấp Xã', '000.21.71.H99', '01/07/2025', '', 'Có', '', ''],
    ['21.93', 'Sai mã', 'Cấp Xã', '', '', '', '', '', ''],
    ['000.21.74.H99', 'Cấp trên không có', 'Cấp Xã', '000.99.99.H99', '', '', '', '', ''],
    ['000.21.03.H99', 'Ủy ban nhân dân xã Tân Lập', 'Cấp Xã', '000.00.00.H99', '01/07/2025', '31/12/2026', 'Có', '0298 3821 030', ''],
  ];
  const importFile = (r: string[][], dryRun = false) => importAgencies(toCsv(r), { dryRun, fileName: 'co-quan.csv' }, deps());
  afterAll(async () => {
    await Promise.all(['000.21.71.H99', '000.21.72.H99'].map((id) => db.doc(`agencies/${id}`).delete()));
  });

  it('creates, refuses bad identifiers, unknown parents and mergers, then finds the file unchanged', async () => {
    const result = await importFile(rows);
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([[2, 'new'], [3, 'new'], [4, 'rejected'], [5, 'rejected'], [6, 'rejected']]);
    const problems = (row: number) => result.rows.find((r) => r.row === row)!.problems.map((p) => p.message.en).join(' | ');
    expect(problems(4)).toMatch(/agency identifier must look like 000.00.00.H56/);
    expect(problems(5)).toBe('no agency 000.99.99.H99');
    expect(problems(6)).toMatch(/ending an existing agency or changing its successor is a merger/);
    expect((await db.doc('agencies/000.21.71.H99').get()).data()).toMatchObject({ phone: '+842983821910', hasOneStopDesk: true, workingHours: { periods: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] } });
    expect((await db.doc('agencies/000.21.03.H99').get()).get('effectiveTo')).toBeUndefined();
    expect((await importFile(rows)).documents).toBe(0);
    const moved = rows.map((r) => [...r]);
    moved[1]![7] = '0298 3821 999';
    const again = await importFile(moved);
    expect(again.rows[0]).toMatchObject({ row: 2, outcome: 'changed' });
    expect(again.documents).toBe(1);
  });
});

describe('officers, by invitation only', () => {
  const NEW = 'canbo.nhap@motcua.test';
  const CITIZEN = 'congdan.nhap@motcua.test';
  const header = ['Email', 'Họ và tên', 'Vai trò', 'Mã cơ quan'];
  const importFile = (r: string[][], dryRun = false) =>
    importOfficers(toCsv(r), { dryRun, fileName: 'can-bo.csv' }, { ...deps(), auth, sendInvitation: sendPasswordSetupEmail, origin: () => 'http://127.0.0.1:5000' });
  const links = async (email: string) => {
    const res = await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
    return ((await res.json()) as { oobCodes: { email: string; requestType: string }[] }).oobCodes.filter((c) => c.email === email && c.requestType === 'PASSWORD_RESET');
  };
  const remove = (email: string) => auth.getUserByEmail(email).then((u) => Promise.all([auth.deleteUser(u.uid), db.doc(`users/${u.uid}`).delete()]), () => undefined);
  beforeAll(async () => {
    await Promise.all([remove(NEW), remove(CITIZEN)]);
    await auth.createUser({ email: CITIZEN, password: 'a-citizen-password' });
  });
  afterAll(async () => {
    await Promise.all([remove(NEW), remove(CITIZEN)]);
  });

  it('invites new officers, rejects an existing non-officer account and bad rows, and changes roles with sessions ended', async () => {
    const rows = [
      header,
      [NEW, 'Nguyễn Văn Nhập', 'Thụ lý', '000.00.13.H99'],
      [CITIZEN, 'Người Dân', 'Quản trị', '000.00.00.H99'],
      ['khong-phai-email', 'Ai Đó', 'Thụ lý', '000.00.13.H99'],
      ['x@motcua.test', 'Ai Đó', 'Đầu bếp', '000.00.13.H99'],
      ['y@motcua.test', 'Ai Đó', 'Thụ lý', '000.99.99.H99'],
    ];
    const dry = await importFile(rows, true);
    expect(dry.rows.map((r) => [r.row, r.outcome])).toEqual([[2, 'new'], [3, 'rejected'], [4, 'rejected'], [5, 'rejected'], [6, 'rejected']]);
    expect(dry.rows[1]!.problems[0]!.message.en).toMatch(/already has an account that is not an officer account/);
    await expect(auth.getUserByEmail(NEW)).rejects.toMatchObject({ code: 'auth/user-not-found' });

    const result = await importFile(rows);
    expect(result.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 4 });
    const user = await auth.getUserByEmail(NEW);
    expect(user.customClaims).toEqual({ role: 'handler', agencyId: '000.00.13.H99' });
    expect(user.passwordHash).toBeUndefined(); // no password until the officer follows the link
    expect(await links(NEW)).toHaveLength(1);
    expect((await auth.getUserByEmail(CITIZEN)).customClaims ?? {}).toEqual({});

    const again = await importFile(rows);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 1, rejected: 4 });
    expect(await links(NEW)).toHaveLength(1);

    const promoted = await importFile([header, [NEW, 'Nguyễn Văn Nhập', 'Lãnh đạo', '000.00.13.H99']]);
    expect(promoted.rows[0]).toMatchObject({ outcome: 'changed' });
    expect((await auth.getUserByEmail(NEW)).customClaims).toEqual({ role: 'lead', agencyId: '000.00.13.H99' });
    expect((await db.doc(`users/${user.uid}`).get()).get('tokensValidAfter')).toEqual(expect.any(Number));
  });
});
