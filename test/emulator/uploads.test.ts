// Attachments through the real Emulator Suite: Hosting rewrite → `api` function → Firestore and the
// local FileStore (the Storage emulator cannot run here). Every refusal is checked for the one error
// shape and for leaving nothing behind, in Firestore and in the file store.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../functions/src/platform/api-error.js';
import { LocalFileStore, localFileStoreRoot, parseKeyring } from '../../functions/src/platform/file-store/index.js';
import { decryptObject } from '../../functions/src/platform/file-store/encrypting-file-store.js';
import { devSecret } from '../../scripts/lib/emulator-env.js';
import { attachUploads, loadUploadsForSubmission } from '../../functions/src/store/attach-uploads.js';
import type { ApiErrorBody, UploadedFile } from '../../functions/src/contract/index.js';
import { minimalJpeg, minimalPdf, minimalPng, MULTIPART_TYPE, multipartBody, type Part } from '../fixtures/files.js';
import { download as downloadRoute, postBytes, upload, type Caller } from '../support/api.js';
import { admin } from '../support/emulators.js';
import { IDENTITIES, type TestIdentity } from '../support/identity.js';

const { db } = admin();
const store = new LocalFileStore(localFileStoreRoot());
const devKeyring = parseKeyring(devSecret('FILE_ENCRYPTION_KEYS'));

// Owners of their own, so other test files' uploads never mix into the counts checked here.
const OWNER: TestIdentity = { uid: 'test-uploads-owner' };
const REFUSED: TestIdentity = { uid: 'test-uploads-refused' };
const QUOTA: TestIdentity = { uid: 'test-uploads-quota' };
const FUZZ: TestIdentity = { uid: 'test-uploads-fuzz' };
const MINE = [OWNER, REFUSED, QUOTA, FUZZ].map((i) => i.uid);
const DOSSIER_ID = 'test-uploads-dossier-x';

/** Bytes sent as they are, for malformed bodies and wrong content types (the untyped escape hatch). */
const post = (identity: TestIdentity | undefined, body: Buffer | string, contentType = MULTIPART_TYPE) => postBytes('/uploads', identity, body, contentType);
const download = (identity: Caller | undefined, uploadId: string) => downloadRoute('getUpload', { params: { uploadId } }, identity);

/** Any answer of the API: its status, headers and (on a refusal) the error body. */
type Answered = { status: number; headers: Headers; body: Partial<ApiErrorBody> };

function expectError(res: Answered, status: number, code: string): ApiErrorBody {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const { error } = res.body;
  if (!error) throw new Error(`no error body in a ${res.status} answer`);
  expect(error.code).toBe(code);
  expect(error.message.vi.length).toBeGreaterThan(0);
  expect(error.message.en.length).toBeGreaterThan(0);
  expect(Array.isArray(error.fields)).toBe(true);
  return { error };
}

/** What an owner has in Firestore and in the file store. */
async function footprint(uid: string): Promise<{ docs: number; files: number }> {
  const docs = (await db.collection('uploads').where('ownerUserId', '==', uid).get()).size;
  const dir = join(store.rootDir, 'objects', 'uploads', uid);
  return { docs, files: existsSync(dir) ? readdirSync(dir).length : 0 };
}

/** Removes an owner's uploads; the whole folder, since the file store outlives an emulator run. */
async function clearOwner(uid: string): Promise<void> {
  const snaps = await db.collection('uploads').where('ownerUserId', '==', uid).get();
  await Promise.all(snaps.docs.map((d) => d.ref.delete()));
  for (const tree of ['objects', 'meta']) rmSync(join(store.rootDir, tree, 'uploads', uid), { recursive: true, force: true });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  await Promise.all(MINE.map(clearOwner));
  await db.doc(`dossiers/${DOSSIER_ID}`).delete();
});

describe('authorization', () => {
  it('refuses anonymous uploads and downloads with 401, writing nothing', async () => {
    expectError(await upload(undefined, [{ name: 'file', fileName: 'a.pdf', bytes: minimalPdf() }]), 401, 'unauthenticated');
    expectError(await download(undefined, 'anything'), 401, 'unauthenticated');
    const badToken = await upload({ idToken: 'not-a-token' }, [{ name: 'file', fileName: 'a.pdf', bytes: minimalPdf() }]);
    expectError(badToken, 401, 'unauthenticated');
  });
});

