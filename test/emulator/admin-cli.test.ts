// `npm run admin` against the emulators, as an operator runs it: the first administrator of an empty
// province is created by invitation (no password until the emailed link is followed, claims from the
// invitation, never an existing account adopted) and can then use the admin API; the catalogue import's
// --json lines and exit status. The CLI runs as its own process, exactly as from a terminal.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentData } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../functions/src/domain/index.js';
import { GENESIS_HASH } from '../../functions/src/store/dossiers.js';
import { hashEvent } from '../../functions/src/store/event-chain.js';
import { loadDemoData } from '../../seed/load.js';
import { nationalExport, toCsv } from '../fixtures/national-export.js';
import { admin, AUTH_HOST, HOSTING_URL, PROJECT_ID, ROOT } from '../support/emulators.js';

const { db, auth } = admin();
const FIRST = 'quantri.dautien@motcua.test';
const SECOND = 'quantri.thuhai@motcua.test';
const CITIZEN = 'nguoidan.cli@motcua.test';
const dir = mkdtempSync(join(tmpdir(), 'motcua-admin-cli-'));

/** Runs `npm run admin -- …` as package.json starts it (bundled, on this Node) and collects its output and exit status. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'scripts', 'run-bundled.mjs'), 'scripts/admin.ts', ...args], { cwd: ROOT, env: { ...process.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

async function remove(email: string): Promise<void> {
  await auth.getUserByEmail(email).then((u) => Promise.all([auth.deleteUser(u.uid), db.doc(`users/${u.uid}`).delete()]), () => undefined);
}
async function linkFor(email: string): Promise<string | undefined> {
  const res = await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
  const { oobCodes } = (await res.json()) as { oobCodes: { email: string; requestType: string; oobCode: string }[] };
  return oobCodes.filter((c) => c.email === email && c.requestType === 'PASSWORD_RESET').at(-1)?.oobCode;
}
async function identity(method: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=demo-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

// The demo province has an administrator; an empty province has none. Its `users` record is set aside
// while the first-administrator tests run, and put back afterwards.
let setAside: [string, DocumentData][] = [];
beforeAll(async () => {
  await loadDemoData(db, auth);
  await Promise.all([FIRST, SECOND, CITIZEN].map(remove));
  const admins = await db.collection('users').where('role', '==', 'admin').get();
  setAside = admins.docs.map((d) => [d.id, d.data()]);
  await Promise.all(admins.docs.map((d) => d.ref.delete()));
});
afterAll(async () => {
  await Promise.all(setAside.map(([id, data]) => db.doc(`users/${id}`).set(data)));
  await Promise.all([FIRST, SECOND, CITIZEN].map(remove));
});

describe('npm run admin -- create-admin', () => {
  it('creates the first administrator by invitation: no password until the link, claims, then the admin API works', async () => {
    const out = await cli(['create-admin', '--emulators', '--email', FIRST, '--name', 'Quản Trị Đầu Tiên', '--agency', '000.00.00.H99']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Firebase Auth đã gửi');
    expect(out.stdout).toContain('npm run admin -- import-procedures <thu-tuc.xlsx> --emulators --dry-run');
    const user = await auth.getUserByEmail(FIRST);
    expect(user.customClaims).toEqual({ role: 'admin', agencyId: '000.00.00.H99' });
    expect(user.emailVerified).toBe(false);
    expect(user.passwordHash).toBeUndefined();
    expect(out.stdout).toContain('/emulator/action?mode=resetPassword');
    expect((await db.doc(`users/${user.uid}`).get()).data()).toMatchObject({ role: 'admin', provisionedBy: 'bootstrap (npm run admin)' });

    // Nobody can sign in before the link is followed; the link sets the password once.
    expect((await identity('signInWithPassword', { email: FIRST, password: 'mat-khau-quan-tri-1', returnSecureToken: true })).idToken).toBeUndefined();
    const oobCode = await linkFor(FIRST);
    expect((await identity('resetPassword', { oobCode, newPassword: 'mat-khau-quan-tri-1' })).email).toBe(FIRST);
    expect((await identity('resetPassword', { oobCode, newPassword: 'another-one-2' })).error).toBeDefined();
    const { idToken } = await identity('signInWithPassword', { email: FIRST, password: 'mat-khau-quan-tri-1', returnSecureToken: true });
    expect(idToken).toEqual(expect.any(String));

    // As the administrator, invite the next officer through the API.
    const res = await fetch(`${HOSTING_URL}/api/admin/officers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${String(idToken)}` },
      body: JSON.stringify({ email: SECOND, displayName: 'Cán Bộ Thứ Hai', role: 'receptionist', agencyId: '000.00.01.H99' }),
    });
    expect(res.status).toBe(201);
  });

  it('refuses a second first administrator unless forced, and never adopts an existing account', async () => {
    const again = await cli(['create-admin', '--emulators', '--email', 'quantri.khac@motcua.test', '--name', 'Người Khác', '--agency', '000.00.00.H99']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`An administrator already exists (${FIRST})`);
    await expect(auth.getUserByEmail('quantri.khac@motcua.test')).rejects.toMatchObject({ code: 'auth/user-not-found' });

    await auth.createUser({ email: CITIZEN, password: 'nguoi-dan-123' });
    const adopt = await cli(['create-admin', '--emulators', '--force', '--email', CITIZEN, '--name', 'Người Dân', '--agency', '000.00.00.H99']);
    expect(adopt.code).toBe(2);
    expect(adopt.stderr).toContain('an existing account is never given a role');
    expect((await auth.getUserByEmail(CITIZEN)).customClaims ?? {}).toEqual({});
  });

  it('checks its input before touching anything', async () => {
    const noAgency = await cli(['create-admin', '--emulators', '--email', 'a@motcua.test', '--name', 'Ai Đó', '--agency', '000.99.99.H99']);
    expect(noAgency.code).toBe(2);
    expect(noAgency.stderr).toContain('import the agencies first');
    const badEmail = await cli(['create-admin', '--emulators', '--email', 'not-an-email', '--name', 'Ai Đó', '--agency', '000.00.00.H99']);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--email');
    const noTarget = await cli(['create-admin', '--email', 'a@motcua.test', '--name', 'Ai Đó', '--agency', '000.00.00.H99']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('--project <id> or --emulators');
  });
});

describe('npm run admin -- import-procedures --json', () => {
  it('prints one JSON line per event and exits 1 when rows were rejected', async () => {
    const rows = nationalExport(3, { codePrefix: '7', seed: 3 });
    rows.push([...rows[1]!].map((v, i) => (i === 7 ? 'Theo quy định' : i === 1 ? '7.600099' : v)));
    const file = join(dir, 'thu-tuc.csv');
    writeFileSync(file, toCsv(rows));
    const dry = await cli(['import-procedures', file, '--emulators', '--dry-run', '--json']);
    const events = lines(dry.stdout);
    expect(dry.code).toBe(1);
    expect(events[0]).toMatchObject({ type: 'start', kind: 'procedures', dryRun: true, emulators: true });
    expect(events.filter((e) => e.type === 'row').map((e) => [e.row, e.outcome])).toEqual([[2, 'new'], [3, 'new'], [4, 'new'], [5, 'rejected']]);
    expect(events.at(-1)).toMatchObject({ type: 'summary', counts: { new: 3, rejected: 1 }, documents: 0 });

    const real = await cli(['import-procedures', file, '--emulators', '--json']);
    expect(real.code).toBe(1);
    const realEvents = lines(real.stdout);
    expect(realEvents.filter((e) => e.type === 'progress').at(-1)).toMatchObject({ done: 3, total: 3, documents: 6 });
    expect(realEvents.at(-1)).toMatchObject({ type: 'summary', documents: 6 });
    const snap = await db.collection('procedures').where('code', '>=', '7.').where('code', '<', '7/').get();
    expect(snap.size).toBe(3);
    await Promise.all(snap.docs.map((d) => db.recursiveDelete(d.ref)));
  });

  it('refuses an unreadable file with a bilingual message and exit 2', async () => {
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.from([0x4d, 0xe3, 0x20, 0x74, 0x68, 0xf9, 0x0a]));
    const out = await cli(['import-procedures', file, '--emulators', '--json']);
    expect(out.code).toBe(2);
    expect(lines(out.stdout).at(-1)).toMatchObject({ type: 'error', message: { en: expect.stringContaining('not UTF-8') } });
  });
});

describe('npm run admin -- check-data (the restore drill)', () => {
  const ID = 'test-check-data-dossier';
  afterAll(async () => {
    await db.recursiveDelete(db.doc(`dossiers/${ID}`));
  });

  it('counts the main collections and finds an edited event in the latest dossiers', async () => {
    // Only the chain is checked, not what the events say: three minimal events, hashed as the store hashes them.
    const events = [1, 2, 3].map((version) => ({ dossierId: ID, version, type: 'note', at: new Date(`2027-01-0${version}T01:00:00Z`) }) as unknown as DossierEvent);
    let prevHash = GENESIS_HASH;
    const chained = events.map((e) => {
      const hash = hashEvent(prevHash, e);
      const stored = { ...e, prevHash, hash };
      prevHash = hash;
      return stored;
    });
    await db.doc(`dossiers/${ID}`).set({ id: ID, updatedAt: new Date('2099-01-01T00:00:00Z') });
    await Promise.all(chained.map((e) => db.doc(`dossiers/${ID}/events/${String(e.version).padStart(6, '0')}`).set(e)));

    const intact = await cli(['check-data', '--emulators', '--json', '--sample', '1']);
    expect(intact.code).toBe(0);
    const report = lines(intact.stdout).at(-1) as { counts: Record<string, number>; chains: { checked: number; events: number; broken: unknown[] } };
    expect(report.counts.agencies).toBeGreaterThanOrEqual(11);
    expect(report.counts.procedures).toBeGreaterThanOrEqual(14);
    expect(report.chains).toEqual({ checked: 1, events: 3, broken: [] });

    await db.doc(`dossiers/${ID}/events/000002`).update({ type: 'edited' });
    const edited = await cli(['check-data', '--emulators', '--json', '--sample', '1']);
    expect(edited.code).toBe(1);
    expect((lines(edited.stdout).at(-1) as { chains: { broken: unknown[] } }).chains.broken).toEqual([{ dossierId: ID, brokenAtVersion: 2 }]);
  });
});
