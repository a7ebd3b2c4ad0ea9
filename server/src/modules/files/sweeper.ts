import type { Logger } from 'pino';
import type { Orm } from '../../core/orm/orm.js';
import { sweepUnclaimed } from './files.service.js';
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
