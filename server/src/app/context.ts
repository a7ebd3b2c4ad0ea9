import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppContext, AppServices, RequestInfo } from '../core/context.js';
import { serviceUnavailable } from '../core/errors.js';
import { isConnectionFault } from '../core/orm/connection-fault.js';
import { Loaders } from '../core/orm/loaders.js';
import { sealedDuringUnits } from '../core/orm/unit-scope.js';
import { AccessLogJournal } from '../modules/access-log/index.js';
import { SessionService } from '../modules/identity/index.js';

/**
 * One EntityManager fork per GraphQL operation, for reads; a write runs in a unit of work
 * (`inUnit`), during which this fork and its loaders throw. The session is resolved once.
 */
export async function createContext(app: AppServices, request: RequestInfo): Promise<AppContext> {
  const em = sealedDuringUnits(app.orm.em.fork());
  const loaders = new Loaders(em);
  const session = request.token
    ? await resolveSession(em, loaders, app, request.token, request.logger)
    : { viewer: null, failure: null };
  const logger = session.viewer
    ? request.logger.child({ userId: session.viewer.userId })
    : request.logger;
  return {
    em,
    loaders,
    logger,
    requestId: request.requestId,
    app,
    viewer: session.viewer,
    authFailure: session.failure,
    ip: request.ip,
    userAgent: request.userAgent,
    cookie: request.cookie,
    signedInUserId: null,
    access: new AccessLogJournal(em, {
      viewer: session.viewer,
      ip: request.ip,
      requestId: request.requestId,
    }),
  };
}

/**
 * The session behind a token. A database that cannot be reached answers SERVICE_UNAVAILABLE, so
 * the client never sees the statement in Apollo's "Context creation failed: …" (nor its token hash).
 */
async function resolveSession(
  em: EntityManager,
  loaders: Loaders,
  app: AppServices,
  token: string,
  logger: Logger,
) {
  try {
    return await new SessionService(em, app.config.session).resolve(token, loaders);
  } catch (error) {
    if (!isConnectionFault(error)) throw error;
    logger.error({ err: error }, 'session lookup failed: database unavailable');
    throw serviceUnavailable();
  }
}
