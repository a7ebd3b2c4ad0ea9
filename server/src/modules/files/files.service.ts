import { Readable } from 'node:stream';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import type { Viewer } from '../../core/auth/viewer.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import {
  allowedType,
  allowedTypes,
  contradiction,
  SNIFF_BYTES,
  sniffType,
  withExtension,
} from './content-types.js';
import { mayDownload } from './file-access.js';
import { fitFileName, sanitizeFileName } from './file-name.js';
import { FileTooLargeError, newStorageKey, type FileStorage } from './storage.js';
import { StoredFile } from './stored-file.entity.js';

/** An upload not attached by then is swept, row and bytes. */
export const UNCLAIMED_TTL_MS = 24 * 60 * 60 * 1000;
/** Files a user may hold unattached at once: uploads are for attaching, not a file store. */
export const MAX_UNCLAIMED_PER_USER = 100;

/** Bytes stored by `receive`, not yet recorded: `record` makes them a StoredFile, `discard` drops them. */
export interface ReceivedFile {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Checks each id is a file the viewer uploaded in their organization and not yet claimed; throws
 * badInput([...path, index], ...) otherwise. Runs inside the caller's transaction: the rows are
 * locked and marked claimed in it, so a second claim (concurrent or later) is refused, and a
 * rolled-back caller leaves the files unclaimed. Returns the files in the order of `fileIds`.
 */
export async function claimUploads(
  tx: EntityManager,
  viewer: Viewer,
  fileIds: readonly string[],
  path: (string | number)[],
): Promise<StoredFile[]> {
  if (!tx.isInTransaction()) throw new Error('claimUploads must run inside a transaction');
  const seen = new Set<string>();
  fileIds.forEach((id, index) => {
    if (!isUuid(id)) throw badInput([...path, index], 'Not a file id');
    if (seen.has(id.toLowerCase())) throw badInput([...path, index], 'The file is listed twice');
    seen.add(id.toLowerCase());
  });
  if (fileIds.length === 0) return [];
  const rows = await tx.find(
    StoredFile,
    { id: { $in: [...seen] } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const expiredBefore = Date.now() - UNCLAIMED_TTL_MS;
  const claimedAt = new Date();
  const files = fileIds.map((id, index) => {
    const file = byId.get(id.toLowerCase());
    // Someone else's upload reads as an unknown one: ids of others' files reveal nothing.
    if (
      !file ||
      file.uploadedBy.id !== viewer.userId ||
      file.organization.id !== viewer.organizationId
    ) {
      throw badInput([...path, index], 'No such upload: upload the file first');
    }
    if (file.claimedAt !== null) {
      throw badInput([...path, index], 'The file is already attached elsewhere; upload it again');
    }
    if (file.createdAt.getTime() < expiredBefore) {
      throw badInput([...path, index], 'The upload has expired; upload the file again');
    }
    return file;
  });
  for (const file of files) file.claimedAt = claimedAt;
  await tx.flush();
  return files;
}

/** Uploads and downloads for the viewer of one request. */
export class FilesService {
  constructor(
    private readonly ctx: AppContext,
    private readonly storage: FileStorage,
  ) {}

  /**
   * UPLOAD_QUOTA_EXCEEDED when the viewer already holds MAX_UNCLAIMED_PER_USER unattached files: an
   * early refusal before the body is read. `record` checks again under a lock, and that one holds.
   */
  async checkQuota(): Promise<void> {
    await assertQuota(this.ctx.em, viewerOf(this.ctx).userId);
  }
  /**
   * Recognises the type from the leading bytes, checks it against the allow-list and against what
   * the client said (its `Content-Type` and the name's extension), then streams the bytes to the
   * storage under a new key with the size limit. Nothing is stored when any check fails.
   */
  async receive(
    stream: Readable,
    declared: { fileName: string; mimeType: string },
    limitBytes: number,
  ): Promise<ReceivedFile> {
    const { head, whole, release } = await peek(stream, SNIFF_BYTES);
    try {
      if (head.length === 0) throw badInput(['file'], 'The file is empty');
      const sniffed = await sniffType(head);
      const type = allowedType(sniffed);
      if (!type) {
        throw new AppError(
          ErrorCode.FileTypeNotAllowed,
          sniffed
            ? `Files of type ${sniffed} are not accepted`
            : `The file type is not recognised; accepted are ${allowedTypes.map((allowed) => `.${allowed.extensions[0]!}`).join(', ')}`,
          { field: ['file'], details: sniffed ? { detected: sniffed } : {} },
        );
      }
      const fileName = sanitizeFileName(declared.fileName);
      const disagreement = contradiction(type, declared.mimeType, fileName);
      if (disagreement) {
        throw new AppError(ErrorCode.FileTypeMismatch, disagreement, {
          field: ['file'],
          details: { detected: type.mime },
        });
      }
      const storageKey = newStorageKey();
      try {
        const stored = await this.storage.put(storageKey, whole, limitBytes);
        return {
          storageKey,
          fileName: fitFileName(withExtension(type, fileName)),
          contentType: type.mime,
          ...stored,
        };
      } catch (error) {
        if (error instanceof FileTooLargeError) throw fileTooLarge(limitBytes);
        throw error;
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * Records stored bytes as the viewer's file in their organization, within the quota (checked
   * under a per-user lock, so a burst cannot pass it); drops the bytes if it cannot.
   */
  async record(received: ReceivedFile): Promise<StoredFile> {
    const viewer = viewerOf(this.ctx);
    try {
      return await inUnit(this.ctx, async (unit) => {
        // Uploads of one user record one at a time, so parallel ones cannot all pass the count.
        await unit.em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
          `upload-quota:${viewer.userId}`,
        ]);
        await assertQuota(unit.em, viewer.userId);
        const file = unit.em.create(StoredFile, {
          organization: viewer.organizationId,
          uploadedBy: viewer.userId,
          fileName: received.fileName,
          contentType: received.contentType,
          size: received.size,
          sha256: received.sha256,
          storageKey: received.storageKey,
        });
        await unit.em.flush();
        return file;
      });
    } catch (error) {
      await this.discard(received);
      throw error;
    }
  }

  /** Removes the bytes of an upload that will not be recorded. */
  async discard(received: ReceivedFile): Promise<void> {
    await this.storage
      .remove(received.storageKey)
      .catch((error: unknown) =>
        this.ctx.logger.error(
          { err: error, storageKey: received.storageKey },
          'could not remove a discarded upload',
        ),
      );
  }

  /**
   * The file `id` when some registered rule lets the viewer download it. A file the viewer may not
   * see answers NOT_FOUND like one that does not exist, so ids reveal nothing. Downloads of someone
   * else's upload, and refusals, go to the access journal once: against the file they belong to
   * when the rule that decided journalled them (a task's document), else against the uploader.
   */
  async forDownload(id: string): Promise<StoredFile> {
    const viewer = viewerOf(this.ctx);
    const file = isUuid(id)
      ? await this.ctx.em.findOne(StoredFile, { id: id.toLowerCase() })
      : null;
    if (!file) throw notFound('File', id);
    const { allowed, journalled } = await mayDownload(this.ctx, file);
    if (!journalled && (!allowed || file.uploadedBy.id !== viewer.userId)) {
      this.ctx.access.record({
        subjectUserId: file.uploadedBy.id,
        section: 'ATTACHMENT',
        action: allowed ? 'READ' : 'DENIED',
        allowed,
        operation: 'downloadFile',
      });
    }
    if (!allowed) throw notFound('File', id);
    return file;
  }
}

/** Refuses when `userId` holds MAX_UNCLAIMED_PER_USER unattached files of the last day. */
async function assertQuota(em: EntityManager, userId: string): Promise<void> {
  const unclaimed = await em.count(StoredFile, {
    uploadedBy: userId,
    claimedAt: null,
    createdAt: { $gte: new Date(Date.now() - UNCLAIMED_TTL_MS) },
  });
  if (unclaimed >= MAX_UNCLAIMED_PER_USER) {
    throw new AppError(
      ErrorCode.UploadQuotaExceeded,
      `${unclaimed} uploaded files are not attached to anything yet; attach them or wait a day`,
    );
  }
}

export const fileTooLarge = (limitBytes: number): AppError =>
  new AppError(ErrorCode.FileTooLarge, `The file is larger than ${formatBytes(limitBytes)}`, {
    field: ['file'],
    details: { limitBytes },
  });

function formatBytes(bytes: number): string {
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Reads the first `bytes` of `stream` (fewer if it ends sooner) and gives them back with a stream
 * of the whole: the head is held once, the rest flows through without being buffered. `release`
 * stops the source when the whole will not be read.
 */
async function peek(stream: Readable, bytes: number) {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return {
    head,
    whole: Readable.from(all(), { objectMode: false }),
    release: () => void iterator.return?.(),
  };
}
