import type { Logger } from 'pino';
import type { AppConfig } from '../../config/env.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { connectOrm, ormOptions, type EntityList, type Orm } from './orm.js';
import { QueryCounter } from './query-counter.js';
import { guardPoolDuringUnits } from './unit-scope.js';

export interface OpenDatabase {
  orm: Orm;
  queries: QueryCounter;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR and connects to that. */
export async function openDatabase(
  config: AppConfig,
  entities: EntityList,
  logger: Logger,
): Promise<OpenDatabase> {
  const queries = new QueryCounter();
  if (config.database.kind === 'postgres') {
    const orm = await connectOrm(
      ormOptions(
        {
          entities,
          url: config.database.url,
          poolMax: config.database.poolMax,
          idleTimeoutMs: config.database.idleTimeoutMs,
          acquireTimeoutMs: config.database.acquireTimeoutMs,
        },
        logger,
        queries,
      ),
    );
    guardPoolDuringUnits(orm);
    return { orm, queries, close: () => orm.close() };
  }
  const embedded = await startEmbeddedPostgres(config.database.dataDir);
  try {
    // One connection: PGlite runs one session, and a transaction on it would block any other.
    const orm = await connectOrm(
      ormOptions(
        {
          entities,
          host: embedded.host,
          port: embedded.port,
          dbName: 'postgres',
          poolMax: 1,
          idleTimeoutMs: config.database.idleTimeoutMs,
          acquireTimeoutMs: config.database.acquireTimeoutMs,
        },
        logger,
        queries,
      ),
    );
    guardPoolDuringUnits(orm);
    return {
      orm,
      queries,
      async close() {
        await orm.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
