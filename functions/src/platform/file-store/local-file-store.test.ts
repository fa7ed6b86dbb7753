import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStore, localFileStoreRoot, LocalFileStore, CloudStorageFileStore } from './index.js';

let root: string;
let store: LocalFileStore;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'motcua-files-'));
  store = new LocalFileStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('LocalFileStore', () => {
  it('stores bytes and content type and reads them back', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
    await store.put('uploads/user-1/abc', bytes, 'application/pdf');
    const got = await store.get('uploads/user-1/abc');
    expect(got?.contentType).toBe('application/pdf');
    expect(got?.bytes.equals(bytes)).toBe(true);
    // The bytes are an ordinary file under objects/, openable as they are.
    expect(readFileSync(join(root, 'objects', 'uploads', 'user-1', 'abc')).equals(bytes)).toBe(true);
  });

  it('answers undefined for a missing object, also below a missing folder', async () => {
    expect(await store.get('uploads/nobody/x')).toBeUndefined();
    await store.put('a/b', Buffer.from('x'), 'text/plain');
    expect(await store.get('a/b/c')).toBeUndefined();
  });

  it('replaces an object and leaves no temporary files behind', async () => {
    await store.put('p/q', Buffer.from('one'), 'image/png');
    await store.put('p/q', Buffer.from('two'), 'image/jpeg');
    const got = await store.get('p/q');
    expect(got?.bytes.toString()).toBe('two');
    expect(got?.contentType).toBe('image/jpeg');
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
  });

  it('deletes, and deleting twice is fine', async () => {
    await store.put('p/q', Buffer.from('x'), 'image/png');
    await store.delete('p/q');
    await store.delete('p/q');
    expect(await store.get('p/q')).toBeUndefined();
  });

  it('keeps names that look like its own metadata apart from it', async () => {
    await store.put('x', Buffer.from('data'), 'image/png');
    await store.put('x.json', Buffer.from('other'), 'application/pdf');
    expect((await store.get('x'))?.bytes.toString()).toBe('data');
    expect((await store.get('x.json'))?.contentType).toBe('application/pdf');
  });

  it.each(['', '/etc/passwd', '../outside', 'a/../../outside', 'a/./b', 'a//b', 'a/', 'a\\..\\b', 'a\u0000b', 'a/\nb', '..'])(
    'refuses the unsafe path %j for every operation',
    async (path) => {
      await expect(store.put(path, Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
      await expect(store.get(path)).rejects.toThrow(/unsafe/);
      await expect(store.delete(path)).rejects.toThrow(/unsafe/);
      expect(readdirSync(root)).toEqual([]);
    },
  );

  it('accepts ids with dots and Unicode inside a segment', async () => {
    await store.put('uploads/user.with.dots/tệp', Buffer.from('x'), 'image/png');
    expect(await store.get('uploads/user.with.dots/tệp')).toBeDefined();
  });

  it('writes concurrently to one path without mixing contents', async () => {
    const versions = Array.from({ length: 20 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await Promise.all(versions.map((b) => store.put('race/x', b, 'image/png')));
    const got = await store.get('race/x');
    expect(versions.some((v) => v.equals(got!.bytes))).toBe(true);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
  });
});

describe('fileStore()', () => {
  it('uses the local folder under the emulators and Cloud Storage otherwise', () => {
    const local = fileStore({ FUNCTIONS_EMULATOR: 'true', MOTCUA_FILE_STORE_DIR: root });
    expect(local).toBeInstanceOf(LocalFileStore);
    expect((local as LocalFileStore).rootDir).toBe(root);
    expect(fileStore({})).toBeInstanceOf(CloudStorageFileStore);
  });
  it('defaults to <repo>/.emulator-files', () => {
    expect(localFileStoreRoot({})).toBe(join(import.meta.dirname, '../../../../.emulator-files'));
  });
});
