// Dossier codes under load: simultaneous submissions to one desk get unique, gap-free codes. Run on the
// handler against the real Firestore emulator (the functions emulator starts a process per in-flight
// request, which a burst of a hundred would drown on two cores).
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDossierCode } from '../../functions/src/domain/index.js';
import { submitDossier } from '../../functions/src/features/dossiers/submit.handler.js';
import type { DossierDeps } from '../../functions/src/features/dossiers/dossier-deps.js';
import { loadDemoData } from '../../seed/load.js';
import { admin } from '../support/emulators.js';

const { db, auth } = admin();
const COMMUNE_DESK = '000.21.03.H99';

function birthRegistration(requestId: string) {
  return {
    requestId,
    procedureCode: '1.001193',
    receivingAgencyId: COMMUNE_DESK,
    applicant: {
      kind: 'person',
      fullName: 'Lê Thị Thu Hà',
      identity: { kind: 'citizenId', number: '040195001234' },
      phone: '0987654321',
      address: { line: 'Thôn Tân Lập 2', communeName: 'Xã Tân Lập', provinceName: 'Tỉnh Bình An' },
    },
    components: [
      { componentId: 'birth-declaration', originals: 1 },
      { componentId: 'birth-certificate', originals: 1 },
    ],
  };
}

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('dossier codes under load', () => {
  it('gives 100 simultaneous submissions to one desk 100 unique, contiguous codes, with no error', async () => {
    // A fixed, far-away day keeps this test's counter apart from every other test's.
    const now = () => new Date('2027-03-15T02:00:00Z');
    const deps: DossierDeps = { db, now, caller: async () => ({ role: 'citizen', userId: 'load-citizen' }) };
    await db.doc(`counters/${COMMUNE_DESK}_270315`).delete();
    const runId = Date.now().toString(36);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        submitDossier(
          {
            method: 'POST',
            path: '',
            params: {},
            query: {},
            header: () => undefined,
            body: birthRegistration(`load-${runId}-${i}`),
          },
          deps,
        ),
      ),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const sequences = answers
      .map((a) => parseDossierCode((a.body as { dossier: { code: string } }).dossier.code).sequence)
      .sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await db.doc(`counters/${COMMUNE_DESK}_270315`).get()).get('next')).toBe(100);
  }, 120_000);
});
