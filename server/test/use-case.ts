import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { createContext } from '../src/app/context.js';
import { entities } from '../src/app/entities.js';
import type { AppContext, AppServices } from '../src/core/context.js';
import { createLogger } from '../src/core/logger.js';
import type { AppPubSub, Topics } from '../src/core/topics.js';
import { TrustedDocuments } from '../src/app/trusted-documents.js';
import { inUnit, type UnitContext } from '../src/core/unit-of-work.js';
import { loadConfig } from '../src/config/env.js';
import { openDatabase } from '../src/core/orm/database.js';
import type { Orm } from '../src/core/orm/orm.js';
import { createAppPubSub } from '../src/core/pubsub.js';
import { DiskFileStorage } from '../src/modules/files/storage.js';
import { LoginLimiter } from '../src/modules/identity/login-limiter.js';
import { PasswordHasher } from '../src/modules/identity/password.js';
import { RegistrationLimiter } from '../src/modules/identity/registration-limiter.js';
import { SessionService } from '../src/modules/identity/session.service.js';
import type { User } from '../src/modules/identity/user.entity.js';
import { testServerEnv } from './boot-once.js';
import { copyDataDir } from './embedded-setup.js';
import { createTestDatabase, testLane } from './harness.js';

/**
 * A fresh, empty (migrated) database of the lane, opened as the server opens it, and the services a
 * request would have: for use-case tests that build their data with the factories and call a
 * service directly, with no HTTP server and no demo.
 */
export interface UseCaseDatabase {
  orm: Orm;
  pubSub: AppPubSub;
  app: AppServices;
  /** A fresh EntityManager fork, for the factories and for looking at what a use case wrote. */
  em(): EntityManager;
  /** A request's context as the HTTP side builds it, signed in as `user` through a real session. */
  contextOf(user: User): Promise<AppContext>;
  /** Runs `work` as one unit of work of a request by `user`, as a resolver does with `inUnit`. */
  asUser<T>(user: User, work: (unit: UnitContext) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the database lives: a PostgreSQL clone of the bare template, or an embedded copy of it. */
async function bareDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (testLane() === 'embedded') {
    const templates = inject('embeddedTemplates')!;
    const root = await fs.mkdtemp(path.join(path.dirname(templates.bare), 'use-case-'));
    const dir = path.join(root, 'data');
    await copyDataDir(templates.bare, dir);
    return {
      env: { DATA_DIR: dir },
      drop: () => fs.rm(root, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase();
  return {
    env: { DATABASE_URL: database.url, DATABASE_POOL_MAX: '2' },
    drop: () => database.drop(),
  };
}

export async function openUseCaseDatabase(): Promise<UseCaseDatabase> {
  const logger = createLogger('silent');
  const database = await bareDatabase();
  const config = loadConfig({ ...testServerEnv, LOG_LEVEL: 'silent', ...database.env });
  const opened = await openDatabase(config, entities, logger).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const { orm } = opened;
  const pubSub = await createAppPubSub<Topics>(undefined, logger);
  const app: AppServices = {
    config,
    orm,
    pubSub: pubSub.pubSub,
    instanceId: 'use-case-test',
    passwords: new PasswordHasher(config.passwordCost),
    loginLimiter: new LoginLimiter(orm.em.getKnex(), config.loginLimits),
    registrationLimiter: new RegistrationLimiter(orm.em.getKnex(), config.registrationLimits),
    files: new DiskFileStorage(config.files.dir),
    trustedDocuments: TrustedDocuments.none,
    openContext: (request) => createContext(app, request),
  };
  const contextOf = async (user: User) => {
    const { token } = await new SessionService(orm.em.fork(), config.session).open(user, {
      ip: '127.0.0.1',
      userAgent: 'use-case test',
    });
    return createContext(app, {
      logger,
      requestId: 'use-case-test',
      token,
      ip: '127.0.0.1',
      userAgent: 'use-case test',
      cookie: null,
    });
  };
  return {
    orm,
    pubSub: pubSub.pubSub,
    app,
    em: () => orm.em.fork(),
    contextOf,
    asUser: async (user, work) => inUnit(await contextOf(user), work),
    async close() {
      await pubSub.close();
      await opened.close();
      await database.drop();
    },
  };
}