describe('POST /api/uploads then GET /api/uploads/:id', () => {
  let uploaded: UploadedFile[];
  const files = { pdf: minimalPdf(), jpeg: minimalJpeg(), png: minimalPng() };

  beforeAll(async () => {
    const res = await upload(OWNER, [
      { name: 'draftId', value: 'test-uploads-draft' },
      { name: 'file', fileName: 'Đơn đề nghị.pdf', contentType: 'application/pdf', bytes: files.pdf },
      { name: 'file', fileName: 'ảnh chân dung.jpg', contentType: 'image/jpeg', bytes: files.jpeg },
      { name: 'file', fileName: 'sơ đồ', contentType: 'application/octet-stream', bytes: files.png },
    ]);
    expect(res.status, res.text).toBe(201);
    uploaded = res.body.uploads;
  });

  it('answers each file with its detected type, size and SHA-256', () => {
    expect(uploaded.map(({ fileName, contentType, size, sha256: h }) => ({ fileName, contentType, size, sha256: h }))).toEqual([
      { fileName: 'Đơn đề nghị.pdf', contentType: 'application/pdf', size: files.pdf.length, sha256: sha256(files.pdf) },
      { fileName: 'ảnh chân dung.jpg', contentType: 'image/jpeg', size: files.jpeg.length, sha256: sha256(files.jpeg) },
      { fileName: 'sơ đồ.png', contentType: 'image/png', size: files.png.length, sha256: sha256(files.png) },
    ]);
    expect(new Set(uploaded.map((u) => u.uploadId)).size).toBe(3);
  });

  it('records each upload in Firestore, pending, and its bytes in the file store', async () => {
    for (const [i, bytes] of [files.pdf, files.jpeg, files.png].entries()) {
      const u = uploaded[i]!;
      const doc = (await db.doc(`uploads/${u.uploadId}`).get()).data()!;
      expect(doc).toMatchObject({
        ownerUserId: OWNER.uid,
        fileName: u.fileName,
        contentType: u.contentType,
        size: bytes.length,
        sha256: sha256(bytes),
        storagePath: `uploads/${OWNER.uid}/${u.uploadId}`,
        dossierId: null,
        draftId: 'test-uploads-draft',
      });
      expect((doc.createdAt as { toDate(): Date }).toDate().getTime()).toBeGreaterThan(Date.now() - 60_000);
      // At rest the bytes are encrypted (AES-256-GCM, platform/file-store/encrypting-file-store.ts).
      const stored = await store.get(doc.storagePath as string);
      expect(stored?.bytes.equals(bytes)).toBe(false);
      expect(doc.encryptionKeyId).toBe(devKeyring.currentId);
      expect(decryptObject(devKeyring, doc.storagePath as string, stored!.bytes).equals(bytes)).toBe(true);
    }
  });

  it('gives the owner the exact bytes with safe download headers', async () => {
    for (const [i, bytes] of [files.pdf, files.jpeg, files.png].entries()) {
      const u = uploaded[i]!;
      const res = await download(OWNER, u.uploadId);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(u.contentType);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; /);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe(u.fileName);
      expect(sha256(res.bytes)).toBe(sha256(bytes));
    }
  });

  it('answers 404 to everyone else while the upload is pending, as for a missing id', async () => {
    const id = uploaded[0]!.uploadId;
    for (const who of [IDENTITIES.citizenB, IDENTITIES.receptionistX, IDENTITIES.handlerY, IDENTITIES.monitor]) {
      expectError(await download(who, id), 404, 'not-found');
    }
    expectError(await download(OWNER, 'no-such-upload-id'), 404, 'not-found');
    expectError(await download(OWNER, 'bad.id'), 400, 'invalid-argument');
  });

  it('once attached: officers of an agency of the dossier and admins may read; other agencies and monitors may not', async () => {
    await db.doc(`dossiers/${DOSSIER_ID}`).set({ agencyIds: ['000.00.01.H99'], ownerUserId: OWNER.uid });
    const ids = [uploaded[1]!.uploadId];
    await db.runTransaction(async (tx) => {
      const attachments = await loadUploadsForSubmission(db, OWNER.uid, ids, tx);
      expect(attachments.map((a) => a.id)).toEqual(ids);
      attachUploads(tx, ids, DOSSIER_ID, db);
    });
    expect((await db.doc(`uploads/${ids[0]}`).get()).get('dossierId')).toBe(DOSSIER_ID);
    for (const who of [OWNER, IDENTITIES.receptionistX, IDENTITIES.leadX, IDENTITIES.admin]) {
      expect((await download(who, ids[0]!)).status).toBe(200);
    }
    for (const who of [IDENTITIES.handlerY, IDENTITIES.leadY, IDENTITIES.monitor, IDENTITIES.citizenB]) {
      expectError(await download(who, ids[0]!), 404, 'not-found');
    }
  });

  it('neutralises a path in the file name: the name is a label, the storage path is the server’s', async () => {
    const res = await upload(OWNER, [{ name: 'file', fileName: '../../../../etc/passwd.pdf', bytes: minimalPdf() }]);
    expect(res.status).toBe(201);
    const [u] = res.body.uploads;
    expect(u!.fileName).toBe('passwd.pdf');
    expect((await db.doc(`uploads/${u!.uploadId}`).get()).get('storagePath')).toBe(`uploads/${OWNER.uid}/${u!.uploadId}`);
    const backslashes = await upload(OWNER, [{ name: 'file', fileName: '..\\..\\x.pdf', bytes: minimalPdf() }]);
    expect(backslashes.body.uploads[0]!.fileName).toBe('x.pdf');
  });
});

