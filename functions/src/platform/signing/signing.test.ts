// PAdES signing and verification, checked by an independent verifier (poppler's pdfsig) as well as ours:
// a signed slip-like PDF, a scan, an uploaded PDF with compressed cross-references; determinism; a changed
// byte, bytes added after signing, a foreign CA, a missing key, a wrong passphrase, a signed PDF again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { PDFDocument as LibDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCa, issuePkcs12, type Ca } from '../../../../scripts/lib/test-ca.js';
import { pdfsig } from '../../../../test/support/pdfsig.js';
import { LocalFileStore } from '../file-store/index.js';
import { DeploymentSigner, imageToPdf, KeyFileError, keyPathOf, MissingSigningKey, Pkcs12Keyring, SigningError, TRUSTED_CAS_PATH, verifyPdfSignatures } from './index.js';

const PASSPHRASE = 'unit-test-passphrase';
const AGENCY = { kind: 'agency', agencyId: '000.00.01.H99' } as const;
const OFFICER = { kind: 'officer', userId: 'demo-receptionist-tinh' } as const;
/**
 * The signing instant: an hour ago, on a whole minute. Not a fixed date: the test CA issues certificates valid
 * from a day before they are made (scripts/lib/test-ca.ts), so a fixed instant falls outside them a day later.
 */
