import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { PubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { guardRootFields } from '../core/auth/public.js';
import { DateTimeScalar } from '../core/graphql/scalars.js';
import { resolvers } from './resolvers.js';
import type { AppPubSub } from '../core/topics.js';

// type-graphql needs a pub/sub to build subscription fields; printing the SDL never publishes.
const noPubSub: PubSub<Record<string, [unknown]>> = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('pub/sub is not configured');
  },
};

/** The code-first schema; the one source of `schema/schema.graphql`. */
export async function buildAppSchema(pubSub: AppPubSub | null): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    pubSub: pubSub ?? noPubSub,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
  });
  return guardRootFields(schema);
}

/** The SDL as committed: sorted so the file changes only when the schema does. */
export async function printAppSchema(): Promise<string> {
  const schema = await buildAppSchema(null);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
