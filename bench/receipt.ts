// How much a receipt (form 01) costs to render: the full A5 slip (header, fields, component table,
// QR code, signatures) against a bare one-page pdfkit document with the same font and one line of text,
// in the same run (ratio of medians; target ≤ 3×). Also the receipt's size (target ≤ 100 KB with the
// embedded font subset). Plain: no emulators.
import PDFDocument from 'pdfkit';
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
// Warm-up: module loading, font parsing caches, JIT.
for (let i = 0; i < 10; i++) {
  await barePage();
  await renderSlip(data);
}
// Interleave rounds so that a noisy neighbour hurts both sides alike.
const bare: number[] = [];
const receipt: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  bare.push(...(await timeEach(1, barePage)));
  receipt.push(...(await timeEach(1, () => renderSlip(data))));
}
const size = (await renderSlip(data)).length;
const bareSize = (await barePage()).length;
const ratio = median(receipt) / median(bare);

console.log(`rounds: ${ROUNDS} each, interleaved, medians`);
console.log(`bare one-page pdfkit document, same font, one line: ${ms(median(bare))}, ${(bareSize / 1024).toFixed(1)} KB`);
console.log(`receipt (form 01, 2 components, QR code):          ${ms(median(receipt))}, ${(size / 1024).toFixed(1)} KB`);
console.log(`targets: ≤ 3x a bare page, ≤ 100 KB`);
console.log(`receipt: ${ratio.toFixed(2)}x a bare page, ${(size / 1024).toFixed(1)} KB`);
