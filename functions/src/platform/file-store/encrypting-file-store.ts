// Application-level encryption of uploaded files (Law 91/2025: ID-card images are sensitive personal data).
// Every object goes to the inner store as
//   "MCE1" | key-id length (1 byte) | key id | IV (12 bytes) | GCM tag (16 bytes) | AES-256-GCM ciphertext
// with the object's path as additional authenticated data, so a blob copied to another path does not
// decrypt. The key id travels in the header (and in the upload's record), so keys rotate: new files use
// the first key of the ring, older ones still open with theirs. Objects without the header are read as
// they are (files stored before encryption was turned on).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FileStore, StoredFile } from './file-store.js';

const MAGIC = Buffer.from('MCE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type Keyring = { currentId: string; keys: ReadonlyMap<string, Buffer> };

/** `id:base64,id:base64…` (the first encrypts); each key exactly 32 bytes. Throws on anything else. */
export function parseKeyring(value: string): Keyring {
  const keys = new Map<string, Buffer>();
  let currentId: string | undefined;
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=]+)$/.exec(entry);
    if (!match) throw new Error('FILE_ENCRYPTION_KEYS: each entry is keyId:base64key');
    const key = Buffer.from(match[2]!, 'base64');
    if (key.length !== 32) throw new Error(`FILE_ENCRYPTION_KEYS: key ${match[1]} is not 32 bytes (AES-256)`);
    if (keys.has(match[1]!)) throw new Error(`FILE_ENCRYPTION_KEYS: key id ${match[1]} twice`);
    keys.set(match[1]!, key);
    currentId ??= match[1]!;
  }
  if (!currentId) throw new Error('FILE_ENCRYPTION_KEYS is empty');
  return { currentId, keys };
}

export function encryptObject(keyring: Keyring, path: string, plain: Buffer): Buffer {
  const id = Buffer.from(keyring.currentId, 'utf8');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.keys.get(keyring.currentId)!, iv);
  cipher.setAAD(Buffer.from(path, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from([id.length]), id, iv, cipher.getAuthTag(), body]);
}

/** The key id an encrypted object was written with, or undefined for a plain one. */
export function keyIdOf(stored: Buffer): string | undefined {
  if (stored.length < MAGIC.length + 1 || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = stored[MAGIC.length]!;
  return stored.subarray(MAGIC.length + 1, MAGIC.length + 1 + length).toString('utf8');
}

export function decryptObject(keyring: Keyring, path: string, stored: Buffer): Buffer {
  const keyId = keyIdOf(stored);
  if (keyId === undefined) return stored;
  const key = keyring.keys.get(keyId);
  if (!key) throw new Error(`no key ${keyId} in FILE_ENCRYPTION_KEYS to open ${path}`);
  let at = MAGIC.length + 1 + Buffer.byteLength(keyId, 'utf8');
  const iv = stored.subarray(at, (at += IV_BYTES));
  const tag = stored.subarray(at, (at += TAG_BYTES));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(path, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(stored.subarray(at)), decipher.final()]);
}

/** A FileStore that encrypts on the way in and decrypts on the way out, around any other. */
export class EncryptingFileStore implements FileStore {
  constructor(
    private readonly inner: FileStore,
    private readonly keyring: () => Keyring,
  ) {}

  /** The key new objects are encrypted with (recorded beside them for rotation). */
  currentKeyId(): string {
    return this.keyring().currentId;
  }

  async put(path: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.inner.put(path, encryptObject(this.keyring(), path, bytes), contentType);
  }

  async get(path: string): Promise<StoredFile | undefined> {
    const stored = await this.inner.get(path);
    return stored && { bytes: decryptObject(this.keyring(), path, stored.bytes), contentType: stored.contentType };
  }

  async delete(path: string): Promise<void> {
    await this.inner.delete(path);
  }
}
