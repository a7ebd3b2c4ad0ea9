import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  GraphQLError,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { tokenFromConnectionParams, tokenFromRequest } from '../core/auth/credentials.js';
import { originAllowed } from '../core/auth/origin.js';
import { clientAddressOf } from './client-address.js';
import { SessionService } from '../modules/identity/index.js';
import { AppError, ErrorCode, internalError, publicErrorOf } from '../core/errors.js';
import type { AppContext, AppServices } from '../core/context.js';
import { formatForClient, parseOperation } from './graphql-rules.js';
import {
  apiDocumentsAllowed,
  requireTrustedDocument,
  resolveDocument,
  type CredentialSource,
} from './trusted-documents.js';
import { CloseCodes, SlowConsumerWatch, WebSocketLedger } from './ws-limits.js';

/** A frame larger than this closes the socket: operations are small, payloads come by HTTP. */
const MAX_FRAME_BYTES = 64 * 1024;

/** Valid documents kept by their text (the oldest goes first), shared by every socket sending it. */
const MAX_CACHED_DOCUMENTS = 500;

interface SocketAuth {
  token: string;
  /** `connectionParams` (set by the caller's code) or the session cookie (sent by a browser). */
  source: CredentialSource;
  sessionId: string;
  userId: string;
}

/**
 * graphql-ws on the HTTP server's port and `/graphql` path. A socket authenticates when it connects
 * (the session cookie, from an allowed Origin, or a token in `connectionParams`), gets the HTTP side's
 * validation rules and error masking, and is closed on every instance when its session is revoked.
 */
