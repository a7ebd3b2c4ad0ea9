import {
  NoSchemaIntrospectionCustomRule,
  type GraphQLError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';

/**
 * Rules every operation must pass over HTTP and WebSocket alike, so a single request cannot ask for
 * unbounded work. Introspection (GraphiQL, codegen) is exempt from the depth and cost limits.
 */
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
    maxDepthRule({ n: 12, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: 30, ...report }),
    costLimitRule({ maxCost: 20000, ignoreIntrospection: true, ...report }),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}
