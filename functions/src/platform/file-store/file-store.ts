// Where uploaded bytes live. Firestore holds the metadata; a FileStore holds only bytes and their
// content type, addressed by a relative path such as `uploads/{ownerUid}/{uploadId}`.
export type StoredFile = { bytes: Buffer; contentType: string };

export interface FileStore {
  /** Writes (or replaces) the object; readers never see a half-written one. */
  put(path: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object, or undefined when there is none. */
  get(path: string): Promise<StoredFile | undefined>;
  /** Removes the object; removing a missing one is not an error. */
  delete(path: string): Promise<void>;
}

/**
 * The segments of a store path, or an error. Paths are built by the server from ids, but a uid comes from
 * the identity provider and may hold almost anything, so every store refuses what could leave its root.
 */
export function storePathSegments(path: string): string[] {
  // eslint-disable-next-line no-control-regex
  if (path === '' || path.startsWith('/') || /[\\\u0000-\u001f\u007f]/u.test(path)) {
    throw new Error(`unsafe file-store path: ${JSON.stringify(path)}`);
  }
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`unsafe file-store path: ${JSON.stringify(path)}`);
  }
  return segments;
}