const AT = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
/** How pdfsig prints an instant: in the process's time zone, `Dec 03 2026 02:30:00`. */
const asPdfsig = (d: Date) => `${MONTHS[d.getMonth()]} ${two(d.getDate())} ${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;

let dir: string;
let ca: Ca;
let store: LocalFileStore;
let signer: DeploymentSigner;
let keyring: Pkcs12Keyring;

async function pdfkitPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: AT, ModDate: AT } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.text(text);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'signing-'));
  ca = await createCa('Unit Test Root CA');
  store = new LocalFileStore(dir);
  await store.put(TRUSTED_CAS_PATH, Buffer.from(ca.pem), 'application/x-pem-file');
  await store.put(keyPathOf(AGENCY), await issuePkcs12(ca, { commonName: 'Trung tâm Phục vụ hành chính công tỉnh Bình An', organisation: 'Tỉnh Bình An' }, PASSPHRASE), 'application/x-pkcs12');
  await store.put(keyPathOf(OFFICER), await issuePkcs12(ca, { commonName: 'Nguyễn Thị Hồng', organisation: 'Trung tâm PVHCC' }, PASSPHRASE), 'application/x-pkcs12');
  keyring = new Pkcs12Keyring(store, PASSPHRASE);
  signer = new DeploymentSigner(keyring, 'Bình An');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PAdES signatures', () => {
  it('signs with the agency certificate: pdfsig finds a valid ETSI.CAdES.detached signature over the whole file', async () => {
    const signed = await signer.sign(await pdfkitPdf('Giấy tiếp nhận hồ sơ'), { as: AGENCY, reason: 'Phiếu mẫu 01', signedAt: AT });
    expect(signed.signer.name).toBe('Trung tâm Phục vụ hành chính công tỉnh Bình An');
    const [report, ...others] = pdfsig(signed.bytes);
    expect(others).toEqual([]);
    expect(report).toMatchObject({
      commonName: 'Trung tâm Phục vụ hành chính công tỉnh Bình An',
      type: 'ETSI.CAdES.detached',
      validation: 'Signature is Valid.',
      coverage: 'Total document signed',
    });
    // pdfsig prints the signing time in UTC: the /M entry the signer was given.
    expect(report!.signingTime).toBe(asPdfsig(AT));
    const [ours] = verifyPdfSignatures(signed.bytes, await keyring.trustedCas());
    expect(ours).toMatchObject({ intact: true, coversWholeDocument: true, trusted: true, problem: null, signedAt: AT });
    expect(ours!.signer).toMatchObject({ name: 'Trung tâm Phục vụ hành chính công tỉnh Bình An', issuer: 'Unit Test Root CA' });
  });

  it('is deterministic: the same bytes signed at the same time give the same file (slip replays)', async () => {
    const pdf = await pdfkitPdf('Phiếu');
    const a = await signer.sign(pdf, { as: AGENCY, reason: 'r', signedAt: AT });
    const b = await signer.sign(pdf, { as: AGENCY, reason: 'r', signedAt: AT });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const c = await signer.sign(pdf, { as: AGENCY, reason: 'r', signedAt: new Date(AT.getTime() + 1000) });
    expect(c.bytes.equals(a.bytes)).toBe(false);
  });

  it('detects a byte changed after signing (pdfsig: digest mismatch; ours: invalid)', async () => {
    const signed = (await signer.sign(await pdfkitPdf('Kết quả'), { as: AGENCY, reason: 'r', signedAt: AT })).bytes;
    // A byte inside the first signed range, in the page content.
    const at = signed.indexOf('stream') + 20;
    const tampered = Buffer.from(signed);
    tampered[at] = tampered[at]! ^ 0x01;
    expect(pdfsig(tampered)[0]!.validation).toBe('Digest Mismatch.');
    expect(verifyPdfSignatures(tampered, await keyring.trustedCas())[0]).toMatchObject({ intact: false, problem: 'digest-mismatch' });
    // The untouched file still verifies: the test changed exactly what it claims.
    expect(pdfsig(signed)[0]!.validation).toBe('Signature is Valid.');
  });

  it('detects bytes appended after signing', async () => {
    const signed = (await signer.sign(await pdfkitPdf('Kết quả'), { as: AGENCY, reason: 'r', signedAt: AT })).bytes;
    const extended = Buffer.concat([signed, Buffer.from('\n% added later\n')]);
    expect(pdfsig(extended)[0]!.coverage).toBe('Not total document signed');
    expect(verifyPdfSignatures(extended, await keyring.trustedCas())[0]).toMatchObject({ intact: true, coversWholeDocument: false, problem: 'not-whole-document' });
  });

  it('calls a signature by another CA intact but untrusted', async () => {
    const other = await createCa('Some Other CA');
    const otherStore = new LocalFileStore(join(dir, 'other'));
    await otherStore.put(keyPathOf(AGENCY), await issuePkcs12(other, { commonName: 'Impostor', organisation: 'Nowhere' }, PASSPHRASE), 'application/x-pkcs12');
    const forged = await new DeploymentSigner(new Pkcs12Keyring(otherStore, PASSPHRASE), 'x').sign(await pdfkitPdf('x'), { as: AGENCY, reason: 'r', signedAt: AT });
    expect(pdfsig(forged.bytes)[0]!.validation).toBe('Signature is Valid.');
    expect(verifyPdfSignatures(forged.bytes, await keyring.trustedCas())[0]).toMatchObject({ intact: true, trusted: false, problem: 'untrusted' });
  });

  it('signs a scanned image as a one-page PDF with the officer certificate', async () => {
    const png = new PNG({ width: 40, height: 20 });
    png.data.fill(200);
    const pdf = await imageToPdf(PNG.sync.write(png), AT);
    const signed = await signer.sign(pdf, { as: OFFICER, reason: 'Bản số hóa', signedAt: AT });
    expect(pdfsig(signed.bytes)[0]).toMatchObject({ commonName: 'Nguyễn Thị Hồng', validation: 'Signature is Valid.' });
  });

  it('signs an uploaded PDF written with compressed cross-reference streams', async () => {
    const doc = await LibDocument.create();
    doc.addPage().drawText('Quyet dinh', { font: await doc.embedFont(StandardFonts.Helvetica) });
    const compressed = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(compressed.includes('/XRef')).toBe(true);
    const signed = await signer.sign(compressed, { as: AGENCY, reason: 'r', signedAt: AT });
    expect(pdfsig(signed.bytes)[0]).toMatchObject({ validation: 'Signature is Valid.', coverage: 'Total document signed' });
  });

  it('refuses to sign a signed PDF again (that would break the first signature)', async () => {
    const signed = (await signer.sign(await pdfkitPdf('x'), { as: AGENCY, reason: 'r', signedAt: AT })).bytes;
    await expect(signer.sign(signed, { as: AGENCY, reason: 'r', signedAt: AT })).rejects.toMatchObject({ name: 'SigningError', reason: 'already-signed' });
    await expect(signer.sign(Buffer.from('%PDF-1.7\nnot really'), { as: AGENCY, reason: 'r', signedAt: AT })).rejects.toBeInstanceOf(SigningError);
  });

  it('reports a signer without a key, and a wrong passphrase', async () => {
    await expect(signer.sign(await pdfkitPdf('x'), { as: { kind: 'officer', userId: 'nobody' }, reason: 'r', signedAt: AT })).rejects.toBeInstanceOf(MissingSigningKey);
    const wrong = new DeploymentSigner(new Pkcs12Keyring(store, 'not-the-passphrase'), 'x');
    await expect(wrong.sign(await pdfkitPdf('x'), { as: AGENCY, reason: 'r', signedAt: AT })).rejects.toBeInstanceOf(KeyFileError);
  });

  it('finds no signature in an unsigned PDF', async () => {
    expect(verifyPdfSignatures(await pdfkitPdf('x'), await keyring.trustedCas())).toEqual([]);
    expect(pdfsig(await pdfkitPdf('x'))).toEqual([]);
  });
});
