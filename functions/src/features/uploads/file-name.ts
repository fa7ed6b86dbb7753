// A file name as the client sent it is a label to show and to offer on download, never a path: it is
// normalised, cut to its last path segment and stripped of characters that could spoof or break it.

export const MAX_FILE_NAME_LENGTH = 255;

// Control characters, Unicode format characters (e.g. U+202E, which can make `gpj.exe` read as
// `exe.jpg`) and line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A safe display name, always ending with the extension of `canonicalExtension` when the original has
 * none (so a downloaded file opens), at most 255 UTF-16 units, never empty.
 */
export function sanitiseFileName(raw: string, canonicalExtension: string): string {
  let name = raw.normalize('NFC');
  name = name.split(/[/\\]/u).pop() ?? '';
  name = name.replace(INVISIBLE, '').replace(/\s+/gu, ' ');
  // Leading dots would make a hidden file or a `..`; trailing dots and spaces vanish on Windows.
  name = name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
  if (name === '') name = 'tep-dinh-kem';
  if (!/\.[^.]+$/u.test(name)) name = `${name}.${canonicalExtension}`;
  return truncateKeepingExtension(name, MAX_FILE_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = [...name.slice(0, name.length - ext.length)];
  // Cut by code points so no surrogate pair is split.
  let out = '';
  for (const ch of stem) {
    if (out.length + ch.length + ext.length > max) break;
    out += ch;
  }
  return (out + ext).normalize('NFC');
}

/** `Content-Disposition` for a download: an ASCII fallback and the exact name per RFC 6266 / 8187. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^\x20-\x7e]|["\\]/gu, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