describe('refusals leave nothing behind', () => {
  const refusedWith = async (status: number, code: string, send: () => Promise<Answered>) => {
    const before = await footprint(REFUSED.uid);
    const body = expectError(await send(), status, code);
    expect(await footprint(REFUSED.uid)).toEqual(before);
    return body;
  };

  it('a file over 10 MB → 413, even after a valid one in the same request', async () => {
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024)]);
    await refusedWith(413, 'payload-too-large', () =>
      upload(REFUSED, [
        { name: 'file', fileName: 'ok.png', bytes: minimalPng() },
        { name: 'file', fileName: 'big.pdf', bytes: big },
      ]),
    );
  });

  it('a PNG declared as PDF, a text file renamed .pdf, a PDF named .jpg → 415', async () => {
    const cases: Part[] = [
      { name: 'file', fileName: 'scan.pdf', contentType: 'application/pdf', bytes: minimalPng() },
      { name: 'file', fileName: 'notes.pdf', contentType: 'application/pdf', bytes: Buffer.from('Xin chào, đây là văn bản.\n') },
      { name: 'file', fileName: 'photo.jpg', contentType: 'application/octet-stream', bytes: minimalPdf() },
    ];
    for (const part of cases) {
      const body = await refusedWith(415, 'unsupported-media-type', () => upload(REFUSED, [part]));
      expect(body.error.fields[0]?.path).toBe('file.0');
    }
  });

  it('polyglots (right first bytes, a web page inside) → 415 naming the file, in both languages', async () => {
    // The attack of issue 12 (finding 13): "%PDF-" then HTML passed the old first-bytes check.
    const page = Buffer.from('<html><body><script>fetch("/api/dossiers").then(r => r.text()).then(alert)</script></body></html>\n');
    const cases: [Extract<Part, { fileName: string }>, string][] = [
      [{ name: 'file', fileName: 'Tờ khai.pdf', contentType: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), page]) }, 'PDF'],
      [{ name: 'file', fileName: 'giay-to.pdf', contentType: 'application/pdf', bytes: Buffer.concat([minimalPdf(), Buffer.alloc(2048, 0x0a), page]) }, 'PDF'],
      [{ name: 'file', fileName: 'anh-the.png', contentType: 'image/png', bytes: Buffer.concat([minimalPng(), page]) }, 'PNG'],
    ];
    for (const [part, label] of cases) {
      const body = await refusedWith(415, 'unsupported-media-type', () => upload(REFUSED, [{ name: 'file', fileName: 'ok.jpg', bytes: minimalJpeg() }, part]));
      expect(body.error.message.vi).toContain(`Tệp "${part.fileName}" không phải là tệp ${label} hợp lệ`);
      expect(body.error.message.en).toContain(`"${part.fileName}" is not a valid ${label} file`);
      expect(body.error.fields[0]?.path).toBe('file.1');
    }
  });

  it('malformed multipart, no file, an empty file, a wrong content type → 400', async () => {
    const pdfPart: Part = { name: 'file', fileName: 'a.pdf', bytes: minimalPdf() };
    await refusedWith(400, 'invalid-argument', () => post(REFUSED, multipartBody([pdfPart]).subarray(0, 150)));
    await refusedWith(400, 'invalid-argument', () => post(REFUSED, multipartBody([pdfPart]), 'multipart/form-data'));
    await refusedWith(400, 'invalid-argument', () => upload(REFUSED, [{ name: 'draftId', value: 'd-1' }]));
    await refusedWith(400, 'invalid-argument', () => upload(REFUSED, [{ ...pdfPart, bytes: Buffer.alloc(0) }]));
    await refusedWith(400, 'invalid-argument', () => post(REFUSED, JSON.stringify({ file: 'JVBERi0=' }), 'application/json'));
    await refusedWith(400, 'invalid-argument', () => upload(REFUSED, [{ name: 'draftId', value: '../../x' }, pdfPart]));
  });

  it('the pending total of one owner stays within 50 MB', async () => {
    // Stands for earlier uploads not yet attached (the bytes do not matter for the count).
    await db.doc('uploads/test-uploads-quota-seed').set({
      ownerUserId: QUOTA.uid,
      fileName: 'earlier.pdf',
      contentType: 'application/pdf',
      size: 50 * 1024 * 1024 - 100,
      sha256: 'a'.repeat(64),
      storagePath: `uploads/${QUOTA.uid}/test-uploads-quota-seed`,
      createdAt: new Date(),
      dossierId: null,
    });
    const before = await footprint(QUOTA.uid);
    expectError(await upload(QUOTA, [{ name: 'file', fileName: 'more.pdf', bytes: minimalPdf() }]), 413, 'payload-too-large');
    expect(await footprint(QUOTA.uid)).toEqual(before);
    // Once attached to a dossier it no longer counts.
    await db.doc('uploads/test-uploads-quota-seed').update({ dossierId: 'test-uploads-dossier-q' });
    expect((await upload(QUOTA, [{ name: 'file', fileName: 'more.pdf', bytes: minimalPdf() }])).status).toBe(201);
  });

  it('concurrent uploads cannot together pass the pending limit: room for one, eight tries, one wins', async () => {
    await clearOwner(QUOTA.uid);
    const pdf = minimalPdf();
    await db.doc('uploads/test-uploads-quota-seed').set({
      ownerUserId: QUOTA.uid,
      fileName: 'earlier.pdf',
      contentType: 'application/pdf',
      size: 50 * 1024 * 1024 - Math.floor(pdf.length * 1.5),
      sha256: 'a'.repeat(64),
      storagePath: `uploads/${QUOTA.uid}/test-uploads-quota-seed`,
      createdAt: new Date(),
      dossierId: null,
    });
    const results = await Promise.all(Array.from({ length: 8 }, () => upload(QUOTA, [{ name: 'file', fileName: 'race.pdf', bytes: pdf }])));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 413, 413, 413, 413, 413, 413, 413]);
    expect(await footprint(QUOTA.uid)).toEqual({ docs: 2, files: 1 });
  });
});

