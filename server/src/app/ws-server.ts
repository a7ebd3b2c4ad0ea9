import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  GraphQLError,
  specifiedRules,
  validate,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { tokenFromConnectionParams, tokenFromRequest } from '../core/auth/credentials.js';
import { originAllowed } from '../core/auth/origin.js';
import { SessionService } from '../modules/identity/session.service.js';
import { ErrorCode } from '../core/errors.js';
import { createContext, type AppContext, type AppServices } from './context.js';
import { formatForClient, parseOperation } from './graphql-rules.js';

/** A frame larger than this closes the socket: operations are small, payloads come by HTTP. */
const MAX_FRAME_BYTES = 64 * 1024;

interface SocketAuth {
  token: string;
  sessionId: string;
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

  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      onConnect: async (ctx) => {
        const { request, socket } = ctx.extra;
        const paramsToken = tokenFromConnectionParams(ctx.connectionParams);
        // A cookie is ambient: accept it only from pages this server trusts (no cross-site hijacking).
        const token =
          paramsToken ??
          (originAllowed(request, services.config.allowedOrigins)
            ? tokenFromRequest(request)
            : null);
        if (!token) return false;
        const session = await new SessionService(
          services.orm.em.fork(),
          services.config.session,
        ).resolve(token);
        if (!session.viewer) return false;
        auth.set(socket, { token, sessionId: session.viewer.sessionId });
        const sockets = socketsBySession.get(session.viewer.sessionId) ?? new Set();
        sockets.add(socket);
        socketsBySession.set(session.viewer.sessionId, sockets);
        return true;
      },
      onClose: (ctx) => {
        const entry = auth.get(ctx.extra.socket);
        if (!entry) return;
        const sockets = socketsBySession.get(entry.sessionId);
        sockets?.delete(ctx.extra.socket);
        if (sockets?.size === 0) socketsBySession.delete(entry.sessionId);
      },
      // Parsing (with the token limit), validation and the context, in one place: a rejected
      // operation gets an error message and the socket stays open.
      onSubscribe: async (ctx, id, payload) => {
        let document;
        try {
          document = parseOperation(payload.query);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          return [
            new GraphQLError(error.message, { extensions: { code: ErrorCode.GraphqlParseFailed } }),
          ];
        }
        const errors = validate(schema, document, [...specifiedRules, ...rules]);
        if (errors.length > 0) return errors;
        const requestId = randomUUID();
        const contextValue = await createContext(services, {
          logger: logger.child({ reqId: requestId, wsOperation: id }),
          requestId,
          token: auth.get(ctx.extra.socket)?.token ?? null,
          ip: ctx.extra.request.socket.remoteAddress ?? null,
          userAgent: ctx.extra.request.headers['user-agent'] ?? null,
          cookie: null,
        });
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue,
        };
      },
      onError: (_ctx, _id, _payload, errors) => mask(errors),
      onNext: async (_ctx, _id, _payload, args, result) => {
        await (args.contextValue as AppContext).access.flush();
        return result.errors ? { ...result, errors: mask(result.errors) } : undefined;
      },
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
      await revocations.return?.();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
