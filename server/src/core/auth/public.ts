import { Extensions } from 'type-graphql';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { requireViewer, type AuthFailure, type Viewer } from './viewer.js';

const PUBLIC = 'public';

/** Marks a root field callable without signing in (sign-in itself, registration). */
export const Public = (): MethodDecorator & PropertyDecorator & ClassDecorator =>
  Extensions({ [PUBLIC]: true });

const isPublic = (field: { extensions?: Record<string, unknown> | null } | undefined): boolean =>
  field?.extensions?.[PUBLIC] === true;

/**
 * Deny by default: every root field needs a signed-in viewer unless it is marked @Public(). The
 * check wraps the root fields' resolvers once, when the schema is built, instead of running as a
 * global middleware: that would turn every field of every row into an async call (a 50-row page
 * is thousands of promises), where a root field is the only place the check can fail.
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (isPublic(field)) continue;
      field.resolve = guarded(field.resolve);
      if (field.subscribe) field.subscribe = guarded(field.subscribe);
    }
  }
  return schema;
}

type SignInContext = { viewer: Viewer | null; authFailure: AuthFailure | null };

function guarded(
  resolve: GraphQLFieldResolver<unknown, SignInContext> | undefined,
): GraphQLFieldResolver<unknown, SignInContext> {
  const inner = resolve ?? defaultFieldResolver;
  return (source, args, context, info) => {
    requireViewer(context.viewer, context.authFailure);
    return inner(source, args, context, info);
  };
}

/** `Type.field` for every public root field; a test pins the list so a new one is a visible diff. */
export function publicRootFields(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
    (type) =>
      type
        ? Object.values(type.getFields())
            .filter((field) => isPublic(field))
            .map((field) => `${type.name}.${field.name}`)
        : [],
  );
}