describe('loadUploadsForSubmission', () => {
  const uploadOne = async (identity: TestIdentity) => {
    const res = await upload(identity, [{ name: 'file', fileName: 'a.png', bytes: minimalPng() }]);
    return res.body.uploads[0]!.uploadId;
  };
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
    );

  it('returns attachments of the owner, and refuses others’, missing, duplicate and attached ones', async () => {
    const mine = await uploadOne(OWNER);
    const theirs = await uploadOne(FUZZ);
    const [attachment] = await loadUploadsForSubmission(db, OWNER.uid, [mine]);
    // Who put the file in, and when: the desk officer who scanned a paper, or the applicant (Decree 118 Art. 17.1).
    expect(attachment).toEqual({
      id: mine,
      fileName: 'a.png',
      contentType: 'image/png',
      size: minimalPng().length,
      sha256: sha256(minimalPng()),
      uploadedBy: OWNER.uid,
      uploadedAt: expect.any(Date) as Date,
    });
    expect(await loadUploadsForSubmission(db, OWNER.uid, [])).toEqual([]);
    expect(await codeOf(loadUploadsForSubmission(db, OWNER.uid, [theirs]))).toBe('invalid-argument');
    expect(await codeOf(loadUploadsForSubmission(db, OWNER.uid, ['missing-upload']))).toBe('invalid-argument');
    expect(await codeOf(loadUploadsForSubmission(db, OWNER.uid, ['../x']))).toBe('invalid-argument');
    expect(await codeOf(loadUploadsForSubmission(db, OWNER.uid, [mine, mine]))).toBe('invalid-argument');
    await db.runTransaction(async (tx) => attachUploads(tx, [mine], 'test-uploads-dossier-y', db));
    expect(await codeOf(loadUploadsForSubmission(db, OWNER.uid, [mine]))).toBe('conflict');
  });

  it('refuses more than 50 MB for one dossier', async () => {
    const ids = ['test-uploads-big-1', 'test-uploads-big-2'];
    await Promise.all(
      ids.map((id) =>
        db.doc(`uploads/${id}`).set({
          ownerUserId: FUZZ.uid,
          fileName: `${id}.pdf`,
          contentType: 'application/pdf',
          size: 10 * 1024 * 1024,
          sha256: 'b'.repeat(64),
          storagePath: `uploads/${FUZZ.uid}/${id}`,
          createdAt: new Date(),
          dossierId: null,
        }),
      ),
    );
    expect(await loadUploadsForSubmission(db, FUZZ.uid, ids)).toHaveLength(2);
    const many = Array.from({ length: 6 }, (_, i) => `test-uploads-big-${i + 1}`);
    await Promise.all(
      many.slice(2).map((id) => db.doc(`uploads/${ids[0]}`).get().then((s) => db.doc(`uploads/${id}`).set({ ...s.data(), fileName: `${id}.pdf` }))),
    );
    expect(await codeOf(loadUploadsForSubmission(db, FUZZ.uid, many))).toBe('payload-too-large');
    await Promise.all(many.map((id) => db.doc(`uploads/${id}`).delete()));
  });
});

