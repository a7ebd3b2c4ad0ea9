import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** The first `extensions.code` of a GraphQL error, if it is one. */
export function errorCode(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}

/** The field path a BAD_USER_INPUT error names, joined with dots ("input.login"). */
export function errorField(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const field = error.errors[0]?.extensions?.['field'];
  return Array.isArray(field) ? field.join('.') : null;
}

/** Minutes until a TOO_MANY_ATTEMPTS refusal lifts (its `retryAfterSeconds`), or `fallback`. */
export function retryAfterMinutes(error: unknown, fallback = 15): number {
  if (!CombinedGraphQLErrors.is(error)) return fallback;
  const seconds = error.errors[0]?.extensions?.['retryAfterSeconds'];
  return typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : fallback;
}

/** What happened, in the user's language: network, access, not found, input or the server. */
export function describeError(error: unknown, t: TFunction): string {
  const code = errorCode(error);
  if (code === 'FORBIDDEN') return t('errors.forbidden');
  if (code === 'NOT_FOUND') return t('errors.notFound');
  if (code === 'BAD_USER_INPUT') return t('errors.input');
  if (code) return t('errors.server');
  if (ServerError.is(error))
    return error.statusCode >= 500 ? t('errors.server') : t('errors.unknown');
  return t('errors.network');
}
