// A scanned image (JPEG, PNG) as a one-page PDF, so that it can carry a PAdES signature like any scanned
// PDF (an image file has no place for one). The page is A4 in the image's orientation with the image fitted
// inside a small margin; the JPEG bytes are embedded as they are (no re-compression, no quality lost).
import PDFDocument from 'pdfkit';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 14;

export async function imageToPdf(image: Buffer, at: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    // Pinned dates keep the output the same for the same image (pdfkit's file ID hashes the info).
    info: { Title: 'Bản số hóa / scan', Producer: 'motcua', Creator: 'motcua', CreationDate: at, ModDate: at },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // Loaded on demand, like the upload checks do: most requests never need libvips.
  const { default: sharp } = await import('sharp');
  const { width = 1, height = 1 } = await sharp(image).metadata();
  const landscape = width > height;
  const page = landscape ? { width: A4.height, height: A4.width } : A4;
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  doc.image(image, MARGIN, MARGIN, { fit: [page.width - 2 * MARGIN, page.height - 2 * MARGIN], align: 'center', valign: 'center' });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
