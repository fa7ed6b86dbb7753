// The electronic result the system produces when the officer uploads none: an A4 page with the national
// header, the issuing agency, the document code, the holder, the minimum fields of Decree 118 Art. 22
// (type, holder, name, summary, validity, scope), and a QR code to the verification page. It is then
// signed with the agency's certificate, which is what makes it the agency's. Pinned dates: the same
// input gives the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatLocalDateTime } from '../../domain/time/local-time.js';

const require = createRequire(import.meta.url);
// The slips' font (Noto Sans covers all of Vietnamese), read once per instance.
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontBytes() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
  };
  return fonts;
}

export type ResultPdfData = {
  agencyName: string;
  parentName?: string;
  documentCode: string;
  typeCode: string;
  typeName: string;
  title: string;
  summary: string;
  holder: { name: string; idNumber: string };
  validFrom: string | null;
  validUntil: string | null;
  scope: string;
  procedureName: string;
  issuedAt: Date;
  verifyUrl: string;
  verifyCode: string;
};

/** A character the font lacks would print as a blank box: refused before anything is drawn. */
export class ResultGlyphError extends Error {
  override name = 'ResultGlyphError';
  constructor(readonly text: string) {
    super(`the result font cannot print ${JSON.stringify(text)}`);
  }
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export async function renderResult(d: ResultPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: d.title, Producer: 'motcua', Creator: 'motcua', CreationDate: d.issuedAt, ModDate: d.issuedAt },
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const f = fontBytes();
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  const font = (doc.font('regular') as unknown as { _font?: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font?.font;
  const check = (text: string) => {
    for (const ch of text) if (font && !/\s/.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) throw new ResultGlyphError(text);
    return text;
  };
  const width = doc.page.width - 112;
  const row = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(check(value), { width });
    doc.moveDown(0.3);
  };

  doc.font('regular').fontSize(10);
  const top = doc.y;
  doc.text(check((d.parentName ?? '').toUpperCase()), 56, top, { width: 220, align: 'center' });
  doc.font('bold').text(check(d.agencyName.toUpperCase()), { width: 220, align: 'center' });
  doc.font('bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, top, { width: 240, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: 240, align: 'center' });
  doc.moveDown(3);
  doc.x = 56;
  doc.font('bold').fontSize(15).text(check(d.title.toUpperCase()), { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(10).text(`Số: ${check(d.documentCode)}`, { width, align: 'center' });
  doc.moveDown(1.5);
  row('Loại kết quả', `${d.typeName} (mã ${d.typeCode})`);
  row('Thủ tục hành chính', d.procedureName);
  row('Chủ thể được cấp', `${d.holder.name} — số định danh ${d.holder.idNumber}`);
  row('Trích yếu nội dung', d.summary);
  row('Hiệu lực', d.validFrom || d.validUntil ? `${d.validFrom ? `từ ngày ${vnDate(d.validFrom)}` : ''}${d.validFrom && d.validUntil ? ' ' : ''}${d.validUntil ? `đến ngày ${vnDate(d.validUntil)}` : ''}` : 'không thời hạn');
  row('Phạm vi sử dụng', d.scope);
  row('Thời điểm ban hành', formatLocalDateTime(d.issuedAt.getTime()));
  doc.moveDown(1);
  doc.font('regular').fontSize(9).text('Văn bản điện tử được ký số bằng chứng thư số của cơ quan ban hành (Nghị định 118/2025/NĐ-CP, Điều 22). Kiểm tra chữ ký và tính toàn vẹn tại địa chỉ dưới đây hoặc quét mã QR.', { width });
  doc.text(`${d.verifyUrl}  (mã kiểm tra ${d.verifyCode})`, { width });
  const qr = await QRCode.toBuffer(d.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  doc.image(qr, doc.page.width - 56 - 100, doc.y + 10, { width: 100 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
