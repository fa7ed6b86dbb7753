// The production FileStore: the project's default Cloud Storage bucket through the Admin SDK.
// It cannot run on these machines (no Storage emulator here), so it is only typechecked; the
// emulator tests exercise LocalFileStore behind the same interface.
import { getStorage } from 'firebase-admin/storage';
import { db } from '../firestore.js';
import { storePathSegments, type FileStore, type StoredFile } from './file-store.js';

export class CloudStorageFileStore implements FileStore {
  private bucket() {
    db(); // makes sure the default app exists before Storage asks for it
    return getStorage().bucket();
  }

  async put(path: string, bytes: Buffer, contentType: string): Promise<void> {
    storePathSegments(path);
    // One request, no resumable session: files are at most 10 MB. The upload is atomic on the
    // Storage side (the object appears only once complete).
    await this.bucket().file(path).save(bytes, {
      resumable: false,
      contentType,
      metadata: { cacheControl: 'private, no-store' },
    });
  }

  async get(path: string): Promise<StoredFile | undefined> {
    storePathSegments(path);
    const file = this.bucket().file(path);
    try {
      const [[bytes], [metadata]] = await Promise.all([file.download(), file.getMetadata()]);
      return { bytes, contentType: metadata.contentType ?? 'application/octet-stream' };
    } catch (err) {
      if ((err as { code?: unknown }).code === 404) return undefined;
      throw err;
    }
  }

  async delete(path: string): Promise<void> {
    storePathSegments(path);
    await this.bucket().file(path).delete({ ignoreNotFound: true });
  }
}
