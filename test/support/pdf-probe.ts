// Test support: reads a rendered PDF back the way a person or a phone would — its text (poppler's
// pdftotext), page 1 as an image (pdftoppm) and the QR code in that image (jsQR). The poppler tools are
// required: without them the tests fail with this message instead of being skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with an ES `default` export; depending on the loader it arrives wrapped or not.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;

function run(tool: 'pdftotext' | 'pdftoppm', args: string[]): Buffer {
  try {
    return execFileSync(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: the slip tests need poppler-utils (apt-get install poppler-utils)`);
    }
    throw err;
  }
}

function withFile<T>(pdf: Buffer, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'slip-'));
  try {
    const path = join(dir, 'slip.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text as `pdftotext -layout` lays it out. */
export const pdfText = (pdf: Buffer): string => withFile(pdf, (path) => run('pdftotext', ['-layout', path, '-']).toString('utf8'));

export type WordBox = { word: string; page: number; xMin: number; yMin: number; xMax: number; yMax: number; pageWidth: number; pageHeight: number };

/** Every word with its box in points (`pdftotext -bbox`). */
export function pdfWords(pdf: Buffer): WordBox[] {
  const html = withFile(pdf, (path) => run('pdftotext', ['-bbox', path, '-']).toString('utf8'));
  const words: WordBox[] = [];
  let page = 0;
  let size = { w: 0, h: 0 };
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page += 1;
      size = { w: Number(p[1]), h: Number(p[2]) };
      continue;
    }
    const m = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(line);
    if (m) {
      words.push({ word: m[5]!, page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), pageWidth: size.w, pageHeight: size.h });
    }
  }
  return words;
}

/** Page 1 at 150 dpi, as pdftoppm renders it, decoded to RGBA. */
export function page1Image(pdf: Buffer): PNG {
  return withFile(pdf, (path, dir) => {
    run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path, join(dir, 'page')]);
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  });
}

/** The text of the QR code on page 1, or undefined when none is found. */
export function qrOnPage1(pdf: Buffer): string | undefined {
  const png = page1Image(pdf);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

/** Page sizes from the page dictionaries (pdfkit writes them uncompressed). */
export function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]!.trim());
}
