import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.js';
import type { AccessJournal } from './access.js';
import { requireViewer, type AuthFailure, type Viewer } from './auth/viewer.js';
import type { Loaders } from './orm/loaders.js';
import type { Orm } from './orm/orm.js';
import type { AppPubSub } from './topics.js';

/**
 * Process-wide parts a resolver may reach; never an EntityManager. A module that brings its own
 * part (identity's password hasher, files' storage) adds it to this interface where it defines the
 * part (`declare module '…/core/context.js'`), and the wiring (`app/server.ts`) provides it.
 */
export interface AppServices {
  config: AppConfig;
  orm: Orm;
  pubSub: AppPubSub;
  instanceId: string;
  /** Builds a request's context from its session (the wiring's `createContext`). */
  openContext(request: RequestInfo): Promise<AppContext>;
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

/** What the transport knows of a request before its context exists. */
export interface RequestInfo {
  logger: Logger;
  requestId: string;
  token: string | null;
  ip: string | null;
  userAgent: string | null;
  cookie: SessionCookie | null;
}

/** The signed-in viewer of a context (root fields are already guarded by guardRootFields). */
export const viewerOf = (ctx: AppContext): Viewer => requireViewer(ctx.viewer, ctx.authFailure);
