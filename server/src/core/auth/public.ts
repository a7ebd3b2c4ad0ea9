import { Extensions, type MiddlewareFn } from 'type-graphql';
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { requireViewer, type AuthFailure, type Viewer } from './viewer.js';

const PUBLIC = 'public';

/** Marks a root field callable without signing in (sign-in itself, registration). */
export const Public = (): MethodDecorator & PropertyDecorator & ClassDecorator =>
  Extensions({ [PUBLIC]: true });

const isPublic = (field: { extensions?: Record<string, unknown> | null } | undefined): boolean =>
  field?.extensions?.[PUBLIC] === true;

/** True when the root field being resolved is marked @Public(). */
export const isPublicField = (info: GraphQLResolveInfo): boolean =>
  isPublic(info.parentType.getFields()[info.fieldName]);

const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);

/** Deny by default: every root field needs a signed-in viewer unless it is marked @Public(). */
export const requireSignIn: MiddlewareFn<{
  viewer: Viewer | null;
  authFailure: AuthFailure | null;
}> = ({ context, info }, next) => {
  if (rootTypes.has(info.parentType.name) && !isPublicField(info)) {
    requireViewer(context.viewer, context.authFailure);
  }
  return next();
};

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
