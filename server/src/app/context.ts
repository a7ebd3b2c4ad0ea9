import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Loaders } from '../core/orm/loaders.js';
import type { Orm } from '../core/orm/orm.js';
import type { AppPubSub } from './topics.js';

/** Process-wide parts a resolver may reach; never an EntityManager. */
export interface AppServices {
  orm: Orm;
  pubSub: AppPubSub;
  instanceId: string;
}

/** What every resolver receives: its own EntityManager fork, loaders over it, and a request logger. */
export interface AppContext {
  em: EntityManager;
  loaders: Loaders;
  logger: Logger;
  requestId: string;
  app: AppServices;
}

/** One EntityManager fork per GraphQL operation; nothing is shared between requests. */
export function createContext(app: AppServices, logger: Logger, requestId: string): AppContext {
  const em = app.orm.em.fork();
  return { em, loaders: new Loaders(em), logger, requestId, app };
}
