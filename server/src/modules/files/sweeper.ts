import type { Logger } from 'pino';
import { inSystemUnit } from '../../core/unit-of-work.js';
import type { Orm } from '../../core/orm/orm.js';
import { UNCLAIMED_TTL_MS } from './files.service.js';
import { DiskFileStorage, type FileStorage } from './storage.js';

const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** A temporary file this old belongs to no upload still running. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/**
 * Sweeps unattached uploads (and, on disk, temporary files of uploads cut off by a crash) at start
 * and then hourly. A failed sweep is logged and tried again at the next hour.
 */
export function startFileSweeper(
  orm: Orm,
  storage: FileStorage,
  logger: Logger,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= (async () => {
      try {
        await sweepUnclaimed(orm, storage, logger);
        if (storage instanceof DiskFileStorage) {
          const removed = await storage.sweepTemporary(STALE_TEMPORARY_MS);
          if (removed > 0) logger.info({ files: removed }, 'stale temporary upload files removed');
        }
      } catch (error) {
        logger.error({ err: error }, 'sweeping unattached uploads failed');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  sweep();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Deletes files not attached within UNCLAIMED_TTL_MS, row first (in one statement, so two
 * processes sweeping together each take their own rows and a concurrent claim either wins or
 * finds nothing), then their bytes. Returns how many were swept.
 */
export async function sweepUnclaimed(
  orm: Orm,
  storage: FileStorage,
  logger: Logger,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - UNCLAIMED_TTL_MS);
  const rows = await inSystemUnit(orm.em.fork(), null, logger, (unit) =>
    unit.em.execute<{ storage_key: string }[]>(
      `delete from stored_file where claimed_at is null and created_at < ? returning storage_key`,
      [cutoff],
    ),
  );
  for (const { storage_key: key } of rows) {
    await storage
      .remove(key)
      .catch((error: unknown) =>
        logger.error({ err: error, storageKey: key }, 'could not remove a swept upload'),
      );
  }
  if (rows.length > 0) logger.info({ files: rows.length }, 'unattached uploads swept');
  return rows.length;
}
