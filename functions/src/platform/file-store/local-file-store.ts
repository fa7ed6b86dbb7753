// A FileStore on the local disk, used under the emulators because the Storage emulator cannot run on
// these machines. Layout under the root: `objects/<path>` (the bytes, openable as they are),
// `meta/<path>.json` (content type) and `.tmp/` (writes in progress). Keeping the three apart means no
// caller path can collide with a metadata or temporary file.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { storePathSegments, type FileStore, type StoredFile } from './file-store.js';

type Meta = { contentType: string; size: number };

export class LocalFileStore implements FileStore {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = resolve(rootDir);
  }

  async put(path: string, bytes: Buffer, contentType: string): Promise<void> {
    const { object, meta } = this.locate(path);
    const record: Meta = { contentType, size: bytes.length };
    // Bytes first, metadata last: an object exists only once its metadata does, so a crash in
    // between leaves an invisible orphan rather than a file without a type.
    await this.writeAtomically(object, bytes);
    await this.writeAtomically(meta, Buffer.from(JSON.stringify(record)));
  }

  async get(path: string): Promise<StoredFile | undefined> {
    const { object, meta } = this.locate(path);
    const metaText = await readIfExists(meta);
    if (metaText === undefined) return undefined;
    const bytes = await readIfExists(object);
    if (bytes === undefined) return undefined;
    const parsed = JSON.parse(metaText.toString('utf8')) as Meta;
    return { bytes, contentType: parsed.contentType };
  }

  async delete(path: string): Promise<void> {
    const { object, meta } = this.locate(path);
    await rm(meta, { force: true });
    await rm(object, { force: true });
  }

  private locate(path: string): { object: string; meta: string } {
    const segments = storePathSegments(path);
    const object = resolve(this.rootDir, 'objects', ...segments);
    const meta = `${resolve(this.rootDir, 'meta', ...segments)}.json`;
    // Belt and braces: whatever the segment check missed, nothing resolves outside the root.
    for (const p of [object, meta]) {
      if (!p.startsWith(this.rootDir + sep)) throw new Error(`unsafe file-store path: ${JSON.stringify(path)}`);
    }
    return { object, meta };
  }

  private async writeAtomically(target: string, bytes: Buffer): Promise<void> {
    const tmpDir = join(this.rootDir, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    // Same file system as the target, so rename is atomic: readers see the old file or the new one.
    const tmp = join(tmpDir, `${randomBytes(12).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, bytes, { flag: 'wx' });
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}
