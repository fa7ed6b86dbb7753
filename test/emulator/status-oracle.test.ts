// Issue 12, finding 10 (status oracle): acting on someone else's dossier id used to answer 409 with the
// dossier's status and version, because the version was checked before the caller was authorized. Now a
// caller who may not see the dossier gets the very 404 an unknown id gets, whatever version it sends;
// callers who may see it still get the 409 that tells them what changed.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seed/load.js';
import { submitDossier, rid, tryAct, type DossierRef } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES } from '../support/identity.js';

const { db, auth } = admin();
let dossier: DossierRef;

beforeAll(async () => {
  await loadDemoData(db, auth);
  dossier = await submitDossier(IDENTITIES.citizenA);
});

describe('strangers learn nothing from acting on a dossier id', () => {
  it.each([
    ['another citizen', IDENTITIES.citizenB],
    ['an officer of an agency outside the dossier', IDENTITIES.handlerY],
    ['a lead of an agency outside the dossier', IDENTITIES.leadY],
  ] as const)('%s gets the 404 of an unknown id, at any version', async (_who, stranger) => {
    const unknown = await tryAct({ id: 'no-such-dossier-0000', version: 1 }, stranger, { type: 'withdraw', reason: 'Thử' });
    expect(unknown.status).toBe(404);
    // The attack: guess versions until the answer changes, reading the status from the 409s on the way.
    for (const version of [0, 1, 2, 7]) {
      const res = await tryAct({ id: dossier.id, version }, stranger, { type: 'withdraw', reason: 'Thử' }, rid('oracle'));
      expect(res.status, res.text).toBe(404);
      expect(res.body).toEqual(unknown.body);
      expect(res.text).not.toContain('registered');
      expect(res.text).not.toContain('currentVersion');
    }
    const stored = await db.doc(`dossiers/${dossier.id}`).get();
    expect(stored.get('version')).toBe(dossier.version);
    expect(stored.get('status')).toBe('registered');
  });
});

describe('those who may see the dossier still learn why an action was refused', () => {
  it('the owner with a stale version gets 409 staleVersion with the current status and version', async () => {
    const res = await tryAct({ id: dossier.id, version: dossier.version + 3 }, IDENTITIES.citizenA, { type: 'withdraw', reason: 'Thử' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ reason: 'staleVersion', currentStatus: 'registered', currentVersion: dossier.version });
  });

  it('the receiving desk with a stale version, too', async () => {
    const res = await tryAct({ id: dossier.id, version: 0 }, IDENTITIES.receptionistX, { type: 'receive' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ reason: 'staleVersion', currentStatus: 'registered' });
  });

  it('a monitor (who may see the dossier without personal data) is refused for the role, not hidden from it', async () => {
    const res = await tryAct(dossier, IDENTITIES.monitor, { type: 'receive' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ reason: 'roleNotAllowed', currentStatus: 'registered' });
  });
});
