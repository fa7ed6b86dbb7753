// Answering a supplement request with files: the client sends upload ids, the server attaches them (as on
// submission) and merges them into the components on record. Attachment details from a client are refused.
import { describe, expect, it } from 'vitest';
import { minimalPdf, MULTIPART_TYPE, multipartBody } from '../fixtures/files.js';
import { admin, HOSTING_URL } from '../support/emulators.js';
import { act, call, rid, submitDossier, type DossierRef } from '../support/api.js';
import { authHeader, IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db } = admin();

async function uploadPdf(as: TestIdentity, name: string): Promise<{ id: string; sha256: string }> {
  const res = await fetch(`${HOSTING_URL}/api/uploads`, {
    method: 'POST',
    headers: { 'content-type': MULTIPART_TYPE, ...(await authHeader(as)) },
    body: multipartBody([{ name: 'file', fileName: name, contentType: 'application/pdf', bytes: minimalPdf() }]),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { uploads: { uploadId: string; sha256: string }[] };
  return { id: body.uploads[0]!.uploadId, sha256: body.uploads[0]!.sha256 };
}

async function awaitingSupplement(): Promise<DossierRef> {
  const d = await submitDossier();
  return act(d, IDENTITIES.receptionistX, {
    type: 'requestSupplement',
    items: [{ componentId: 'certificate', name: 'Bản sao giấy chứng nhận', problem: 'Ảnh chụp bị mờ' }],
    reason: 'Thành phần hồ sơ chưa đọc được',
  });
}

const supplement = (d: DossierRef, as: TestIdentity, action: object) =>
  call('POST', `/dossiers/${d.id}/actions`, as, { requestId: rid('supp'), expectedVersion: d.version, action: { type: 'submitSupplement', ...action } });

describe('submitSupplement with uploads', () => {
  it('attaches the uploaded files to the component, keeps what was there, and marks the uploads attached', async () => {
    const d = await awaitingSupplement();
    const file = await uploadPdf(IDENTITIES.citizenA, 'giay-chung-nhan-ro.pdf');
    const res = await supplement(d, IDENTITIES.citizenA, { components: [{ componentId: 'certificate', copies: 1, uploadIds: [file.id] }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const personal = (await db.doc(`dossiers/${d.id}/private/personal`).get()).data()!;
    const components = personal.components as { componentId: string; originals: number; copies: number; attachments: { id: string; sha256: string }[] }[];
    expect(components.map((c) => c.componentId)).toEqual(['renewal-application', 'certificate']);
    const certificate = components.find((c) => c.componentId === 'certificate')!;
    expect(certificate).toMatchObject({ originals: 1, copies: 1 });
    expect(certificate.attachments).toEqual([expect.objectContaining({ id: file.id, sha256: file.sha256 })]);
    expect((await db.doc(`uploads/${file.id}`).get()).get('dossierId')).toBe(d.id);
  });

  it('refuses attachment details from the client, someone else’s upload, and an upload already attached — writing nothing', async () => {
    const d = await awaitingSupplement();
    const forged = await supplement(d, IDENTITIES.citizenA, {
      components: [{ componentId: 'certificate', attachments: [{ id: 'x', fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: '0'.repeat(64) }] }],
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.fields.map((f: { path: string }) => f.path)).toContain('action.components.0');

    const othersFile = await uploadPdf(IDENTITIES.citizenB, 'cua-nguoi-khac.pdf');
    const foreign = await supplement(d, IDENTITIES.citizenA, { components: [{ componentId: 'certificate', uploadIds: [othersFile.id] }] });
    expect(foreign.status).toBe(400);
    expect((await db.doc(`uploads/${othersFile.id}`).get()).get('dossierId')).toBeNull();

    const other = await awaitingSupplement();
    const file = await uploadPdf(IDENTITIES.citizenA, 'mot-lan.pdf');
    expect((await supplement(other, IDENTITIES.citizenA, { components: [{ componentId: 'certificate', uploadIds: [file.id] }] })).status).toBe(200);
    const reused = await supplement(d, IDENTITIES.citizenA, { components: [{ componentId: 'certificate', uploadIds: [file.id] }] });
    expect(reused.status).toBe(409);

    const dossier = (await db.doc(`dossiers/${d.id}`).get()).data()!;
    expect(dossier.status).toBe('awaitingSupplement');
    expect(dossier.version).toBe(d.version);
  });
});
