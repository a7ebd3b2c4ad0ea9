import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../config/env.js';
import { SESSION_COOKIE, credentialsFromRequest } from '../core/auth/credentials.js';
import { registerFileRoutes } from '../modules/files/index.js';
import { registerPayslipPdf } from '../modules/payroll/index.js';
import { registerImportRoute } from '../modules/integration/index.js';
import type { AppContext, AppServices, SessionCookie } from '../core/context.js';
import {
  formatForClient,
  graphqlRules,
  operationLimits,
  uniformForStrangers,
} from './graphql-rules.js';
import {
  finalErrorHandler,
  graphqlErrorHandler,
  notFoundHandler,
  readinessProbe,
  retryAfterPlugin,
} from './http-errors.js';
import { errorSerializer } from '../core/logger.js';
import { trustProxyValue } from './client-address.js';
import { securityHeaders } from './security-headers.js';
import {
  apiDocumentsAllowed,
  requireTrustedDocument,
  trustedDocumentsMiddleware,
  type DocumentOrigin,
} from './trusted-documents.js';

const requestIdHeader = 'x-request-id';

/** A caller-supplied request id is kept only when it looks like one. */
function requestIdOf(req: http.IncomingMessage): string {
  const incoming = req.headers[requestIdHeader];
  return typeof incoming === 'string' && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}

export interface HttpApp {
  server: http.Server;
  apollo: ApolloServer<AppContext>;
  /** Resolves when no GraphQL operation is executing (a client may hang up before its query ends). */
  idle(timeoutMs: number): Promise<void>;
}

/** Express with the GraphQL endpoint, health probes and the built web client. */
export async function createHttpApp(
  config: AppConfig,
  schema: GraphQLSchema,
  services: AppServices,
  logger: Logger,
  drainWebSockets: () => Promise<void>,
): Promise<HttpApp> {
  const app = express();
  const server = http.createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxyValue(config.trustProxy));
  app.use(securityHeaders({ hsts: config.hsts }));

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader(requestIdHeader, id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // pino-http gives its child logger (req.log) pino's own `err` serializer: keep the redacting one.
      serializers: { err: errorSerializer },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessProbe(services.orm));

  const inFlight = new InFlight();
  const apollo = new ApolloServer<AppContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown; Apollo's own signal handlers would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    validationRules: graphqlRules(config),
    parseOptions: { maxTokens: operationLimits.maxTokens },
    allowBatchedHttpRequests: false,
    // Off: automatic persisted queries would let any client register documents; the portal's
    // trusted documents are resolved by hash before Apollo (trustedDocumentsMiddleware).
    persistedQueries: false,
    csrfPrevention: true,
    formatError: (formatted, error) => formatForClient(config, formatted, error, logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // Off: cache hints are unused (every answer is personal and private), and the plugin's
      // willResolveField hook wraps the resolver of every field of every row.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      retryAfterPlugin,
      {
        async serverWillStart() {
          return { drainServer: drainWebSockets };
        },
        async requestDidStart() {
          inFlight.enter();
          return {
            async willSendResponse({ contextValue, response }) {
              const body = response.body;
              if (
                config.nodeEnv === 'production' &&
                !contextValue?.viewer &&
                body.kind === 'single' &&
                body.singleResult.errors
              ) {
                body.singleResult.errors = uniformForStrangers(body.singleResult.errors);
              }
              try {
                // The access journal is written before the answer leaves, so no read goes unrecorded.
                await contextValue?.access.flush();
              } finally {
                inFlight.leave();
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    trustedDocumentsMiddleware(services.trustedDocuments),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const credentials = credentialsFromRequest(req);
        const context = await services.openContext({
          logger: req.log,
          requestId: req.id as string,
          token: credentials?.token ?? null,
          ip: req.ip ?? null,
          userAgent: req.get('user-agent') ?? null,
          cookie: sessionCookie(res, config),
        });
        await requireTrustedDocument({
          enforce: config.trustedDocuments.enforce,
          origin: (res.locals['documentOrigin'] as DocumentOrigin | undefined) ?? 'ad-hoc',
          credentials: credentials?.source ?? null,
          apiDocumentsAllowed: () => apiDocumentsAllowed(context),
        });
        return context;
      },
    }),
    graphqlErrorHandler,
  );

  registerPayslipPdf(app, services);
  registerFileRoutes(app, services);
  registerImportRoute(app, services);
  serveWebClient(app, config, logger);
  app.use(notFoundHandler);
  app.use(finalErrorHandler);
  return { server, apollo, idle: (timeoutMs) => inFlight.idle(timeoutMs) };
}

/** Counts executing operations so shutdown can wait for them before closing the database. */
class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  enter(): void {
    this.count += 1;
  }

  leave(): void {
    this.count -= 1;
    if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  idle(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** The built portal at `/` and the bundled GraphiQL at `/graphiql`, when the client has been built. */
function serveWebClient(app: express.Express, config: AppConfig, logger: Logger): void {
  const distDir = config.webDistDir;
  const portal = path.join(distDir, 'index.html');
  if (!fs.existsSync(portal)) {
    logger.warn(
      { distDir },
      'web client not built: run `npm run build:web` to serve the portal and GraphiQL',
    );
    return;
  }
  if (config.graphiql) {
    app.get('/graphiql', (_req, res) => res.sendFile(path.join(distDir, 'graphiql.html')));
  } else {
    app.get(['/graphiql', '/graphiql.html'], (_req, res) => res.status(404).end());
  }
  app.use(express.static(distDir, { index: false, maxAge: '1h' }));
  app.get('/{*path}', (_req, res) => res.sendFile(portal));
}

/** The session cookie: httpOnly, SameSite=Strict, Secure unless configured off. */
function sessionCookie(res: express.Response, config: AppConfig): SessionCookie {
  const options = {
    httpOnly: true,
    secure: config.cookieSecure,
    sameSite: 'strict' as const,
    path: '/',
  };
  return {
    set: (token, expiresAt) =>
      res.cookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => res.clearCookie(SESSION_COOKIE, options),
  };
}
