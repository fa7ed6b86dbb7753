import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptObject, EncryptingFileStore, encryptObject, keyIdOf, parseKeyring } from './encrypting-file-store.js';
import type { FileStore, StoredFile } from './file-store.js';

const k = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

class MemoryStore implements FileStore {
  readonly objects = new Map<string, StoredFile>();
  async put(path: string, bytes: Buffer, contentType: string) {
    this.objects.set(path, { bytes, contentType });
  }
  async get(path: string) {
    return this.objects.get(path);
  }
  async delete(path: string) {
    this.objects.delete(path);
  }
}

describe('application-level file encryption (AES-256-GCM)', () => {
  const plain = Buffer.from('%PDF-1.4 căn cước công dân 001190012345');

  it('stores ciphertext under the current key id and gives the bytes back', async () => {
    const inner = new MemoryStore();
    const ring = parseKeyring(`${k('k2')},${k('k1')}`);
    const store = new EncryptingFileStore(inner, () => ring);
    await store.put('uploads/u/1', plain, 'application/pdf');
    const stored = inner.objects.get('uploads/u/1')!.bytes;
    expect(stored.includes(Buffer.from('001190012345'))).toBe(false);
    expect(keyIdOf(stored)).toBe('k2');
    expect(store.currentKeyId()).toBe('k2');
    expect((await store.get('uploads/u/1'))?.bytes.equals(plain)).toBe(true);
  });

  it('rotates: files under an older key still open once a new key is first', () => {
    const old = k('old');
    const before = parseKeyring(old);
    const sealed = encryptObject(before, 'p', plain);
    const after = parseKeyring(`${k('new')},${old}`);
    expect(decryptObject(after, 'p', sealed).equals(plain)).toBe(true);
    expect(() => decryptObject(parseKeyring(k('new')), 'p', sealed)).toThrow(/no key old/);
  });

  it('refuses a blob moved to another path or altered by one bit', () => {
    const ring = parseKeyring(k('a'));
    const sealed = encryptObject(ring, 'uploads/a/1', plain);
    expect(() => decryptObject(ring, 'uploads/b/1', sealed)).toThrow();
    const flipped = Buffer.from(sealed);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1) ^ 1, flipped.length - 1);
    expect(() => decryptObject(ring, 'uploads/a/1', flipped)).toThrow();
  });

  it('reads objects stored before encryption as they are', () => {
    expect(decryptObject(parseKeyring(k('a')), 'x', plain).equals(plain)).toBe(true);
  });

  it.each(['', 'nokey', 'a:short', `a:${randomBytes(16).toString('base64')}`, `${k('a')},${k('a')}`])('refuses the key ring %j', (value) => {
    expect(() => parseKeyring(value)).toThrow(/FILE_ENCRYPTION_KEYS/);
  });
});
