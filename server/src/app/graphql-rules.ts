import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';

/**
 * Rules every operation must pass over HTTP and WebSocket alike, so a single request cannot ask for
 * unbounded work. Introspection (GraphiQL, codegen) is exempt from the depth and cost limits.
 */
export function graphqlRules(options: { introspection: boolean }): ValidationRule[] {
  return [
    maxDepthRule({ n: 12, ignoreIntrospection: true }),
    maxAliasesRule({ n: 30 }),
    costLimitRule({ maxCost: 20000, ignoreIntrospection: true }),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}
