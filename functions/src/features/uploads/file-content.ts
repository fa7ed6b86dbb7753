// What a file is, decided by its first bytes. The declared content type and the file name's extension
// come from the client and only have to agree with the content; they never decide it.
import type { AttachmentContentType } from '../../domain/index.js';

const SIGNATURES: readonly { type: AttachmentContentType; magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function detectContentType(bytes: Buffer): AttachmentContentType | undefined {
  return SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b))?.type;
}

export const EXTENSIONS = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
} as const satisfies Record<AttachmentContentType, readonly string[]>;

// Clients that do not know a type send one of these; they say nothing, so they cannot disagree.
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const DECLARED_ALIASES: Record<string, AttachmentContentType> = {
  'application/pdf': 'application/pdf',
  'application/x-pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/x-png': 'image/png',
};

/** The file name's extension, lower-cased, or undefined when it has none. */
export function extensionOf(fileName: string): string | undefined {
  const match = /\.([^.]+)$/u.exec(fileName);
  return match?.[1]?.toLowerCase();
}

/** Whether what the client declared (MIME type, extension) agrees with the detected type. */
export function declarationAgrees(detected: AttachmentContentType, declaredType: string, fileName: string): boolean {
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (!UNDECLARED.has(declared) && DECLARED_ALIASES[declared] !== detected) return false;
  const ext = extensionOf(fileName);
  return ext === undefined || (EXTENSIONS[detected] as readonly string[]).includes(ext);
}

// ---- structure -------------------------------------------------------------------------------
// The first bytes only say what a file claims to be. A polyglot ("%PDF-" followed by a web page, a PNG
// with HTML appended) passes that test; so every accepted file is also opened by a real parser, and
// the places where content sniffers look for HTML must hold none.

/** Why a file whose first bytes are right is still refused. */
export type StructureProblem =
  | 'unreadable' // the parser cannot open it, or it is truncated or corrupt
  | 'foreign-content' // HTML where sniffers look, or text where the format allows none
  | 'trailing-data' // bytes after the format's end marker
  | 'encrypted' // a PDF that needs a password to open: nobody at the desk could read it
  | 'too-many-pixels';

/** Largest image accepted, in pixels: above any phone photo that fits in 10 MB, well below a decompression bomb. */
export const MAX_IMAGE_PIXELS = 120_000_000;

/** How much of the start of a file content sniffers (old browsers, mail filters) read looking for HTML. */
export const SNIFF_WINDOW_BYTES = 1024;

/** A PDF whose page tree takes longer than this to walk is treated as unreadable (a parser bomb). */
const PDF_PARSE_TIMEOUT_MS = 15_000;

// HTML elements that make a sniffer call a file a web page, followed by what may end a tag name.
// Only names of four letters or more (and <svg>, <img>): short ones such as <p> or <b> occur by chance
// in compressed bytes. XMP metadata (<x:xmpmeta>, <rdf:RDF>, <?xpacket>) does not match.
const HTML_MARKUP =
  /<(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|applet|svg|img|meta|link|style|title|base|form|table)[\s/>]/i;

/** Whether the sniff window (the first KB) carries HTML markup. */
export function hasMarkupWhereSniffed(bytes: Buffer): boolean {
  return HTML_MARKUP.test(bytes.subarray(0, SNIFF_WINDOW_BYTES).toString('latin1'));
}

/**
 * PDF framing the parser forgives but a polyglot needs: between the header line and the first object
 * only comment lines (without markup) and white space; after the last `%%EOF` only white space (or NUL
 * padding). Readers skip both places, which is why a web page hides there.
 */
export function pdfFramingProblem(bytes: Buffer): StructureProblem | undefined {
  const text = bytes.toString('latin1');
  const firstObject = /(?:^|[\r\n\s])\d+\s+\d+\s+obj\b/.exec(text);
  if (!firstObject) return 'unreadable';
  const prologue = text.slice(0, firstObject.index).split(/\r\n|\r|\n/);
  if (!prologue.every((line) => /^\s*(?:%.*)?$/.test(line)) || HTML_MARKUP.test(text.slice(0, firstObject.index))) return 'foreign-content';
  const eof = bytes.lastIndexOf('%%EOF');
  if (eof < 0) return 'unreadable';
  if (!/^[\s\0]*$/.test(text.slice(eof + '%%EOF'.length))) return 'trailing-data';
  return undefined;
}

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Opens the file with a real parser and checks the framing a polyglot would need. Undefined when the
 * file is what its first bytes say and nothing else. Never throws for bad content.
 */
export async function structureProblem(type: AttachmentContentType, bytes: Buffer): Promise<StructureProblem | undefined> {
  if (hasMarkupWhereSniffed(bytes)) return 'foreign-content';
  if (type === 'application/pdf') return pdfFramingProblem(bytes) ?? (await pdfParseProblem(bytes));
  // PNG ends with its IEND chunk (PNG spec §5.6); anything after it is not part of the image.
  if (type === 'image/png' && !bytes.subarray(bytes.length - PNG_IEND.length).equals(PNG_IEND)) return 'trailing-data';
  return imageDecodeProblem(bytes);
}

/** Mozilla's pdf.js (the parser of Firefox's viewer): the document must open and every page load. */
async function pdfParseProblem(bytes: Buffer): Promise<StructureProblem | undefined> {
  // Loaded on first use: most requests of the `api` function never see a PDF.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given: a copy
    stopAtErrors: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StructureProblem>((resolve) => {
    timer = setTimeout(() => resolve('unreadable'), PDF_PARSE_TIMEOUT_MS);
  });
  const parse = (async (): Promise<StructureProblem | undefined> => {
    try {
      const doc = await task.promise;
      if (doc.numPages < 1) return 'unreadable';
      for (let n = 1; n <= doc.numPages; n++) await doc.getPage(n);
      return undefined;
    } catch (err) {
      return (err as { name?: string } | null)?.name === 'PasswordException' ? 'encrypted' : 'unreadable';
    }
  })();
  try {
    return await Promise.race([parse, timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

/**
 * libvips (through sharp) decodes every pixel row, shrinking as it goes so memory stays small; a
 * truncated or corrupt image fails (`failOn: 'error'`; mere warnings, common in camera files, pass).
 */
async function imageDecodeProblem(bytes: Buffer): Promise<StructureProblem | undefined> {
  // libvips prints its warnings to stderr, where they would read as errors in the function's log; the
  // outcome is what counts. Must be set before libvips starts (the first import).
  process.env.VIPS_WARNING ??= '0';
  const { default: sharp } = await import('sharp');
  sharp.cache(false); // the function lives long; nothing here is ever read twice
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: false });
    const { width, height } = await image.metadata();
    if (!width || !height) return 'unreadable';
    if (width * height > MAX_IMAGE_PIXELS) return 'too-many-pixels';
    await image.resize({ width: 64, height: 64, fit: 'inside' }).raw().toBuffer();
    return undefined;
  } catch {
    return 'unreadable';
  }
}
