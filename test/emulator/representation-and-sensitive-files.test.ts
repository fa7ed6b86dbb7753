// Organisations and representatives (tax codes with their check digit, filing on someone's behalf with an
// authorisation, who may then read the dossier), sensitive attachments (encrypted at rest, served only to
// those handling the dossier, every opening logged for the data subject) and the retention job.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmitDossierBody } from '../../functions/src/contract/index.js';
import { LocalFileStore, localFileStoreRoot } from '../../functions/src/platform/file-store/index.js';
import { minimalPdf } from '../fixtures/files.js';
import { loadDemoData } from '../../seed/load.js';
import { act, api, numbered, APPLICANT, download, landRenewal, PROVINCE_DESK, rid, uploadPdf } from '../support/api.js';
import { admin, runSchedule } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';
import { signInWithVneid } from '../support/vneid.js';

const { db, auth } = admin();
const RUN = Date.now().toString(36);
const rawStore = new LocalFileStore(localFileStoreRoot());
const FILER: TestIdentity = { uid: `filer-${RUN}` };

const ORGANISATION = {
  kind: 'organisation',
  name: 'Công ty TNHH Nông sản Bình An',
  taxCode: '0100109106',
  representative: { fullName: 'Trương Văn Đạt', title: 'Giám đốc', identity: { kind: 'citizenId', number: '031080002222' } },
  phone: '0903111222',
  address: { line: 'Khu công nghiệp Tân Lập', communeName: 'Xã Tân Lập', provinceName: 'Tỉnh Bình An' },
} as const;

const ownedBy = async (uid: string) => (await db.collection('dossiers').where('ownerUserId', '==', uid).get()).size;

/** A judicial-record request (2.000488): its ID-card copy is a sensitive component. */
function judicialRecord(requestId: string, over: Partial<SubmitDossierBody> & { identityUploadId?: string; formUploadId?: string } = {}): SubmitDossierBody {
  const { identityUploadId, formUploadId, ...rest } = over;
  return {
    requestId,
    procedureCode: '2.000488',
    receivingAgencyId: PROVINCE_DESK,
    applicant: { ...APPLICANT, fullName: 'Bùi Thị Mai', identity: { kind: 'citizenId', number: '079190001234' } },
    components: [
      { componentId: 'request-form', originals: 1, uploadIds: formUploadId ? [formUploadId] : [] },
      { componentId: 'identity-copy', copies: 1, uploadIds: identityUploadId ? [identityUploadId] : [] },
    ],
    resultDelivery: 'desk',
    ...rest,
  };
}

beforeAll(async () => {
  await loadDemoData(db, auth);
});

describe('organisation applicants', () => {
  it('accepts a tax code with its check digit, and shows it with the representative', async () => {
    const res = await api('submitDossier', { body: { ...landRenewal(rid('org')), applicant: ORGANISATION } }, IDENTITIES.citizenB);
    expect(res.status, res.text).toBe(201);
    const got = await api('getDossier', { params: { dossierId: numbered(res).dossier.id } }, IDENTITIES.citizenB);
    expect(got.body.dossier.applicant).toMatchObject({ kind: 'organisation', taxCode: '0100109106', representative: { fullName: 'Trương Văn Đạt' } });
  });

  it.each([
    ['0100109107', /chữ số kiểm tra/, /check digit/],
    ['010010910', /10 chữ số/, /10 digits/],
    ['0100000000', /không có mã số thuế/, /no such tax code/],
    ['0100109106-000', /001 đến 999/, /001 to 999/],
  ])('refuses the tax code %j with a bilingual reason and writes nothing', async (taxCode, vi, en) => {
    const before = await ownedBy(IDENTITIES.citizenB.uid);
    const res = await api('submitDossier', { body: { ...landRenewal(rid('badtax')), applicant: { ...ORGANISATION, taxCode } } }, IDENTITIES.citizenB);
    expect(res.status).toBe(400);
    const field = res.body.error?.fields.find((f) => f.path === 'applicant.taxCode');
    expect(field?.message.vi).toMatch(vi);
    expect(field?.message.en).toMatch(en);
    expect(await ownedBy(IDENTITIES.citizenB.uid)).toBe(before);
  });
});

