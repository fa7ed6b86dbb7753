// Dossier codes under load: simultaneous submissions to one desk get unique, gap-free codes; and the daily
// sequence never runs out (issue 12, finding 2: it used to stop at 9,999, and every submission and walk-in
// at that desk failed until midnight). Run on the handler against the real Firestore emulator (the
// functions emulator starts a process per in-flight request, which a burst of a hundred would drown on two
// cores), with the clock pinned to far-away days so these counters are this file's alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ONLINE_QUOTA, parseDossierCode } from '../../functions/src/domain/index.js';
import { intakeDossier, submitDossier } from '../../functions/src/features/dossiers/submit.handler.js';
import type { DossierDeps } from '../../functions/src/features/dossiers/dossier-deps.js';
import { loadDemoData } from '../../seed/load.js';
import { admin } from '../support/emulators.js';
import { birthRegistration, COMMUNE_DESK } from '../fixtures/applications.js';

const { db, auth } = admin();


beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('dossier codes under load', () => {
  it('gives 100 simultaneous submissions to one desk 100 unique, contiguous codes, with no error', async () => {
    // A fixed, far-away day keeps this test's counter apart from every other test's.
    const now = () => new Date('2027-03-15T02:00:00Z');
    // One account filing a hundred at once: an account an administrator allowed that many (users/{uid}).
    const deps: DossierDeps = { db, now, caller: async () => ({ role: 'citizen', userId: 'load-citizen' }), onlineQuota: () => DEFAULT_ONLINE_QUOTA };
    await db.doc('users/load-citizen').set({ onlineSubmissionsPerDay: 100 }, { merge: true });
    await Promise.all([`counters/${COMMUNE_DESK}_270315`, 'intakeQuotas/account_load-citizen_270315', `intakeQuotas/agency_${COMMUNE_DESK}_270315`].map((p) => db.doc(p).delete()));
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

  it('never runs out: past 9,999 the sequence widens to 10,000 and on, for online and walk-in dossiers alike', async () => {
    const now = () => new Date('2027-03-16T03:00:00Z');
    const citizen: DossierDeps = { db, now, caller: async () => ({ role: 'citizen', userId: 'sequence-citizen' }), onlineQuota: () => DEFAULT_ONLINE_QUOTA };
    const desk: DossierDeps = { ...citizen, caller: async () => ({ role: 'receptionist', userId: 'sequence-officer', agencyId: COMMUNE_DESK }) };
    const counter = db.doc(`counters/${COMMUNE_DESK}_270316`);
    await Promise.all(['intakeQuotas/account_sequence-citizen_270316', `intakeQuotas/agency_${COMMUNE_DESK}_270316`].map((p) => db.doc(p).delete()));
    // The desk's 9,998th dossier of the day has just been numbered (a busy day, or a flood).
    await counter.set({ agencyId: COMMUNE_DESK, day: '270316', next: 9998, updatedAt: now() });
    const runId = Date.now().toString(36);
    const request = (body: object) => ({ method: 'POST' as const, path: '', params: {}, query: {}, header: () => undefined, body });
    const codeOf = (a: { status: number; body: unknown }) => {
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      return (a.body as { dossier: { code: string } }).dossier.code;
    };
    const codes = [
      codeOf(await submitDossier(request(birthRegistration(`seq-${runId}-1`)), citizen)),
      codeOf(await submitDossier(request(birthRegistration(`seq-${runId}-2`)), citizen)),
      // A walk-in at the same desk, past the old end of the sequence.
      codeOf(await intakeDossier(request((({ receivingAgencyId: _r, ...walkIn }) => walkIn)(birthRegistration(`seq-${runId}-3`))), desk)),
      codeOf(await submitDossier(request(birthRegistration(`seq-${runId}-4`)), citizen)),
    ];
    expect(codes).toEqual([
      `${COMMUNE_DESK}-270316-9999`,
      `${COMMUNE_DESK}-270316-10000`,
      `${COMMUNE_DESK}-270316-10001`,
      `${COMMUNE_DESK}-270316-10002`,
    ]);
    expect(codes.map((c) => parseDossierCode(c).sequence)).toEqual([9999, 10_000, 10_001, 10_002]);
    expect((await counter.get()).get('next')).toBe(10_002);
    // Widened codes are still found by their code (the public lookup queries the stored code).
    const stored = await db.collection('dossiers').where('code', '==', codes[1]).get();
    expect(stored.size).toBe(1);
  });
});
