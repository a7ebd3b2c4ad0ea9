import path from 'node:path';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from 'pino';
import { CountingLogger, QueryCounter } from './query-counter.js';

export type Orm = MikroORM;

export const migrationsDir = path.resolve(import.meta.dirname, '../../migrations');

/** The entity classes the ORM maps; the wiring's registry (`app/entities.ts`) lists them. */
export type EntityList = NonNullable<Options['entities']>;

export interface OrmConnection {
  entities: EntityList;
  host?: string;
  port?: number;
  url?: string;
  dbName?: string;
  poolMax: number;
  /** Close a pooled connection unused this long; default 30 s. */
  idleTimeoutMs?: number;
  /** Fail a query that waited this long for a connection; default 5 s. */
  acquireTimeoutMs?: number;
}

/** The one MikroORM configuration, shared by the server, the scripts and the tests. */
export function ormOptions(
  connection: OrmConnection,
  logger: Logger,
  counter: QueryCounter = new QueryCounter(),
): Options {
  return defineConfig({
    entities: connection.entities,
    ...(connection.url !== undefined ? { clientUrl: connection.url } : {}),
    ...(connection.host !== undefined ? { host: connection.host } : {}),
    ...(connection.port !== undefined ? { port: connection.port } : {}),
    ...(connection.dbName !== undefined ? { dbName: connection.dbName } : {}),
    ...(connection.url === undefined ? { user: 'postgres', password: '' } : {}),
    pool: {
      min: 0,
      max: connection.poolMax,
      idleTimeoutMillis: connection.idleTimeoutMs ?? 30_000,
    },
    driverOptions: {
      acquireConnectionTimeout: connection.acquireTimeoutMs ?? 5_000,
      log: knexLog(logger),
    },
    extensions: [Migrator],
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      // MikroORM rewrites the snapshot from the database after every `up()` that applies something;
      // only `db:migration:create` keeps it (it turns this on), so starts and tests never touch it.
      snapshot: false,
      snapshotName: '.snapshot-kabinet',
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    discovery: { requireEntitiesArray: true },
    forceUtcTimezone: true,
    // The query logger is always on so every statement is counted; it writes at debug level only,
    // and without parameters: they carry personal data, which stays out of application logs.
    debug: ['query'],
    loggerFactory: (options) =>
      new CountingLogger(
        { ...options, writer: (message: string) => logger.debug({ orm: true }, message) },
        counter,
        logger.isLevelEnabled('debug'),
      ),
    colors: false,
    allowGlobalContext: false,
    // The schema belongs to the migrations; connecting must not create databases or indexes.
    ensureDatabase: false,
    connect: false,
  });
}

/**
 * knex's own notices (a pooled connection found broken, deprecations) go to the app's log instead of
 * the console. Its debug output, which carries bindings, is dropped.
 */
const knexLog = (logger: Logger) => ({
  warn: (message: unknown) => logger.warn({ knex: true }, String(message)),
  error: (message: unknown) => logger.error({ knex: true }, String(message)),
  deprecate: (message: unknown) => logger.warn({ knex: true }, String(message)),
  debug: () => undefined,
});

/** Connects the ORM; throws with one readable line when the database cannot be reached. */
export async function connectOrm(options: Options): Promise<Orm> {
  const orm = await MikroORM.init(options);
  const check = await orm.checkConnection();
  if (!check.ok) {
    await orm.close(true).catch(() => undefined);
    throw new DatabaseUnavailableError(describeConnection(options), check.reason ?? check.error);
  }
  return orm;
}

export class DatabaseUnavailableError extends Error {
  constructor(target: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot connect to PostgreSQL at ${target}: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}

function describeConnection(options: Options): string {
  if (options.clientUrl) {
    const url = new URL(options.clientUrl);
    url.password = url.password ? '***' : '';
    return url.toString();
  }
  return `${options.host ?? 'localhost'}:${options.port ?? 5432}/${options.dbName ?? ''}`;
}
