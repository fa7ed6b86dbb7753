// GET /api/me/dossiers ("Hồ sơ của tôi" at first paint): only the caller's own dossiers (filed by them or
// on their behalf), newest first, paged with a cursor that walks every one exactly once; bad queries
// answer a structured 400, no sign-in 401, a kiosk 403; personal answers are never cached by the CDN.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { api, call, submitDossier } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db, auth } = admin();
const run = randomUUID().slice(0, 8);
// Fresh people for this run: what they own is exactly what this file writes.
const owner: TestIdentity = { uid: `mine-owner-${run}` };
const principal: TestIdentity = { uid: `mine-principal-${run}` };
const stranger: TestIdentity = { uid: `mine-stranger-${run}` };
const NAME = { vi: 'Đăng ký biến động đất đai', en: 'Land change registration' };
const BASE = Date.UTC(2026, 10, 2, 1, 0, 0);

/**
 * A dossier's public document as the store writes it, with what the handler reads: owner or principal,
 * creation instant, status, procedure, code, version, due and supplement dates.
 */
async function writeDossier(id: string, o: { ownerUserId?: string; principalUserId?: string; minutes: number; status?: string; supplement?: boolean }): Promise<void> {
  const createdAt = new Date(BASE + o.minutes * 60_000);
  await db.doc(`dossiers/${id}`).set({
    id,
    code: `000.00.01.H99-261102-${String(o.minutes).padStart(4, '0')}`,
    version: 3,
    status: o.status ?? 'processing',
    channel: 'online',
    procedure: { code: '1.012790', version: 1, name: NAME },
    receivingAgencyId: '000.00.01.H99',
    ...(o.ownerUserId ? { ownerUserId: o.ownerUserId } : {}),
    ...(o.principalUserId ? { principalUserId: o.principalUserId } : {}),
    createdAt,
    receivedAt: new Date(createdAt.getTime() + 60_000),
    dueAt: new Date(createdAt.getTime() + 10 * 86_400_000),
    ...(o.supplement ? { supplement: { reason: 'Thiếu bản sao', items: [], requestedAt: new Date(createdAt.getTime() + 120_000) } } : {}),
    workBy: new Date(createdAt.getTime() + 10 * 86_400_000),
  });
}

beforeAll(async () => {
  await loadDemoData(db, auth);
  // 7 filed by the owner (one of them a minute apart from a sibling, to tie-break by id), 2 filed for
  // the owner by someone else, 1 for the principal only, 1 for the stranger.
  const writes: Promise<void>[] = [];
  for (let i = 0; i < 7; i++) writes.push(writeDossier(`mine-${run}-own-${i}`, { ownerUserId: owner.uid, minutes: i === 6 ? 5 : i, status: i === 2 ? 'awaitingSupplement' : 'processing', supplement: i === 2 }));
  writes.push(writeDossier(`mine-${run}-for-0`, { ownerUserId: `mine-agent-${run}`, principalUserId: owner.uid, minutes: 10 }));
  writes.push(writeDossier(`mine-${run}-for-1`, { ownerUserId: `mine-agent-${run}`, principalUserId: owner.uid, minutes: 11 }));
  writes.push(writeDossier(`mine-${run}-principal-only`, { ownerUserId: `mine-agent-${run}`, principalUserId: principal.uid, minutes: 12 }));
  writes.push(writeDossier(`mine-${run}-stranger`, { ownerUserId: stranger.uid, minutes: 13 }));
  await Promise.all(writes);
});

describe('GET /api/me/dossiers', () => {
  it('lists only the caller’s own and on-behalf dossiers, newest first, with what the list shows', async () => {
    const res = await api('listMyDossiers', { query: {} }, owner);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/private/);
    const ids = res.body.items.map((d) => d.id);
    expect(ids).toEqual([
      `mine-${run}-for-1`,
      `mine-${run}-for-0`,
      // minutes 5 twice: the larger id first (ties ordered by id, descending)
      `mine-${run}-own-6`,
      `mine-${run}-own-5`,
      `mine-${run}-own-4`,
      `mine-${run}-own-3`,
      `mine-${run}-own-2`,
      `mine-${run}-own-1`,
      `mine-${run}-own-0`,
    ]);
    expect(res.body.nextAfter).toBeNull();
    const paused = res.body.items.find((d) => d.id === `mine-${run}-own-2`)!;
    expect(paused).toMatchObject({
      status: 'awaitingSupplement',
      code: '000.00.01.H99-261102-0002',
      version: 3,
      procedure: { code: '1.012790', name: NAME },
      createdAt: new Date(BASE + 2 * 60_000).toISOString(),
      receivedAt: new Date(BASE + 3 * 60_000).toISOString(),
      stopRequest: null,
    });
    expect(paused.supplement).toEqual({ requestedAt: new Date(BASE + 4 * 60_000).toISOString(), submittedAt: null });
    expect(paused.dueAt).toBe(new Date(BASE + 2 * 60_000 + 10 * 86_400_000).toISOString());
    // Nobody else's dossier, whatever the rules would say.
    expect(ids).not.toContain(`mine-${run}-stranger`);
    expect(ids).not.toContain(`mine-${run}-principal-only`);
    const theirs = await api('listMyDossiers', { query: {} }, stranger);
    expect(theirs.body.items.map((d) => d.id)).toEqual([`mine-${run}-stranger`]);
  });

  it('walks every dossier exactly once, page by page, with the cursor', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await api('listMyDossiers', { query: { limit: '2', ...(after ? { after } : {}) } }, owner);
      expect(res.status, res.text).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((d) => d.id));
      after = res.body.nextAfter ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(seen[0]).toBe(`mine-${run}-for-1`);
    expect(seen[8]).toBe(`mine-${run}-own-0`);
  });

  it('lists a dossier the citizen has just submitted through the API at the top', async () => {
    const fresh: TestIdentity = { uid: `mine-fresh-${run}`, onlineSubmissionsPerDay: 100 };
    const d = await submitDossier(fresh);
    const res = await api('listMyDossiers', { query: {} }, fresh);
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((i) => i.id)).toEqual([d.id]);
    expect(res.body.items[0]!.code).toBe(d.code);
  });

  it('refuses bad queries with a structured bilingual 400, no sign-in with 401, a kiosk with 403', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'after=garbage', 'after=2026-11-02T01:00:00.000Z_a/b', 'other=1']) {
      const res = await call('GET', `/me/dossiers?${query}`, owner);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code, query).toBe('invalid-argument');
      expect(res.body.error?.message.vi, query).toBeTruthy();
      expect(res.body.error?.message.en, query).toBeTruthy();
    }
    expect((await call('GET', '/me/dossiers')).status).toBe(401);
    expect((await call('GET', '/me/dossiers', IDENTITIES.kioskX)).status).toBe(403);
  });
});
