import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AppConfig } from '../config/app-config';
import { StorageObjectNotFoundError } from './evidence-storage';
import { LocalDiskStorage } from './local-disk.storage';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const readAll = async (r: Readable) => Buffer.concat(await r.toArray());

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe(LocalDiskStorage.name, () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'wq-storage-'));
    storage = new LocalDiskStorage(Object.assign(new AppConfig(), { STORAGE_DIR: root }));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores a buffer under its key, creating directories, and reports size and SHA-256', async () => {
    const body = Buffer.from('证据 evidence bytes');
    const stored = await storage.put('cases/42/0b7c4f0e-1d2a-4c1e-9f00-aa11bb22cc33', body);
    expect(stored).toEqual({ size: body.length, sha256: sha256(body) });
    expect(await readFile(join(root, 'cases', '42', '0b7c4f0e-1d2a-4c1e-9f00-aa11bb22cc33'))).toEqual(body);
    expect(await readAll(await storage.get('cases/42/0b7c4f0e-1d2a-4c1e-9f00-aa11bb22cc33'))).toEqual(body);
  });

  it('hashes a multi-chunk stream while writing it and leaves no temporary file', async () => {
    const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(16 * 1024, i));
    const whole = Buffer.concat(chunks);
    const stored = await storage.put('cases/1/big', Readable.from(chunks));
    expect(stored).toEqual({ size: whole.length, sha256: sha256(whole) });
    expect(await listFiles(root)).toEqual([join(root, 'cases', '1', 'big')]);
    expect((await stat(join(root, 'cases', '1', 'big'))).size).toBe(whole.length);
  });

  it('stores an empty body as an empty object', async () => {
    expect(await storage.put('cases/1/empty', Buffer.alloc(0))).toEqual({ size: 0, sha256: sha256(Buffer.alloc(0)) });
  });

  it('removes the temporary file and keeps the old object when the source stream fails', async () => {
    await storage.put('cases/7/x', Buffer.from('old'));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('cases/7/x', failing)).rejects.toThrow('client went away');
    expect(await listFiles(root)).toEqual([join(root, 'cases', '7', 'x')]);
    expect(await readFile(join(root, 'cases', '7', 'x'), 'utf8')).toBe('old');
  });

  it('rejects get of a missing key with StorageObjectNotFoundError', async () => {
    await expect(storage.get('cases/1/missing')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('deletes an object, and deleting a missing key is not an error', async () => {
    await storage.put('cases/3/a', Buffer.from('a'));
    await storage.delete('cases/3/a');
    await storage.delete('cases/3/a');
    await expect(storage.get('cases/3/a')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it.each([
    '../escape',
    'cases/../../etc/passwd',
    '/abs/path',
    'cases//x',
    'cases/x/',
    'Cases/X',
    'cases/a.b',
    'cases\\x',
    '',
    'a'.repeat(201),
  ])('refuses the malformed key %p and writes nothing', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/invalid storage key/);
    expect(await listFiles(root)).toEqual([]);
  });
});
