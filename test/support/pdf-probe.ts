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
type Point = { x: number; y: number };
type Found = { data: string; location: { topLeftCorner: Point; topRightCorner: Point; bottomLeftCorner: Point; bottomRightCorner: Point } };
type Decode = (data: Uint8ClampedArray, width: number, height: number) => Found | null;
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

function pageImage(pdf: Buffer, page: number): PNG {
  return withFile(pdf, (path, dir) => {
    run('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', path, join(dir, 'page')]);
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  });
}

/**
 * Every QR code on a page, top to bottom, as a phone would read each one: jsQR finds one code at a time,
 * so each code found is painted white and the page read again.
 */
function qrCodesOn(png: PNG): { data: string; top: number }[] {
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  const found: { data: string; top: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const qr = jsQR(pixels, png.width, png.height);
    if (!qr) break;
    const corners = Object.values(qr.location);
    const pad = 12; // the quiet zone and the finder patterns' outer ring
    const [x0, x1] = [Math.min(...corners.map((c) => c.x)) - pad, Math.max(...corners.map((c) => c.x)) + pad].map((v) => Math.max(0, Math.min(png.width, Math.round(v))));
    const [y0, y1] = [Math.min(...corners.map((c) => c.y)) - pad, Math.max(...corners.map((c) => c.y)) + pad].map((v) => Math.max(0, Math.min(png.height, Math.round(v))));
    for (let y = y0!; y < y1!; y++) pixels.fill(255, (y * png.width + x0!) * 4, (y * png.width + x1!) * 4);
    found.push({ data: qr.data, top: y0! });
  }
  return found.sort((a, b) => a.top - b.top);
}

/** The text of the topmost QR code on page 1 (the slips' lookup code), or undefined when none is found. */
export function qrOnPage1(pdf: Buffer): string | undefined {
  return qrCodesOn(page1Image(pdf))[0]?.data;
}

/** The text of every QR code of the PDF, page by page, top to bottom. */
export function qrCodesInPdf(pdf: Buffer): string[] {
  return mediaBoxes(pdf).flatMap((_box, i) => qrCodesOn(pageImage(pdf, i + 1)).map((q) => q.data));
}

/** Page sizes from the page dictionaries (pdfkit writes them uncompressed). */
export function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]!.trim());
}
