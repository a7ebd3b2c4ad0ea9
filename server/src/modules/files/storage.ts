import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where the bytes of uploaded files live. The database holds what a file is (name, type, size,
 * hash, owner); the storage holds only bytes under an opaque key the server generated with
 * `newStorageKey()` — never a name or path a user typed.
 *
 * The interface is the whole contract, so an S3-compatible store (MinIO, Yandex Object Storage,
 * an on-premises Ceph) can replace the disk without touching the callers: `put` maps to a
 * multipart upload streamed through the same counting and hashing (aborting the upload, which
 * leaves no object, when the limit is passed), `open` to GetObject's body, `remove` to
 * DeleteObject. Only `DiskFileStorage` is implemented.
 */
export interface FileStorage {
  /**
   * Streams `stream` to `key`, counting and hashing as it goes. Once more than `limitBytes` have
   * arrived it stops, removes what it wrote and throws `FileTooLargeError`; on any failure nothing
   * is left under `key`. The object appears whole or not at all.
   */
  put(key: string, stream: Readable, limitBytes: number): Promise<{ size: number; sha256: string }>;
  /** The bytes under `key`; throws `StoredObjectMissingError` when there are none. */
  open(key: string): Promise<Readable>;
  /** Removes `key`; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

/** More bytes than the limit `put` was given. */
export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The file is larger than ${limitBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** A key the database knows but the storage does not hold: lost or removed behind our back. */
export class StoredObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`Stored object ${key} is missing`);
    this.name = 'StoredObjectMissingError';
  }
}

/**
 * A fresh random key, `ab/cd/abcd…` (32 hex digits): spread over 65,536 directories, so no
 * directory grows past a few thousand entries at tens of millions of files. Random rather than the
 * file's id: UUIDv7 ids begin with the time, which would put years of files in one directory, and
 * knowing an id (it is in download links) says nothing about where its bytes are.
 */
export function newStorageKey(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`;
}

const keyPattern = /^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{28}$/;

/** Counts and hashes what passes through; fails once more than `limitBytes` have passed. */
class CountingHash extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.limitBytes) {
      callback(new FileTooLargeError(this.limitBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * Files on a local (or mounted) disk under `root`: `root/ab/cd/<key>`. A file is written to
 * `root/tmp/` and renamed into place once complete and flushed to disk, so a reader never sees a
 * partial file and a crash leaves at most a temporary file, which `sweepTemporary` removes.
 * Several server processes may share `root` (a network mount): keys are random, renames atomic.
 */
export class DiskFileStorage implements FileStorage {
  private readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  async put(
    key: string,
    stream: Readable,
    limitBytes: number,
  ): Promise<{ size: number; sha256: string }> {
    const target = this.pathOf(key);
    await fsp.mkdir(this.tmpDir, { recursive: true, mode: 0o750 });
    const temporary = path.join(this.tmpDir, `${randomBytes(16).toString('hex')}.part`);
    const counter = new CountingHash(limitBytes);
    try {
      // `flush`: the bytes are on disk before the rename makes the file visible.
      await pipeline(
        stream,
        counter,
        fs.createWriteStream(temporary, { flags: 'wx', mode: 0o640, flush: true }),
      );
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
      await fsp.rename(temporary, target);
    } catch (error) {
      await fsp.rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(path.dirname(target));
    return { size: counter.size, sha256: counter.hash.digest('hex') };
  }

  async open(key: string): Promise<Readable> {
    try {
      const handle = await fsp.open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isNotFound(error)) throw new StoredObjectMissingError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  /**
   * Removes temporary files older than `olderThanMs`: left by a process that died mid-upload.
   * The age keeps uploads another process sharing the directory is writing right now.
   */
  async sweepTemporary(olderThanMs: number): Promise<number> {
    let names: string[];
    try {
      names = await fsp.readdir(this.tmpDir);
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.part')) continue;
      const file = path.join(this.tmpDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.mtimeMs < cutoff) {
        await fsp.rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  /** Where `key` lives; refuses anything but a key of `newStorageKey`'s form. */
  pathOf(key: string): string {
    if (!keyPattern.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, key);
  }
}

/** Makes a rename durable: the directory entry is on disk too. Not every platform can. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: fsp.FileHandle | null = null;
  try {
    handle = await fsp.open(directory, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory for syncing; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

const isNotFound = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

declare module '../../core/context.js' {
  interface AppServices {
    /** Where uploaded files' bytes are (FILES_DIR on disk; an S3-compatible store may replace it). */
    files: FileStorage;
  }
}
