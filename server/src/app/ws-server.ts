import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  type GraphQLError,
  specifiedRules,
  validate,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { maskError } from '../core/errors.js';
import { createContext, type AppServices } from './context.js';

/** graphql-ws on the HTTP server's port and the same `/graphql` path, with the HTTP side's rules and masking. */
export function attachWebSocketServer(
  server: http.Server,
  schema: GraphQLSchema,
  services: AppServices,
  logger: Logger,
  rules: readonly ValidationRule[],
): { dispose(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const onInternal = (error: unknown) => logger.error({ err: error }, 'unexpected GraphQL error');
  const mask = (errors: readonly GraphQLError[]) =>
    errors.map((error) => maskError(error.toJSON(), error, onInternal));

  const cleanup = useServer(
    {
      schema,
      validate: (validationSchema, document) =>
        validate(validationSchema, document, [...specifiedRules, ...rules]),
      context: (_ctx, id) => {
        const requestId = randomUUID();
        return createContext(
          services,
          logger.child({ reqId: requestId, wsOperation: id }),
          requestId,
        );
      },
      onError: (_ctx, _id, _payload, errors) => mask(errors),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: mask(result.errors) } : undefined,
    },
    wss,
  );

  return {
    async dispose() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
