// The one place that chooses where uploaded bytes go: a local folder under the emulators, Cloud
// Storage in production.
import { join, resolve } from 'node:path';
import { CloudStorageFileStore } from './cloud-storage-file-store.js';
import { LocalFileStore } from './local-file-store.js';
import type { FileStore } from './file-store.js';

export type { FileStore, StoredFile } from './file-store.js';
export { storePathSegments } from './file-store.js';
export { LocalFileStore } from './local-file-store.js';
export { CloudStorageFileStore } from './cloud-storage-file-store.js';

// src/platform/file-store and lib/platform/file-store are both three levels below functions/.
const FUNCTIONS_DIR = resolve(import.meta.dirname, '../../..');

/**
 * Root of the local store: MOTCUA_FILE_STORE_DIR, else `<repo>/.emulator-files`. Not inside
 * .emulator-data: `firebase emulators:start --export-on-exit` replaces that whole folder on exit,
 * which would delete the files while their Firestore documents survive the export.
 */
export function localFileStoreRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.MOTCUA_FILE_STORE_DIR ? resolve(env.MOTCUA_FILE_STORE_DIR) : join(FUNCTIONS_DIR, '..', '.emulator-files');
}

export function fileStore(env: NodeJS.ProcessEnv = process.env): FileStore {
  return env.FUNCTIONS_EMULATOR === 'true' ? new LocalFileStore(localFileStoreRoot(env)) : new CloudStorageFileStore();
}
export { EncryptingFileStore, parseKeyring, type Keyring } from './encrypting-file-store.js';
