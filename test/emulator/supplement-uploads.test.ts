// Answering a supplement request with files: the client sends upload ids, the server attaches them (as on
// submission) and merges them into the components on record. Attachment details from a client are refused.
import { describe, expect, it } from 'vitest';
import type { ComponentBody } from '../../functions/src/contract/index.js';
import { admin } from '../support/emulators.js';
import { act, call, landRenewal, rid, submit, submitDossier, tryAct, uploadPdf, type DossierRef } from '../support/api.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db } = admin();

async function awaitingSupplement(): Promise<DossierRef> {
  const d = await submitDossier();
  return act(d, IDENTITIES.receptionistX, {
    type: 'requestSupplement',
    items: [{ componentId: 'certificate', name: 'Bản sao giấy chứng nhận', problem: 'Ảnh chụp bị mờ' }],
    reason: 'Thành phần hồ sơ chưa đọc được',
  });
}

const supplement = (d: DossierRef, as: TestIdentity, components: ComponentBody[]) =>
  tryAct(d, as, { type: 'submitSupplement', components }, rid('supp'));

describe('submitSupplement with uploads', () => {
  it('attaches the uploaded files to the component, keeps what was there, and marks the uploads attached', async () => {
    const d = await awaitingSupplement();
    const file = await uploadPdf(IDENTITIES.citizenA, 'giay-chung-nhan-ro.pdf');
    const res = await supplement(d, IDENTITIES.citizenA, [{ componentId: 'certificate', copies: 1, uploadIds: [file.uploadId] }]);
    expect(res.status, res.text).toBe(200);
    const personal = (await db.doc(`dossiers/${d.id}/private/personal`).get()).data()!;
    const components = personal.components as { componentId: string; originals: number; copies: number; attachments: { id: string; sha256: string }[] }[];
    expect(components.map((c) => c.componentId)).toEqual(['renewal-application', 'certificate']);
    const certificate = components.find((c) => c.componentId === 'certificate')!;
    expect(certificate).toMatchObject({ originals: 1, copies: 1 });
    expect(certificate.attachments).toEqual([expect.objectContaining({ id: file.uploadId, sha256: file.sha256 })]);
    expect((await db.doc(`uploads/${file.uploadId}`).get()).get('dossierId')).toBe(d.id);
  });

  it('refuses attachment details from the client, someone else’s upload, and an upload already attached — writing nothing', async () => {
    const d = await awaitingSupplement();
    // Forged on purpose: attachments are the server's to set, so the contract has no such field.
    const forged = await call('POST', `/dossiers/${d.id}/actions`, IDENTITIES.citizenA, {
      requestId: rid('supp'),
      expectedVersion: d.version,
      action: {
        type: 'submitSupplement',
        components: [{ componentId: 'certificate', attachments: [{ id: 'x', fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: '0'.repeat(64) }] }],
      },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error?.fields.map((f) => f.path)).toContain('action.components.0');

    const othersFile = await uploadPdf(IDENTITIES.citizenB, 'cua-nguoi-khac.pdf');
    const foreign = await supplement(d, IDENTITIES.citizenA, [{ componentId: 'certificate', uploadIds: [othersFile.uploadId] }]);
    expect(foreign.status).toBe(400);
    expect((await db.doc(`uploads/${othersFile.uploadId}`).get()).get('dossierId')).toBeNull();

    const other = await awaitingSupplement();
    const file = await uploadPdf(IDENTITIES.citizenA, 'mot-lan.pdf');
    expect((await supplement(other, IDENTITIES.citizenA, [{ componentId: 'certificate', uploadIds: [file.uploadId] }])).status).toBe(200);
    const reused = await supplement(d, IDENTITIES.citizenA, [{ componentId: 'certificate', uploadIds: [file.uploadId] }]);
    expect(reused.status).toBe(409);

    const dossier = (await db.doc(`dossiers/${d.id}`).get()).data()!;
    expect(dossier.status).toBe('awaitingSupplement');
    expect(dossier.version).toBe(d.version);
  });

  it('files each answer under the component the officer picked, marks the replaced file (kept), and refuses what was not asked', async () => {
    const citizen = IDENTITIES.citizenA;
    const [form, certOld] = [await uploadPdf(citizen, 'don.pdf'), await uploadPdf(citizen, 'giay-chung-nhan-mo.pdf')];
    let d = await submit({
      ...landRenewal(rid('two')),
      components: [
        { componentId: 'renewal-application', originals: 1, uploadIds: [form.uploadId] },
        { componentId: 'certificate', originals: 1, uploadIds: [certOld.uploadId] },
      ],
    });
    // Free text without a component, and a component the dossier does not hold, are refused.
    const free = await tryAct(d, IDENTITIES.receptionistX, { type: 'requestSupplement', items: [{ name: 'Sổ đỏ', problem: 'Mờ' }] as never, reason: 'r' });
    expect(free.status, free.text).toBe(400);
    expect(free.body.error?.fields.some((f) => f.path.endsWith('items.0.componentId')), free.text).toBe(true);
    const unknown = await tryAct(d, IDENTITIES.receptionistX, { type: 'requestSupplement', items: [{ componentId: 'site-plan', name: 'Sơ đồ', problem: 'Thiếu' }], reason: 'r' });
    expect(unknown.body.error).toMatchObject({ rule: 'supplementItemUnknown' });

    d = await act(d, IDENTITIES.receptionistX, {
      type: 'requestSupplement',
      items: [
        { componentId: 'certificate', replaceFiles: true, name: 'Giấy chứng nhận', problem: 'Ảnh chụp bị mờ' },
        { componentId: 'renewal-application', name: 'Đơn đề nghị', problem: 'Thiếu trang 2' },
      ],
      reason: 'Thành phần hồ sơ chưa đạt',
    });
    const [certNew, page2] = [await uploadPdf(citizen, 'giay-chung-nhan-ro.pdf'), await uploadPdf(citizen, 'don-trang-2.pdf')];
    const res = await supplement(d, citizen, [
      { componentId: 'certificate', uploadIds: [certNew.uploadId] },
      { componentId: 'renewal-application', uploadIds: [page2.uploadId] },
    ]);
    expect(res.status, res.text).toBe(200);
    const personal = (await db.doc(`dossiers/${d.id}/private/personal`).get()).data()!;
    const files = new Map((personal.components as { componentId: string; attachments: { id: string; replacedAt?: unknown }[] }[]).map((c) => [c.componentId, c.attachments]));
    expect(files.get('certificate')!.map((a) => [a.id, a.replacedAt !== undefined])).toEqual([[certOld.uploadId, true], [certNew.uploadId, false]]);
    expect(files.get('renewal-application')!.map((a) => [a.id, a.replacedAt !== undefined])).toEqual([[form.uploadId, false], [page2.uploadId, false]]);

    // An answer for a document the officer did not ask for is refused and writes nothing.
    const other = await act(await submitDossier(), IDENTITIES.receptionistX, {
      type: 'requestSupplement',
      items: [{ componentId: 'certificate', name: 'Giấy chứng nhận', problem: 'Mờ' }],
      reason: 'r',
    });
    const stray = await uploadPdf(citizen, 'nham-cho.pdf');
    const wrong = await supplement(other, citizen, [{ componentId: 'renewal-application', uploadIds: [stray.uploadId] }]);
    expect(wrong.body.error, wrong.text).toMatchObject({ rule: 'supplementNotRequested' });
    expect((await db.doc(`dossiers/${other.id}`).get()).get('version')).toBe(other.version);
  });
});
