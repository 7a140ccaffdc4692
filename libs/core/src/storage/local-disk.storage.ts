import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../config/app-config';
import { assertStorageKey, EvidenceStorage, StorageObjectNotFoundError, StoredObject } from './evidence-storage';

/**
 * Evidence bytes as files under STORAGE_DIR, one file per key. A write goes to a temporary file
 * beside the target, is fsynced and then renamed, so a reader never sees half a file and a
 * crash leaves only a `*.part` file behind.
 */
@Injectable()
export class LocalDiskStorage extends EvidenceStorage {
  private readonly root: string;

  constructor(config: AppConfig) {
    super();
    this.root = resolve(config.STORAGE_DIR);
  }

  async put(key: string, body: Readable | Buffer): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.part`;
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      // flags 'wx': never write into a file that already exists; flush: fsync before close.
      await pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        meter,
        createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true }),
      );
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    return { size, sha256: hash.digest('hex') };
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    // Open first, so a missing file is an error of this call rather than of the stream later.
    const file = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOENT' ? new StorageObjectNotFoundError(key) : e;
    });
    return file.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = join(this.root, ...key.split('/'));
    // Belt and braces: the key pattern already rules out '..' and absolute paths.
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key escapes the storage root: ${key}`);
    return path;
  }
}