export function attachWebSocketServer(
  server: http.Server,
  schema: GraphQLSchema,
  services: AppServices,
  logger: Logger,
  rules: readonly ValidationRule[],
): { dispose(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_FRAME_BYTES });
  const mask = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatForClient(services.config, error.toJSON(), error, logger));
  const socketsBySession = new Map<string, Set<WebSocket>>();
  const auth = new WeakMap<WebSocket, SocketAuth>();
  const limits = services.config.webSocket;
  const ledger = new WebSocketLedger<WebSocket>(limits);
  // Thousands of clients subscribe with the same few texts: one parse, one validation, one AST.
  const documents = new Map<string, DocumentNode>();

  // Every socket counts against its address from the first byte, signed in or not (an unsigned
  // one is closed by graphql-ws after connectionInitWaitTimeout, 3 s).
  const addressOf = clientAddressOf(services.config.trustProxy);
  wss.on('connection', (socket, request) => {
    // Behind a trusted proxy, the client's address (X-Forwarded-For), as Express's req.ip.
    const address = addressOf(request);
    if (!ledger.takeAddress(address)) {
      socket.close(CloseCodes.TooManyConnections, ErrorCode.TooManyConnections);
      return;
    }
    socket.once('close', () => ledger.releaseAddress(address));
    slow.track(socket);
  });
  const slow = new SlowConsumerWatch<WebSocket>(limits);
  const watch = setInterval(
    () => {
      const now = Date.now();
      for (const socket of wss.clients) {
        if (socket.readyState !== socket.OPEN || !slow.isSlow(socket, now)) continue;
        logger.warn({ bufferedBytes: socket.bufferedAmount }, 'WebSocket slow consumer dropped');
        socket.close(CloseCodes.SlowConsumer, ErrorCode.SlowConsumer);
        // A client that does not read will not read the close frame either.
        setTimeout(() => socket.terminate(), 1000).unref();
      }
    },
    Math.max(100, Math.min(5000, Math.round(limits.slowConsumerMs / 3))),
  );
  watch.unref();

  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        let entry: SocketAuth | null;
        try {
          entry = await authenticate(services, ctx.extra.request, ctx.connectionParams);
        } catch (error) {
          refuseSocket(socket, error, logger);
          return false;
        }
        if (!entry) return false;
        if (!ledger.takeUser(entry.userId)) {
          socket.close(CloseCodes.TooManyConnections, ErrorCode.TooManyConnections);
          return false;
        }
        auth.set(socket, entry);
        const sockets = socketsBySession.get(entry.sessionId) ?? new Set();
        sockets.add(socket);
        socketsBySession.set(entry.sessionId, sockets);
        return true;
      },
      onClose: (ctx) => {
        const entry = auth.get(ctx.extra.socket);
        if (!entry) return;
        ledger.releaseUser(entry.userId);
        const sockets = socketsBySession.get(entry.sessionId);
        sockets?.delete(ctx.extra.socket);
        if (sockets?.size === 0) socketsBySession.delete(entry.sessionId);
      },
      // Parsing (with the token limit), validation and the context, in one place: a rejected
      // operation gets an error message and the socket stays open.
      onSubscribe: async (ctx, id, payload) => {
        // By hash from the portal's trusted documents, or the text sent.
        const resolved = resolveDocument(services.trustedDocuments, payload);
        if (!resolved) {
          return [
            new GraphQLError('PersistedQueryNotFound', {
              extensions: { code: ErrorCode.PersistedQueryNotFound },
            }),
          ];
        }
        const text = resolved.query ?? '';
        let document = documents.get(text);
        if (!document) {
          try {
            document = parseOperation(text);
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            return [
              new GraphQLError(error.message, {
                extensions: { code: ErrorCode.GraphqlParseFailed },
              }),
            ];
          }
          const errors = validate(schema, document, [...specifiedRules, ...rules]);
          if (errors.length > 0) return errors;
          documents.set(text, document);
          if (documents.size > MAX_CACHED_DOCUMENTS)
            documents.delete(documents.keys().next().value!);
        }
        if (!ledger.takeOperation(ctx.extra.socket, id)) {
          return [
            new GraphQLError(
              `At most ${limits.subscriptionsPerSocket} operations at once on one connection`,
              {
                extensions: {
                  code: ErrorCode.SubscriptionLimitExceeded,
                  limit: limits.subscriptionsPerSocket,
                },
              },
            ),
          ];
        }
        const requestId = randomUUID();
        let contextValue: AppContext;
        try {
          contextValue = await services.openContext({
            logger: logger.child({ reqId: requestId, wsOperation: id }),
            requestId,
            token: auth.get(ctx.extra.socket)?.token ?? null,
            ip: addressOf(ctx.extra.request),
            userAgent: ctx.extra.request.headers['user-agent'] ?? null,
            cookie: null,
          });
          await requireTrustedDocument({
            enforce: services.config.trustedDocuments.enforce,
            origin: resolved.origin,
            credentials: auth.get(ctx.extra.socket)?.source ?? null,
            apiDocumentsAllowed: () => apiDocumentsAllowed(contextValue),
          });
        } catch (error) {
          ledger.releaseOperation(ctx.extra.socket, id);
          // Answered as this operation's error (masked by onError); the socket stays open.
          return [error instanceof AppError ? error : internalError(error)];
        }
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue,
        };
      },
      // Called when the client stops an operation and when the operation ends by itself.
      onComplete: (ctx, id) => ledger.releaseOperation(ctx.extra.socket, id),
      onError: (ctx, id, _payload, errors) => {
        ledger.releaseOperation(ctx.extra.socket, id);
        return mask(errors);
      },
      onNext: async (_ctx, _id, _payload, args, result) => {
        try {
          await (args.contextValue as AppContext).access.flush();
        } catch (error) {
          // A read that could not be journalled is not delivered.
          return { errors: mask([internalError(error)]) };
        }
        return result.errors ? { ...result, errors: mask(result.errors) } : undefined;
      },
      // Whatever still escapes a hook closes the socket with a fixed reason, never its message.
      isProd: true,
    },
    wss,
  );

  const revocations = services.pubSub.subscribe('SESSIONS_REVOKED');
  void (async () => {
    for await (const event of revocations) {
      const sockets = event.sessionIds.flatMap((id) => [...(socketsBySession.get(id) ?? [])]);
      // After the current turn: a logout sent over this very socket gets its answer first.
      setTimeout(() => {
        for (const socket of sockets) socket.close(CloseCode.Forbidden, 'Session ended');
      }, 0);
    }
  })().catch((error: unknown) =>
    logger.error({ err: error }, 'session revocation listener failed'),
  );

  return {
    async dispose() {
      clearInterval(watch);
      await revocations.return?.();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * The session a connecting socket presents: a token in `connectionParams`, or the session cookie
 * from an allowed Origin (a cookie is ambient: no cross-site hijacking). Null when refused.
 */
async function authenticate(
  services: AppServices,
  request: http.IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): Promise<SocketAuth | null> {
  const bearer = tokenFromConnectionParams(connectionParams);
  const token =
    bearer ??
    (originAllowed(request, services.config.allowedOrigins) ? tokenFromRequest(request) : null);
  if (!token) return null;
  const session = await new SessionService(services.orm.em.fork(), services.config.session).resolve(
    token,
  );
  return session.viewer
    ? {
        token,
        source: bearer ? 'bearer' : 'cookie',
        sessionId: session.viewer.sessionId,
        userId: session.viewer.userId,
      }
    : null;
}

/** WebSocket close code 1013 "Try Again Later": graphql-ws clients retry it, unlike 4500. */
const TRY_AGAIN_LATER = 1013;

/**
 * Closes a socket whose session could not be checked, with a fixed reason: SERVICE_UNAVAILABLE
 * when the database cannot be reached, else a bare internal error. The cause goes to the log only.
 */
function refuseSocket(socket: WebSocket, error: unknown, logger: Logger): void {
  logger.error({ err: error }, 'WebSocket connection check failed');
  if (publicErrorOf(error)?.extensions['code'] === ErrorCode.ServiceUnavailable)
    socket.close(TRY_AGAIN_LATER, ErrorCode.ServiceUnavailable);
  else socket.close(CloseCode.InternalServerError, 'Internal server error');
}
