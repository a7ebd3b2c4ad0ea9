import {
  NoSchemaIntrospectionCustomRule,
  parse,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type Source,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.js';
import { ErrorCode, maskError } from '../core/errors.js';

/**
 * Limits every operation must pass, over HTTP and WebSocket alike, set just above what the
 * portal's own operations need, so a single request cannot ask for unbounded work.
 */
export const operationLimits = {
  /** Lexical tokens in one document (parser). */
  maxTokens: 2000,
  depth: 12,
  /** Ten aliased sign-ins in one request must be possible to count, not to exceed by far. */
  aliases: 30,
  directives: 20,
  cost: 20000,
} as const;

/** Validation rules for both transports; introspection (GraphiQL, codegen) skips depth and cost. */
export function graphqlRules(options: { introspection: boolean }): ValidationRule[] {
  // The armor rules throw on rejection by default, which the servers report as an internal error;
  // reported instead, a rejection is an ordinary GRAPHQL_VALIDATION_FAILED.
  const report = {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
    ],
  };
  return [
    maxDepthRule({ n: operationLimits.depth, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: operationLimits.aliases, ...report }),
    maxDirectivesRule({ n: operationLimits.directives, ...report }),
    costLimitRule({ maxCost: operationLimits.cost, ignoreIntrospection: true, ...report }),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/** The parser both transports use, with the token limit. */
export const parseOperation = (source: string | Source): DocumentNode =>
  parse(source, { maxTokens: operationLimits.maxTokens });

/** What a client may see of an error: masked to the stable codes, without hints in production. */
export function formatForClient(
  config: AppConfig,
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
): GraphQLFormattedError {
  const masked = maskError(formatted, error, (internal) =>
    logger.error({ err: internal }, 'unexpected GraphQL error'),
  );
  return config.nodeEnv === 'production' ? withoutSuggestions(masked) : masked;
}

/** In production, "Did you mean …?" hints would map the schema for a stranger: drop them. */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  return error.message.includes('Did you mean')
    ? { ...error, message: error.message.replace(/\s*Did you mean .*$/, '') }
    : error;
}

/**
 * In production an anonymous caller learns nothing of the schema from a refusal: every validation
 * error reads the same, with no field, type or location named (a signed-in user gets the detail).
 */
export function uniformForStrangers(
  errors: readonly GraphQLFormattedError[],
): GraphQLFormattedError[] {
  return errors.map((error) =>
    error.extensions?.['code'] === ErrorCode.GraphqlValidationFailed
      ? {
          message: 'The operation is not valid',
          extensions: { code: ErrorCode.GraphqlValidationFailed },
        }
      : error,
  );
}
