// Issue 12, finding 7: monitors see figures, never people. The review found two ways to people: the
// register (form 06/07) downloaded as a monitor names every applicant, and `dossiers/{id}/events`, which
// monitors may list, copied a supplement's files into the event (names such as "CCCD 0011… Nguyễn….pdf").
// Both are attacked here as a monitor would: through the API and straight through Firestore with the
// monitor's ID token, as the web SDK does.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type ChainedEvent } from '../../functions/src/store/event-chain.js';
import { revive } from '../../functions/src/store/revive.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, APPLICANT, download, PROVINCE_DESK, rid, submitDossier, tryAct, uploadPdf, type DossierRef } from '../support/api.js';
import { admin, FIRESTORE_HOST, PROJECT_ID } from '../support/emulators.js';
import { IDENTITIES, idTokenFor, type TestIdentity } from '../support/identity.js';
import { pdfText } from '../support/pdf-probe.js';

const { db, auth } = admin();
/** A file name as citizens write them: their ID number and name. */
const FILE_NAME = `CCCD ${APPLICANT.identity.number} ${APPLICANT.fullName}.pdf`;
const PEOPLE = [APPLICANT.fullName, APPLICANT.fullName.normalize('NFC'), APPLICANT.identity.number, APPLICANT.phone, APPLICANT.email, 'CCCD'];
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** GET a document or a collection straight from Firestore with `as`'s ID token: the rules decide. */
async function firestoreGet(as: TestIdentity, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://${FIRESTORE_HOST}/v1/projects/${PROJECT_ID}/databases/(default)/documents/${path}`, {
    headers: { authorization: `Bearer ${await idTokenFor(as)}` },
  });
  return { status: res.status, text: await res.text() };
}

let dossier: DossierRef;

beforeAll(async () => {
  await loadDemoData(db, auth);
  // A dossier whose applicant answered a supplement request with a scan named after their ID card.
  let d = await submitDossier(IDENTITIES.citizenA);
  d = await act(d, IDENTITIES.receptionistX, {
    type: 'requestSupplement',
    items: [{ componentId: 'certificate', name: 'Bản sao giấy chứng nhận', problem: 'Ảnh chụp bị mờ' }],
    reason: 'Thành phần hồ sơ chưa đọc được',
  });
  const file = await uploadPdf(IDENTITIES.citizenA, FILE_NAME);
  d = await act(d, IDENTITIES.citizenA, { type: 'submitSupplement', components: [{ componentId: 'certificate', copies: 1, uploadIds: [file.uploadId] }] });
  dossier = await act(d, IDENTITIES.receptionistX, { type: 'receive' });
});

describe('the register (form 06/07) names applicants: not for monitors', () => {
  it('a monitor is refused (403) and gets no PDF', async () => {
    const res = await download('getRegister', { params: { agencyId: PROVINCE_DESK }, query: { from: today(), to: today() } }, IDENTITIES.monitor);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('permission-denied');
    expect(res.contentType).not.toBe('application/pdf');
    expect(res.bytes.toString('utf8')).not.toContain(APPLICANT.fullName);
  });

  it('the agency’s officers and administrators still print it, with the applicant', async () => {
    for (const who of [IDENTITIES.receptionistX, IDENTITIES.admin]) {
      const res = await download('getRegister', { params: { agencyId: PROVINCE_DESK }, query: { from: today(), to: today() } }, who);
      expect(res.status, who.uid).toBe(200);
      const text = pdfText(res.bytes);
      expect(text).toContain(dossier.code);
    }
  });
});

describe('the event log carries no personal data', () => {
  it('a monitor lists the events (figures: who did what when) and finds no file name, ID number or name in them', async () => {
    const events = await firestoreGet(IDENTITIES.monitor, `dossiers/${dossier.id}/events`);
    expect(events.status).toBe(200);
    expect(events.text).toContain('submitSupplement');
    for (const personal of PEOPLE) expect(events.text, personal).not.toContain(personal);
    expect(events.text).toContain('attachmentIds'); // the files are referenced …
    // … and the reference leads nowhere a monitor may go: the personal part is closed to them.
    expect((await firestoreGet(IDENTITIES.monitor, `dossiers/${dossier.id}/private/personal`)).status).toBe(403);
  });

  it('the personal part keeps the file for those entitled to it, and the hash chain holds', async () => {
    const owner = await api('getDossier', { params: { dossierId: dossier.id } }, IDENTITIES.citizenA);
    const certificate = owner.body.dossier.components?.find((c) => c.componentId === 'certificate');
    expect(certificate?.attachments.map((a) => a.fileName)).toEqual([FILE_NAME.normalize('NFC')]);
    const stored = await db.collection(`dossiers/${dossier.id}/events`).orderBy('version').get();
    const chain = stored.docs.map((doc) => revive(doc.data()) as ChainedEvent);
    expect(verifyChain(chain)).toEqual({ ok: true, length: dossier.version });
    const supplement = chain.find((e) => e.type === 'submitSupplement')!;
    const ids = (supplement.payload as { components?: { componentId: string; attachmentIds: string[] }[] }).components?.find((c) => c.componentId === 'certificate')?.attachmentIds;
    expect(ids).toEqual(certificate?.attachments.map((a) => a.id));
  });

  it('the dossier through the API is the public view for a monitor', async () => {
    const res = await api('getDossier', { params: { dossierId: dossier.id } }, IDENTITIES.monitor);
    expect(res.status).toBe(200);
    for (const personal of PEOPLE) expect(res.text).not.toContain(personal);
    // And a monitor may not act on it.
    expect((await tryAct(dossier, IDENTITIES.monitor, { type: 'stop', reason: 'Thử' }, rid('monitor'))).status).toBe(403);
  });
});
