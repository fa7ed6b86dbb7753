// How much a receipt (form 01) costs to render: the full A5 slip (header, fields, component table,
// QR code, signatures) against a bare one-page pdfkit document with the same font and one line of text,
// in the same run (ratio of medians; target ≤ 3×). Also the receipt's size (target ≤ 100 KB with the
// embedded font subset). And the signed receipt as the slip worker stores it (render + PAdES signature
// with the receiving agency's key of the local test CA): its time as a ratio of the unsigned render
// (target ≤ 2×). Plain: no emulators (the keys are read from the local file store).
import PDFDocument from 'pdfkit';
import { LocalFileStore, localFileStoreRoot } from '../functions/src/platform/file-store/index.js';
import { deploymentSigner, hasSignature } from '../functions/src/platform/signing/index.js';
import { agencySlipSigner } from '../functions/src/features/slips/slip-signer.js';
import { devSigningPassphrase } from '../scripts/lib/test-ca.js';
import { renderSlip } from '../functions/src/features/slips/render-slip.js';
import { receiptFixture } from '../test/fixtures/slips.js';
import { fontBytes } from '../functions/src/features/slips/slip-font.js';
import { median, ms, timeEach } from './_stats.js';

const ROUNDS = 60;

function barePage(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', info: { CreationDate: new Date(0), ModDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', fontBytes('regular'));
    doc.font('regular').fontSize(9).text('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    doc.end();
  });
}

const data = receiptFixture();
// The slip worker's signer; the key file is opened on the first call (warm-up), then reused as in an instance.
const signer = agencySlipSigner(
  deploymentSigner(new LocalFileStore(localFileStoreRoot()), devSigningPassphrase(), 'Tỉnh Bình An'),
);
const meta = {
  dossierId: 'bench',
  form: '01',
  version: 2,
  signedAt: data.issuedAt,
  agencyId: '000.00.01.H99',
};
const signedReceipt = async () => {
  const signed = await signer.sign(await renderSlip(data), meta);
  // A deployment with signing off hands back the unsigned PDF: measuring that would be no measure at all.
  if (signed.signer === null || !hasSignature(signed.bytes))
    throw new Error('the receipt came back unsigned: is SIGNING_KEY_PASSPHRASE set and the test CA issued?');
  return signed.bytes;
};
// The signing step alone, on a receipt rendered once: the signature's own cost, less noisy than the
// difference of two renders.
const rendered = await renderSlip(data);
const signOnly = async () => (await signer.sign(rendered, meta)).bytes;
// Warm-up: module loading, font parsing caches, JIT.
for (let i = 0; i < 10; i++) {
  await barePage();
  await renderSlip(data);
  await signedReceipt();
  await signOnly();
}
// Interleave rounds so that a noisy neighbour hurts every side alike.
const bare: number[] = [];
const receipt: number[] = [];
const signed: number[] = [];
const signing: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  bare.push(...(await timeEach(1, barePage)));
  receipt.push(...(await timeEach(1, () => renderSlip(data))));
  signed.push(...(await timeEach(1, signedReceipt)));
  signing.push(...(await timeEach(1, signOnly)));
}
const size = (await renderSlip(data)).length;
const signedSize = (await signedReceipt()).length;
const bareSize = (await barePage()).length;
const ratio = median(receipt) / median(bare);
const signedRatio = median(signed) / median(receipt);
const signingShare = median(signing) / median(receipt);

console.log(`rounds: ${ROUNDS} each, interleaved, medians`);
console.log(
  `bare one-page pdfkit document, same font, one line: ${ms(median(bare))}, ${(bareSize / 1024).toFixed(1)} KB`,
);
console.log(
  `receipt (form 01, 2 components, QR code):          ${ms(median(receipt))}, ${(size / 1024).toFixed(1)} KB`,
);
console.log(
  `signed receipt (render + PAdES, agency key):        ${ms(median(signed))}, ${(signedSize / 1024).toFixed(1)} KB`,
);
console.log(`signing step alone (a rendered receipt):           ${ms(median(signing))}`);
console.log(`targets: ≤ 3x a bare page, ≤ 100 KB; signed ≤ 2x the unsigned render`);
console.log(
  `receipt: ${ratio.toFixed(2)}x a bare page, ${(size / 1024).toFixed(1)} KB; signed ${signedRatio.toFixed(2)}x the unsigned render (signing step alone ${signingShare.toFixed(2)}x)`,
);
