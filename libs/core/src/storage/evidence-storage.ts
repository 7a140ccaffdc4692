import type { Readable } from 'node:stream';

/** What a stored object turned out to be: its byte count and hex SHA-256, computed while writing. */
export interface StoredObject {
  size: number;
  sha256: string;
}

/** Raised by `get` when no object is stored under the key. */
export class StorageObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object under key ${key}`);
    this.name = 'StorageObjectNotFoundError';
  }
}

/**
 * Where evidence bytes live. The default is the local disk under STORAGE_DIR (LocalDiskStorage);
 * an object-storage adapter (S3/OSS/MinIO) replaces it by providing this class in CoreModule.
 *
 * Keys are built by the server (e.g. `cases/<caseId>/<uuid>`), never from user input; an
 * adapter refuses anything outside `[a-z0-9_-]` segments joined by `/`.
 */
export abstract class EvidenceStorage {
  /** Stores the bytes under `key` (replacing what was there) and returns their size and SHA-256. */
  abstract put(key: string, body: Readable | Buffer): Promise<StoredObject>;
  /** Opens the object for reading; rejects with StorageObjectNotFoundError when it is missing. */
  abstract get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing key is not an error. */
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

/** Throws unless `key` is a well-formed storage key (no `..`, no leading `/`, no dots, at most 200 chars). */
export function assertStorageKey(key: string): void {
  if (typeof key !== 'string' || key.length > 200 || !KEY.test(key))
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
