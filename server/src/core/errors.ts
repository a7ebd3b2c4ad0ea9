import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The short, stable list of `extensions.code`s clients may rely on. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  /** E-mail asked for where it cannot go: SMTP is not configured, or the account has no address. */
  EmailUnavailable: 'EMAIL_UNAVAILABLE',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountPending: 'ACCOUNT_PENDING',
  AccountDisabled: 'ACCOUNT_DISABLED',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  SessionExpired: 'SESSION_EXPIRED',
  SessionRevoked: 'SESSION_REVOKED',
  SessionInvalid: 'SESSION_INVALID',
  TransitionNotAllowed: 'TRANSITION_NOT_ALLOWED',
  CommentRequired: 'COMMENT_REQUIRED',
  AttachmentRequired: 'ATTACHMENT_REQUIRED',
  LeaveNoticeTooShort: 'LEAVE_NOTICE_TOO_SHORT',
  LeaveOverlap: 'LEAVE_OVERLAP',
  WeightsNot100: 'WEIGHTS_NOT_100',
  PeriodClosed: 'PERIOD_CLOSED',
  GraphqlParseFailed: 'GRAPHQL_PARSE_FAILED',
  GraphqlValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  BadRequest: 'BAD_REQUEST',
  /**
   * Uploads (`POST /files`): over UPLOAD_MAX_BYTES, a type off the allow-list, a name or declared
   * type that contradicts the bytes, too many files not yet attached.
   */
  FileTooLarge: 'FILE_TOO_LARGE',
  FileTypeNotAllowed: 'FILE_TYPE_NOT_ALLOWED',
  FileTypeMismatch: 'FILE_TYPE_MISMATCH',
  UploadQuotaExceeded: 'UPLOAD_QUOTA_EXCEEDED',
  /** A state-changing HTTP request authenticated by the cookie, without proof it is from our page. */
  CsrfCheckFailed: 'CSRF_CHECK_FAILED',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const publicCodes = new Set<string>(Object.values(ErrorCode));

/** An expected failure with a stable code and, for input problems, the path of the offending field. */
export class AppError extends GraphQLError {
  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: readonly (string | number)[]; details?: Record<string, unknown> } = {},
  ) {
    super(message, {
      extensions: {
        code,
        ...(options.field ? { field: options.field } : {}),
        ...options.details,
      },
    });
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError(ErrorCode.NotFound, `${what} ${id} not found`, { details: { id } });

export const badInput = (field: readonly (string | number)[], message: string): AppError =>
  new AppError(ErrorCode.BadUserInput, message, { field });

/** The AppError behind an error, through GraphQL's wrapping of what a resolver threw; or null. */
export function appErrorOf(error: unknown): AppError | null {
  let current: unknown = error;
  while (current instanceof GraphQLError) {
    if (current instanceof AppError) return current;
    current = current.originalError;
  }
  return null;
}

const isAppError = (error: unknown): boolean => appErrorOf(error) !== null;

/**
 * Turns any error into what a client may see: expected errors and GraphQL's own request errors keep
 * their message and code; everything else (SQL, bugs) becomes a bare INTERNAL_SERVER_ERROR.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => void,
): GraphQLFormattedError {
  if (isAppError(error)) {
    return { ...formatted, extensions: withoutStack(formatted.extensions) };
  }
  // Errors without a path come from parsing, validation or variable coercion, never from a resolver.
  if (formatted.path === undefined && error instanceof GraphQLError) {
    const code = formatted.extensions?.['code'];
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        ...withoutStack(formatted.extensions),
        code:
          typeof code === 'string' && publicCodes.has(code)
            ? code
            : ErrorCode.GraphqlValidationFailed,
      },
    };
  }
  onInternal(error);
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.Internal },
  };
}

function withoutStack(
  extensions: GraphQLFormattedError['extensions'],
): Record<string, unknown> | undefined {
  if (!extensions) return undefined;
  const { stacktrace: _stacktrace, exception: _exception, ...rest } = extensions;
  return rest;
}