describe('filing on someone else’s behalf', () => {
  let principalUid: string;
  let dossierId: string;
  let identityUpload: string;
  let authorisationUpload: string;
  let formUpload: string;

  beforeAll(async () => {
    // The applicant has a VNeID-verified account she has used (its first request links the verified
    // identity to the account): the dossier filed for her becomes readable by her.
    const session = await signInWithVneid('079190001234');
    expect((await api('getProfile', {}, { idToken: session.idToken })).status).toBe(200);
    principalUid = session.uid;
  });

  it('refuses a filer without the authorisation, naming the field, and writes nothing', async () => {
    const before = await ownedBy(FILER.uid);
    const filer = { fullName: 'Trần Văn Bình', identity: { kind: 'citizenId' as const, number: '038085004321' }, phone: '0912000111', relation: 'authorised' as const, authorisationUploadIds: [] };
    const res = await api('submitDossier', { body: judicialRecord(rid('nofiler'), { filer }) }, FILER);
    expect(res.status).toBe(400);
    const field = res.body.error?.fields.find((f) => f.path === 'filer.authorisationUploadIds');
    expect(field?.message.vi).toMatch(/giấy ủy quyền/);
    expect(field?.message.en).toMatch(/authorisation/);
    expect(await ownedBy(FILER.uid)).toBe(before);
  });

  it('records the filer and the authorisation; the applicant’s account reads it, others do not', async () => {
    formUpload = (await uploadPdf(FILER, 'to-khai.pdf')).uploadId;
    identityUpload = (await uploadPdf(FILER, 'can-cuoc.pdf')).uploadId;
    authorisationUpload = (await uploadPdf(FILER, 'giay-uy-quyen.pdf')).uploadId;
    const filer = { fullName: 'Trần Văn Bình', identity: { kind: 'citizenId' as const, number: '038085004321' }, phone: '0912000111', relation: 'authorised' as const, authorisationUploadIds: [authorisationUpload] };
    const res = await api('submitDossier', { body: judicialRecord(rid('filer'), { filer, identityUploadId: identityUpload, formUploadId: formUpload }) }, FILER);
    expect(res.status, res.text).toBe(201);
    dossierId = numbered(res).dossier.id;
    expect(numbered(res).dossier.principalUserId).toBe(principalUid);
    expect(numbered(res).dossier).not.toHaveProperty('filer');

    const mine = await api('getDossier', { params: { dossierId } }, FILER);
    expect(mine.body.dossier.filer).toMatchObject({ fullName: 'Trần Văn Bình', relation: 'authorised', authorisation: [{ id: authorisationUpload, sensitive: true }] });
    const principal = await api('getDossier', { params: { dossierId } }, { idToken: (await signInWithVneid('079190001234')).idToken });
    expect(principal.status, principal.text).toBe(200);
    expect(principal.body.dossier.applicant).toMatchObject({ fullName: 'Bùi Thị Mai' });
    expect((await api('getDossier', { params: { dossierId } }, IDENTITIES.citizenA)).status).toBe(404);
  });

  it('marks the ID-card copy and the authorisation sensitive, by component type', async () => {
    const [identity, authorisation, form] = await Promise.all([identityUpload, authorisationUpload, formUpload].map((id) => db.doc(`uploads/${id}`).get()));
    expect(identity!.get('sensitive')).toBe(true);
    expect(authorisation!.get('sensitive')).toBe(true);
    expect(form!.get('sensitive')).toBeUndefined();
    const personal = (await db.doc(`dossiers/${dossierId}/private/personal`).get()).data()!;
    const copy = (personal.components as { componentId: string; attachments: { sensitive?: boolean }[] }[]).find((c) => c.componentId === 'identity-copy');
    expect(copy?.attachments[0]?.sensitive).toBe(true);
  });

  it('keeps uploaded bytes encrypted at rest under a recorded key id', async () => {
    const record = (await db.doc(`uploads/${identityUpload}`).get()).data()!;
    expect(record.encryptionKeyId).toMatch(/^[A-Za-z0-9_-]+$/);
    const raw = await rawStore.get(record.storagePath as string);
    expect(raw?.bytes.subarray(0, 4).toString()).toBe('MCE1');
    expect(raw?.bytes.includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('serves a sensitive file to the officer handling the dossier and logs it; the data subject sees the log', async () => {
    const officer = await download('getUpload', { params: { uploadId: identityUpload } }, IDENTITIES.receptionistX);
    expect(officer.status).toBe(200);
    expect(officer.bytes.equals(minimalPdf())).toBe(true);
    // Administrators and monitors do not need ID-card images: refused as if there were no such file.
    expect((await download('getUpload', { params: { uploadId: identityUpload } }, IDENTITIES.admin)).status).toBe(404);
    expect((await download('getUpload', { params: { uploadId: identityUpload } }, IDENTITIES.monitor)).status).toBe(404);
    expect((await download('getUpload', { params: { uploadId: identityUpload } }, IDENTITIES.leadY)).status).toBe(404);
    // A non-sensitive file is served without an entry.
    expect((await download('getUpload', { params: { uploadId: formUpload } }, IDENTITIES.receptionistX)).status).toBe(200);

    const log = await db.collection('accessLogs').where('subjectUid', '==', FILER.uid).get();
    expect(log.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({ actorUid: IDENTITIES.receptionistX.uid, actorRole: 'receptionist', actorAgencyId: PROVINCE_DESK, uploadId: identityUpload, fileName: 'can-cuoc.pdf', dossierId }),
    ]);
    const privacy = await api('getPrivacy', {}, FILER);
    expect(privacy.body.accessLog).toEqual([expect.objectContaining({ uploadId: identityUpload, fileName: 'can-cuoc.pdf', actorRole: 'receptionist', actorAgencyId: PROVINCE_DESK, self: false })]);
    expect(JSON.stringify(privacy.body.accessLog)).not.toContain(IDENTITIES.receptionistX.uid);
  });
});

describe('a sensitive document sent as a supplement', () => {
  it('is marked sensitive like one sent with the application', async () => {
    const created = await api('submitDossier', { body: judicialRecord(rid('supp-sensitive')) }, FILER);
    expect(created.status, created.text).toBe(201);
    let d = { id: numbered(created).dossier.id, version: numbered(created).dossier.version };
    d = await act(d, IDENTITIES.receptionistX, {
      type: 'requestSupplement',
      items: [{ componentId: 'identity-copy', name: 'Bản chụp căn cước công dân', problem: 'Chưa có bản chụp' }],
      reason: 'Thiếu bản chụp căn cước',
    });
    const copy = (await uploadPdf(FILER, 'cccd-bo-sung.pdf')).uploadId;
    await act(d, FILER, { type: 'submitSupplement', components: [{ componentId: 'identity-copy', copies: 1, uploadIds: [copy] }] });
    expect((await db.doc(`uploads/${copy}`).get()).get('sensitive')).toBe(true);
    expect((await download('getUpload', { params: { uploadId: copy } }, IDENTITIES.admin)).status).toBe(404);
  });
});

describe('retention', () => {
  it('the nightly job erases uploads never attached (bytes too) and old drafts, and keeps the rest', async () => {
    const owner: TestIdentity = { uid: `retention-${RUN}` };
    const old = await uploadPdf(owner, 'bo-quen.pdf');
    const fresh = await uploadPdf(owner, 'moi.pdf');
    const now = Date.now();
    await db.doc(`uploads/${old.uploadId}`).update({ createdAt: new Date(now - 8 * 86_400_000) });
    const oldPath = (await db.doc(`uploads/${old.uploadId}`).get()).get('storagePath') as string;
    const oldDraft = await db.collection('drafts').add({ ownerUserId: owner.uid, procedureCode: '1.012792', createdAt: new Date(now - 100 * 86_400_000), updatedAt: new Date(now - 91 * 86_400_000) });
    const newDraft = await db.collection('drafts').add({ ownerUserId: owner.uid, procedureCode: '1.012792', createdAt: new Date(now), updatedAt: new Date(now) });
    const res = await runSchedule('purgeExpired', new Date(now).toISOString());
    expect(res.status).toBe(200);
    expect((await db.doc(`uploads/${old.uploadId}`).get()).exists).toBe(false);
    expect(await rawStore.get(oldPath)).toBeUndefined();
    expect((await db.doc(`uploads/${fresh.uploadId}`).get()).exists).toBe(true);
    expect((await oldDraft.get()).exists).toBe(false);
    expect((await newDraft.get()).exists).toBe(true);
    // Attached files stay with their dossier, however old.
    const attached = await db.collection('uploads').where('dossierId', '!=', null).limit(1).get();
    expect(attached.size).toBe(1);
  });
});
