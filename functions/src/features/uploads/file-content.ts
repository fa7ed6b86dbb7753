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
