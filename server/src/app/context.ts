import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.js';
import { requireViewer, type AuthFailure, type Viewer } from '../core/auth/viewer.js';
import { serviceUnavailable } from '../core/errors.js';
import { isConnectionFault } from '../core/orm/connection-fault.js';
import { Loaders } from '../core/orm/loaders.js';
import type { Orm } from '../core/orm/orm.js';
import { sealedDuringUnits } from '../core/orm/unit-scope.js';
import { AccessJournal } from '../modules/access-log/access-journal.js';
import type { FileStorage } from '../modules/files/storage.js';
import type { LoginLimiter } from '../modules/identity/login-limiter.js';
import type { PasswordHasher } from '../modules/identity/password.js';
import type { RegistrationLimiter } from '../modules/identity/registration-limiter.js';
import { SessionService } from '../modules/identity/session.service.js';
import type { AppPubSub } from './topics.js';
import type { TrustedDocuments } from './trusted-documents.js';

/** Process-wide parts a resolver may reach; never an EntityManager. */
export interface AppServices {
  config: AppConfig;
  orm: Orm;
  pubSub: AppPubSub;
  instanceId: string;
  passwords: PasswordHasher;
  loginLimiter: LoginLimiter;
  registrationLimiter: RegistrationLimiter;
  /** The portal's own operations by hash (the web client's build), for trusted documents. */
  trustedDocuments: TrustedDocuments;
  /** Where uploaded files' bytes are (FILES_DIR on disk; an S3-compatible store may replace it). */
  files: FileStorage;
}

/** Sets and clears the session cookie; present for HTTP requests only. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** What every resolver receives: its own EntityManager fork, loaders over it, the viewer. */
export interface AppContext {
  em: EntityManager;
  loaders: Loaders;
  logger: Logger;
  requestId: string;
  app: AppServices;
  viewer: Viewer | null;
  /** Why the credentials the request carried were refused, if it carried any. */
  authFailure: AuthFailure | null;
  ip: string | null;
  userAgent: string | null;
  cookie: SessionCookie | null;
  access: AccessJournal;
  /** The account that signed in during this request, whose own fields it may now read. */
  signedInUserId: string | null;
}

export interface RequestInfo {
  logger: Logger;
  requestId: string;
  token: string | null;
  ip: string | null;
  userAgent: string | null;
  cookie: SessionCookie | null;
}

/**
 * One EntityManager fork per GraphQL operation, for reads; a write runs in a unit of work
 * (`inUnit`), during which this fork and its loaders throw. The session is resolved once.
 */
export async function createContext(app: AppServices, request: RequestInfo): Promise<AppContext> {
  const em = sealedDuringUnits(app.orm.em.fork());
  const session = request.token
    ? await resolveSession(em, app, request.token, request.logger)
    : { viewer: null, failure: null };
  const logger = session.viewer
    ? request.logger.child({ userId: session.viewer.userId })
    : request.logger;
  return {
    em,
    loaders: new Loaders(em),
    logger,
    requestId: request.requestId,
    app,
    viewer: session.viewer,
    authFailure: session.failure,
    ip: request.ip,
    userAgent: request.userAgent,
    cookie: request.cookie,
    signedInUserId: null,
    access: new AccessJournal(em, {
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
async function resolveSession(em: EntityManager, app: AppServices, token: string, logger: Logger) {
  try {
    return await new SessionService(em, app.config.session).resolve(token);
  } catch (error) {
    if (!isConnectionFault(error)) throw error;
    logger.error({ err: error }, 'session lookup failed: database unavailable');
    throw serviceUnavailable();
  }
}

/** The signed-in viewer of a context (root fields are already guarded by requireSignIn). */
export const viewerOf = (ctx: AppContext): Viewer => requireViewer(ctx.viewer, ctx.authFailure);
