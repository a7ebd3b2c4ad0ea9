import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** PGlite served over the PostgreSQL wire protocol on a loopback port, for the same driver as a real server. */
export interface EmbeddedPostgres {
  host: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid}; stop it first (PGlite allows one process)`,
    );
    this.name = 'EmbeddedDatabaseLockedError';
  }
}

/** Opens (creating on first use) the embedded database in `dataDir` and serves it on 127.0.0.1. */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  // PGlite's own mkdir is not recursive.
  await fs.mkdir(dataDir, { recursive: true });
  const releaseLock = await lockDataDir(dataDir);
  try {
    const db = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
    // Every socket connection shares PGlite's single session, so the pool above it holds one
    // connection; the spare slot lets a dropped connection be replaced before the old one is reaped.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
    await server.start();
    const [host = '127.0.0.1', port = '0'] = server.getServerConn().split(':');
    return {
      host,
      port: Number(port),
      async stop() {
        await server.stop();
        await db.close();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/** Two processes writing one PGlite directory corrupt it: a pid file keeps the second one out. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'kabinet.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await fs.readFile(lockFile, 'utf8').catch(() => '0'));
      if (pid > 0 && pid !== process.pid && isAlive(pid))
        throw new EmbeddedDatabaseLockedError(dataDir, pid);
      // A stale lock from a process that died (kill -9): take it over.
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new Error(`cannot lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