describe('generated garbage', () => {
  const unchanged = async (send: () => Promise<{ status: number; text: string }>) => {
    const before = await footprint(FUZZ.uid);
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = JSON.parse(res.text) as ApiErrorBody;
    expect(Object.keys(body)).toEqual(['error']);
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message.vi).toBe('string');
    expect(typeof body.error.message.en).toBe('string');
    expect(Array.isArray(body.error.fields)).toBe(true);
    expect(await footprint(FUZZ.uid)).toEqual(before);
  };

  it('random bytes sent as multipart: never a 500, always the error shape, nothing written', async () => {
    const boundary = fc.constantFrom(MULTIPART_TYPE, 'multipart/form-data; boundary=x', 'multipart/form-data; boundary="a b"');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3000 }), boundary, async (bytes, type) =>
        unchanged(() => post(FUZZ, Buffer.from(bytes), type)),
      ),
      { numRuns: 40 },
    );
  });

  it('multipart with garbled parts (random names, types, bytes): refused or accepted, never a 500', async () => {
    const part = fc.record({
      name: fc.constantFrom('file', 'draftId', 'other'),
      fileName: fc.string({ maxLength: 40 }),
      contentType: fc.constantFrom('application/pdf', 'image/png', 'text/plain', 'application/octet-stream'),
      bytes: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 3 }), async (parts) => {
        // Without a valid signature no file can be accepted, so every request must be refused.
        const safe = parts.map((p) => ({ ...p, fileName: p.fileName.replace(/["\r\n]/g, '') }));
        await unchanged(() => upload(FUZZ, safe));
      }),
      { numRuns: 30 },
    );
  });

  it('random JSON: never a 500, always the error shape, nothing written', async () => {
    const json = fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()));
    await fc.assert(
      fc.asyncProperty(json, async (value) => unchanged(() => post(FUZZ, JSON.stringify(value), 'application/json'))),
      { numRuns: 30 },
    );
  });
});
